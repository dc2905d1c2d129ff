import Foundation
import Testing
import TestSupport
@testable import Renditions

/// Every corpus photo and video renders, or fails with one line naming it; nothing crashes.
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingMessage)"))
struct CorpusRenditionTests {
    @Test func everyCorpusFileRendersOrFailsCleanly() throws {
        let corpus = Fixtures.corpus!
        let fixture = try RenderFixture { $0.formats = [.jpeg]; $0.variants = [.thumb, .poster] }
        var paths: [String] = []
        for folder in ["photos", "videos", "bad"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)
            paths += names.sorted().map { corpus.appendingPathComponent("\(folder)/\($0)").path }
        }
        let results = ResultCollector<Result<RenditionSet, RenderError>>(count: paths.count)
        fixture.renderer.renderAll(paths, jobs: 2) { index, result in results.set(index, result) }
        var rendered = 0
        for (path, result) in zip(paths, results.all) {
            switch result {
            case .success(let set)?:
                rendered += 1
                #expect(!set.renditions.isEmpty || !set.skipped.isEmpty, "\(path)")
                #expect(!path.contains("/bad/") || path.hasSuffix("ianare__image01088.jpg"), "\(path) should have failed")
            case .failure(let error)?:
                #expect(!error.description.contains("\n"))
                #expect(path.contains("/bad/"), "\(error)")
            case nil:
                Issue.record("\(path): no result")
            }
        }
        print("corpus renditions: \(rendered) of \(paths.count) files rendered")
    }
}
