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
        guard count > 0, offset < size else { return [] }
        var buffer = [UInt8](repeating: 0, count: min(count, Int(size - offset)))
        var filled = 0
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(offset) + off_t(filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }  // the file shrank while we read it
            filled += n
        }
        return filled == buffer.count ? buffer : Array(buffer.prefix(filled))
    }

    func readAll() throws(ProbeError.Reason) -> [UInt8] {
        try read(at: 0, count: Int(size))
    }
}
