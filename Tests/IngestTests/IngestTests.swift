import Catalog
import Foundation
import Renditions
import Synchronization
import Ingest
import Testing
import TestSupport

struct IngestTests {
    @Test func sampleLibraryComesUpDescribed() throws {
        let lib = try TestLibrary()
        let report = try Ingestor(catalog: lib.catalog, options: {
            var o = IngestOptions(libraryRoot: Fixtures.sampleLibrary, renditionRoot: lib.root.appendingPathComponent("renditions"))
            o.jobs = 2
            return o
        }()).run([Fixtures.sampleLibrary.path])
        #expect(report.count(.added) == 30 && !report.hasFailures)
        #expect(try lib.catalog.collections().map(\.title) ==
            ["BW Cars", "Group Original", "I Love Westport", "Parade 1", "Parade 2", "Parade 5", "Westport United"])
        let psas = try lib.catalog.assets(inCollection: "westport-united")
        #expect(psas.map(\.psaNumber) == [1, 2, 3, 4])
        #expect(psas.map(\.publishedDate) == ["2020-03-22", "2020-03-23", "2020-03-26", "2020-04-03"])
        let promises = try lib.catalog.assets(inCollection: "i-love-westport")
        #expect(promises.allSatisfy { !$0.people.isEmpty && $0.status == .published })
        #expect(try lib.catalog.collection(slug: "group-original")?.status == .draft)
        #expect(try lib.invariantProblems().isEmpty)
    }

    @Test func unchangedLibraryProbesNothing() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        for name in ["camera.jpg", "gps-nw.jpg", "orientation-6.jpg"] { try lib.add("photos/\(name)", as: name) }
        try lib.add("videos/short.mp4", as: "short.mp4")
        #expect(try lib.ingest().probed == 4)
        let again = try lib.ingest()
        #expect(again.probed == 0)
        #expect(again.count(.unchanged) == 4)
    }

    @Test func renameKeepsIdEditsAndRenditions() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "a/camera.jpg")
        try lib.ingest()
        let before = try #require(try lib.catalog.asset(sourcePath: "a/camera.jpg"))
        try lib.catalog.editAsset(publicId: before.publicId, field: .caption, value: "Staff caption")
        try FileManager.default.createDirectory(at: lib.library.appendingPathComponent("b"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: lib.library.appendingPathComponent("a/camera.jpg"),
                                         to: lib.library.appendingPathComponent("b/renamed.jpg"))
        let report = try lib.ingest()
        #expect(report.count(.moved) == 1 && report.probed == 0)
        let after = try #require(try lib.catalog.asset(sourcePath: "b/renamed.jpg"))
        #expect(after.publicId == before.publicId && after.caption == "Staff caption")
        #expect(try lib.catalog.renditions(assetId: after.id!).count == 5)  // thumb and preview × JPEG, WebP; download
    }

    @Test func duplicatesAreReportedNotStored() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "one.jpg")
        try lib.add("photos/camera.jpg", as: "two.jpg")
        let report = try lib.ingest()
        #expect(report.count(.added) == 1 && report.count(.duplicate) == 1)
        #expect(report.entries.first { $0.action == .duplicate }?.detail == "same bytes as one.jpg")
        try lib.add("photos/camera.jpg", as: "three.jpg")
        #expect(try lib.ingest().count(.duplicate) == 2)
        #expect(try lib.catalog.allAssets().count == 1)
    }

    @Test func changedFileIsRedoneAndKeepsEdits() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "photo.jpg")
        try lib.ingest()
        let before = try #require(try lib.catalog.asset(sourcePath: "photo.jpg"))
        try lib.catalog.editAsset(publicId: before.publicId, field: .title, value: "Kept")
        try lib.add("photos/large.jpg", as: "photo.jpg")
        let report = try lib.ingest()
        #expect(report.count(.updated) == 1 && report.probed == 1)
        let after = try #require(try lib.catalog.asset(sourcePath: "photo.jpg"))
        #expect(after.publicId == before.publicId && after.title == "Kept" && after.width == 2400)
        #expect(try lib.invariantProblems().isEmpty)
        // The old renditions are gone from disk; the new ones are there.
        let old = try FileManager.default.subpathsOfDirectory(atPath: lib.options.renditionRoot.path).filter { $0.contains(before.sha256) }
        #expect(old.isEmpty)
    }

    @Test func badFilesAreFailuresAndTheRestIsIngested() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "good.jpg")
        try lib.add("bad/empty.jpg", as: "empty.jpg")
        try lib.add("bad/truncated.jpg", as: "truncated.jpg")
        try lib.add("bad/text.mp4", as: "text.mp4")
        let report = try lib.ingest()
        #expect(report.count(.added) == 1 && report.count(.failed) == 3)
        #expect(report.entries.first { $0.path == "empty.jpg" }?.detail == "empty file (0 bytes)")
        let failures = try lib.catalog.failures()
        #expect(Set(failures.map(\.sourcePath)) == ["empty.jpg", "truncated.jpg", "text.mp4"])
        #expect(try lib.invariantProblems().isEmpty)
    }

    @Test func strictStopsAtTheFirstFailure() throws {
        let lib = try TestLibrary { $0.collection = "g"; $0.jobs = 1; $0.strict = true }
        try lib.add("bad/empty.jpg", as: "a-empty.jpg")
        for i in 0..<4 { try lib.add("photos/orientation-\(i + 1).jpg", as: "b-\(i).jpg") }
        let report = try lib.ingest()
        #expect(report.count(.failed) == 1 && report.count(.skipped) == 4 && report.stoppedEarly)
    }

    @Test func dryRunWritesNothing() throws {
        let lib = try TestLibrary { $0.collection = "g"; $0.dryRun = true }
        try lib.add("photos/camera.jpg", as: "a.jpg")
        let report = try lib.ingest()
        #expect(report.count(.added) == 1 && report.dryRun)
        #expect(try lib.catalog.allAssets().isEmpty && lib.catalog.collections().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: lib.options.renditionRoot.path))
    }

    @Test func manifestsDescribeAndStaffEditsWin() throws {
        let lib = try TestLibrary()
        try lib.add("videos/short.mp4", as: "psa/psa-1.mp4")
        try lib.add("photos/camera.jpg", as: "loose/photo.jpg")
        try lib.write("""
            title: Westport United
            kind: psaSeries
            status: published
            defaults: {credit: Westport PD, status: published}
            files:
              psa-1.mp4: {title: "Westport United #1", psaNumber: 1, published: 2020-03-22, people: [Chief, Officer Smith]}
            """, to: "psa/collection.yaml")
        let first = try lib.ingest()
        #expect(first.entries.first { $0.path == "loose/photo.jpg" }?.action == .failed)  // no collection
        let psa = try #require(try lib.catalog.asset(sourcePath: "psa/psa-1.mp4"))
        #expect(psa.title == "Westport United #1" && psa.psaNumber == 1 && psa.people == ["Chief", "Officer Smith"])
        #expect(psa.credit == "Westport PD" && psa.status == .published)
        try lib.catalog.editAsset(publicId: psa.publicId, field: .title, value: "Stay home")
        try lib.write("""
            title: Westport United
            kind: psaSeries
            files:
              psa-1.mp4: {title: "Changed in the manifest", caption: "New caption"}
            """, to: "psa/collection.yaml")
        try lib.ingest([lib.library.appendingPathComponent("psa").path])
        let after = try #require(try lib.catalog.asset(sourcePath: "psa/psa-1.mp4"))
        #expect(after.title == "Stay home" && after.caption == "New caption")
    }

    @Test func brokenManifestIsAFailureNamingIt() throws {
        let lib = try TestLibrary()
        try lib.add("photos/camera.jpg", as: "g/a.jpg")
        try lib.write("title: [unclosed", to: "g/collection.yaml")
        let report = try lib.ingest()
        let detail = try #require(report.entries.first?.detail)
        #expect(report.count(.failed) == 1 && detail.contains("collection.yaml"))
    }

    @Test func filesOutsideTheLibraryAreRefused() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        let report = try lib.ingest([Fixtures.path("photos/camera.jpg")])
        #expect(report.count(.failed) == 1)
        #expect(report.entries.first?.detail?.contains("outside the library root") == true)
    }
}

