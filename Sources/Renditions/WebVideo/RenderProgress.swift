/// How far a long piece of work on one file has come: for a progress display.
public struct RenderProgress: Sendable, Equatable {
    /// What is being made, e.g. "web video".
    public var stage: String
    /// 0 to 1.
    public var fraction: Double
    /// Seconds of media done per second of work ("4.2× realtime").
    public var speed: Double

    public init(stage: String, fraction: Double, speed: Double) {
        self.stage = stage
        self.fraction = fraction
        self.speed = speed
    }
}
