/// Limits for probing untrusted files. `mediacat` builds one from flags and passes it down.
public struct ProbeOptions: Sendable, Equatable {
    /// Seconds one file may take before it is reported as timed out.
    public var timeLimit: Double
    /// Photos are read whole (their metadata can be anywhere); larger ones are refused.
    public var maxPhotoBytes: Int64
    /// Bytes libavformat may read to identify a container and its streams.
    public var probeSize: Int64

    public init(timeLimit: Double = 15, maxPhotoBytes: Int64 = 1 << 30, probeSize: Int64 = 5_000_000) {
        self.timeLimit = timeLimit
        self.maxPhotoBytes = maxPhotoBytes
        self.probeSize = probeSize
    }
}
