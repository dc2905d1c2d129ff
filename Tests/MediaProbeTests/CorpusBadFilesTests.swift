import Testing
import TestSupport
@testable import MediaProbe

/// Every file in ../shared/corpus/bad gives one error line naming it; nothing crashes or hangs.
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingMessage)"))
struct CorpusBadFilesTests {
    let oracle = CorpusOracle(root: Fixtures.corpus)!

    /// Files in bad/ that are readable after all, and why.
    static let readable: [String: String] = [
        "bad/ianare__image01088.jpg":
            "its pixels decode and its only metadata is an XMP packet: this copy has no EXIF segment, so there is nothing invalid to report",
    ]

    @Test func everyBadFileIsAnErrorNamingIt() {
        let files = oracle.files(in: "bad")
        #expect(files.count == 15)
        let results = ResultCollector<Result<MediaInfo, ProbeError>>(count: files.count)
        MediaProber().probeAll(files.map(oracle.path), jobs: 2) { index, result in results.set(index, result) }
        for (file, result) in zip(files, results.all) {
            switch result {
            case .failure(let error)?:
                print("bad file → \(error)")
                #expect(error.description.hasPrefix(oracle.path(file) + ": "))
                #expect(!error.description.contains("\n"))
                #expect(Self.readable[file] == nil, "\(file) was expected to be readable")
            case .success?:
                #expect(Self.readable[file] != nil, "\(file) probed without an error")
            case nil:
                Issue.record("\(file) produced no result")
            }
        }
    }

    @Test func allCorpusPhotosAndVideosProbe() {
        let files = oracle.files(in: "photos") + oracle.files(in: "videos")
        let results = ResultCollector<Result<MediaInfo, ProbeError>>(count: files.count)
        MediaProber().probeAll(files.map(oracle.path), jobs: 2) { index, result in results.set(index, result) }
        for (file, result) in zip(files, results.all) {
            if case .failure(let error)? = result { Issue.record("\(file): \(error)") }
        }
    }
}
