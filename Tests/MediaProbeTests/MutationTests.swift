import Foundation
import Testing
import TestSupport
@testable import MediaProbe

/// Hostile bytes: seeded mutations of every fixture (overwritten bytes in the headers and
/// anywhere, truncations, extreme 32-bit values, duplicated header runs). Each must give a
/// result or a one-line error naming its file; a crash would take the test process down.
struct MutationTests {
    /// SplitMix64: the same cases on every run and machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ original: [UInt8], _ g: inout Generator) -> [UInt8] {
        var b = original
        guard b.count > 8 else { return b }
        let head = min(b.count, 4096)
        switch Int.random(in: 0..<5, using: &g) {
        case 0:
            for _ in 0..<Int.random(in: 1...30, using: &g) { b[Int.random(in: 0..<head, using: &g)] = UInt8.random(in: 0...255, using: &g) }
        case 1:
            for _ in 0..<Int.random(in: 1...100, using: &g) { b[Int.random(in: 0..<b.count, using: &g)] = UInt8.random(in: 0...255, using: &g) }
        case 2:
            b = Array(b.prefix(Int.random(in: 1..<b.count, using: &g)))
        case 3:
            let words: [[UInt8]] = [[0xFF, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0x7F, 0xFF, 0xFF, 0xFF], [0x80, 0, 0, 0], [0, 0, 0, 1]]
            for _ in 0..<Int.random(in: 1...10, using: &g) {
                let i = Int.random(in: 0..<(head - 4), using: &g)
                b.replaceSubrange(i..<i + 4, with: words.randomElement(using: &g)!)
            }
        default:
            let from = Int.random(in: 0..<head, using: &g), to = Int.random(in: 0..<head, using: &g)
            b.insert(contentsOf: b[from..<min(b.count, from + Int.random(in: 1...64, using: &g))], at: to)
        }
        return b
    }

    @Test func mutatedFixturesNeverCrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-mutations-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = Generator(state: 20_261_127)
        var paths: [String] = []
        for sub in ["photos", "videos"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path(sub)).sorted()
            for name in names {
                let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(sub)/\(name)"))))
                for k in 0..<12 {
                    let path = folder.appendingPathComponent("\(k)-\(name)").path
                    _ = FileManager.default.createFile(atPath: path, contents: Data(Self.mutate(original, &generator)))
                    paths.append(path)
                }
            }
        }
        let results = ResultCollector<Result<MediaInfo, ProbeError>>(count: paths.count)
        MediaProber(options: ProbeOptions(timeLimit: 5)).probeAll(paths, jobs: 2) { index, result in results.set(index, result) }
        var failures = 0
        for (path, result) in zip(paths, results.all) {
            switch result {
            case .success?: break
            case .failure(let error)?:
                failures += 1
                #expect(error.path == path)
                #expect(!error.description.contains("\n"))
                #expect(error.reason != .timedOut(seconds: 5), "\(path) timed out")
            case nil:
                Issue.record("\(path) produced no result")
            }
        }
        print("mutation test: \(paths.count) mutated files, \(failures) refused with an error, none crashed")
        #expect(failures > paths.count / 10)
    }
}
