public import Glibc

/// File modification times as the catalog records them: nanoseconds since 1970. Ingest, the
/// server's and the export's file checks must compute the same number for the same file, so
/// there is one conversion.
public enum FileTime {
    /// `time` (a `stat` field) in nanoseconds, saturating instead of trapping for times Int64
    /// cannot hold (after 2262 or before 1678): a touched file must crash nothing.
    public static func nanoseconds(_ time: timespec) -> Int64 {
        let (scaled, overflow) = Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return time.tv_sec < 0 ? .min : .max }
        let (sum, overflowed) = scaled.addingReportingOverflow(Int64(time.tv_nsec))
        return overflowed ? .max : sum
    }
}