extension IngestTests {
    @Test func swappedFilesKeepTheirCaptionsAndRenditions() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "a.jpg")
        try lib.add("photos/large.jpg", as: "b.jpg")
        try lib.ingest()
        let a = try #require(try lib.catalog.asset(sourcePath: "a.jpg")), b = try #require(try lib.catalog.asset(sourcePath: "b.jpg"))
        try lib.catalog.editAsset(publicId: a.publicId, field: .caption, value: "camera")
        try FileManager.default.moveItem(at: lib.library.appendingPathComponent("a.jpg"), to: lib.library.appendingPathComponent("tmp"))
        try FileManager.default.moveItem(at: lib.library.appendingPathComponent("b.jpg"), to: lib.library.appendingPathComponent("a.jpg"))
        try FileManager.default.moveItem(at: lib.library.appendingPathComponent("tmp"), to: lib.library.appendingPathComponent("b.jpg"))
        let report = try lib.ingest()
        #expect(report.count(.moved) == 2 && report.probed == 0)
        #expect(try lib.catalog.asset(sourcePath: "b.jpg")?.publicId == a.publicId)
        #expect(try lib.catalog.asset(sourcePath: "b.jpg")?.caption == "camera")
        #expect(try lib.catalog.asset(sourcePath: "a.jpg")?.publicId == b.publicId)
        #expect(try lib.invariantProblems().isEmpty)
    }

    @Test func audioIsUnchangedTheSecondTime() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("videos/audio.m4a", as: "a.m4a")
        try lib.ingest()
        let again = try lib.ingest()
        #expect(again.count(.unchanged) == 1 && again.probed == 0)
    }

    /// A video gets its web renditions and clean original; a long transcode reports progress.
    @Test func videoIsMadeWebReadyWithProgress() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("webvideo/hevc.mp4", as: "clip.mp4")
        let events = Mutex<[RenderProgress]>([])
        let report = try Ingestor(catalog: lib.catalog, options: lib.options).run([lib.library.path]) { event in
            if case .working(let path, let progress) = event, path == "clip.mp4" { events.withLock { $0.append(progress) } }
        }
        #expect(report.count(.added) == 1)
        let asset = try #require(try lib.catalog.asset(sourcePath: "clip.mp4"))
        let renditions = try lib.catalog.renditions(assetId: asset.id!)
        #expect(Set(renditions.map(\.variant)).isSuperset(of: ["web", "original", "poster", "thumb"]))
        let web = try #require(renditions.first { $0.variant == "web" })
        #expect(web.codecs?.hasPrefix("avc1.64") == true)
        #expect(web.format == "mp4" && web.width == 320 && web.height == 240 && (web.bitRate ?? 0) > 0)
        let seen = events.withLock { $0 }
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { (0...1).contains($0.fraction) && $0.speed > 0 && $0.stage == "web video" })
    }

    /// Assets catalogued before web renditions existed are rendered again once (their other
    /// files reused), then left alone.
    @Test func assetsMissingNewVariantsAreCompletedOnce() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("videos/short.mp4", as: "short.mp4")
        try lib.ingest { $0.renditions.variants.subtract([.web, .webSmall, .original]) }
        let asset = try #require(try lib.catalog.asset(sourcePath: "short.mp4"))
        #expect(!(try lib.catalog.renditions(assetId: asset.id!).contains { $0.variant == "web" }))
        let completed = try lib.ingest()
        #expect(completed.count(.updated) == 1 && completed.probed == 1)
        #expect(try lib.catalog.renditions(assetId: asset.id!).contains { $0.variant == "web" })
        let again = try lib.ingest()
        #expect(again.count(.unchanged) == 1 && again.probed == 0)
        #expect(try lib.invariantProblems().isEmpty)
    }

    @Test func conflictingPSANumbersFailOneFileNotTheRun() throws {
        let lib = try TestLibrary()
        try lib.add("videos/short.mp4", as: "psa/p1.mp4")
        try lib.add("videos/faststart.mp4", as: "psa/p2.mp4")
        try lib.add("videos/location.mp4", as: "psa/p3.mp4")
        try lib.write("""
            title: PSA
            kind: psaSeries
            files:
              p1.mp4: {psaNumber: 1}
              p2.mp4: {psaNumber: 1}
              p3.mp4: {psaNumber: 3}
            """, to: "psa/collection.yaml")
        let report = try lib.ingest()
        #expect(report.count(.added) == 2 && report.count(.failed) == 1)
        let failed = try #require(report.entries.first { $0.action == .failed })
        #expect(failed.detail?.hasPrefix("PSA number 1 is already used by psa/") == true)
        #expect(try lib.catalog.failures().count == 1)
        // The next run stores new files despite the conflict.
        try lib.add("videos/rotated-180.mp4", as: "psa/p4.mp4")
        #expect(try lib.ingest().entries.first { $0.path == "psa/p4.mp4" }?.action == .added)
    }

    @Test func manifestPosterTimeRerendersTheVideo() throws {
        let lib = try TestLibrary()
        try lib.add("videos/fade-in.mp4", as: "v/clip.mp4")
        try lib.write("title: V\nkind: campaign\n", to: "v/collection.yaml")
        try lib.ingest()
        try lib.write("title: V\nkind: campaign\nfiles:\n  clip.mp4: {posterTime: 2.5}\n", to: "v/collection.yaml")
        let report = try lib.ingest()
        #expect(report.count(.updated) == 1)
        let asset = try #require(try lib.catalog.asset(sourcePath: "v/clip.mp4"))
        #expect(asset.posterTime == 2.5 && abs((asset.posterTimeUsed ?? 0) - 2.5) < 0.05)
        #expect(try lib.invariantProblems().isEmpty)
    }
}

extension IngestTests {
    @Test func symbolicLinksAreReportedNotFollowed() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "real.jpg")
        try FileManager.default.createSymbolicLink(atPath: lib.library.appendingPathComponent("link.jpg").path,
                                                   withDestinationPath: Fixtures.path("photos/large.jpg"))
        let report = try lib.ingest()
        #expect(report.count(.added) == 1)
        #expect(report.entries.first { $0.path == "link.jpg" }?.detail?.hasPrefix("a symbolic link") == true)
    }

    @Test func fileTimesBeyondWhatNanosecondsHoldAreIngested() throws {
        let lib = try TestLibrary { $0.collection = "g" }
        try lib.add("photos/camera.jpg", as: "future.jpg")
        // 1 January 2300: past what Int64 nanoseconds since 1970 can hold (April 2262).
        let future = timespec(tv_sec: 10_413_792_000, tv_nsec: 0)
        #expect(utimensat(AT_FDCWD, lib.library.appendingPathComponent("future.jpg").path, [future, future], 0) == 0)
        #expect(try lib.ingest().count(.added) == 1)
        #expect(try lib.ingest().count(.unchanged) == 1, "the saturated time is stable from run to run")
    }
}
