internal import Foundation

/// A regular file opened for reading: owns the descriptor from `open(2)`, closed in `deinit`.
/// Refuses directories, FIFOs and devices before reading a byte (a FIFO or /dev/zero would
/// otherwise block or never end).
final class SourceFile {
    private let descriptor: Int32
    let size: Int64

    init(path: String) throws(ProbeError.Reason) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            throw code == ENOENT ? .notFound : .unreadable(String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notRegularFile
        }
        descriptor = fd
        size = Int64(status.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from `offset`; fewer at the end of the file.
    func read(at offset: Int64, count: Int) throws(ProbeError.Reason) -> [UInt8] {
        guard count > 0, offset >= 0, offset < size else { return [] }
        let wanted = min(count, Int(size - offset))
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: wanted) { raw, initialized in
            while initialized < wanted {
                let n = pread(descriptor, raw.baseAddress! + initialized, wanted - initialized, off_t(offset) + off_t(initialized))
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }  // the file shrank while we read it
                initialized += n
            }
        }
        if failure != 0 { throw .unreadable(String(cString: strerror(failure))) }
        return buffer
    }

    func readAll() throws(ProbeError.Reason) -> [UInt8] {
        try read(at: 0, count: Int(size))
    }
}
