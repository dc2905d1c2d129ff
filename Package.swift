// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features that keep imports and existentials honest (as in Hummingbird's manifest).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "mediacat",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mediacat", targets: ["mediacat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C headers only: one system library each, bound through pkg-config.
        // FFmpeg's headers only: the executable does not link FFmpeg. CFFmpegLoader loads it
        // with dlopen on first use (see loader.c for why), so no pkg-config link flags here.
        .systemLibrary(
            name: "CFFmpeg", path: "Sources/CFFmpeg",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libavfilter-dev"])]),
        .target(name: "CFFmpegLoader", dependencies: ["CFFmpeg"], path: "Sources/CFFmpegLoader"),
        .systemLibrary(
            name: "CExif", path: "Sources/CExif", pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"])]),
        .systemLibrary(
            name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(
            name: "CHeif", path: "Sources/CHeif", pkgConfig: "libheif",
            providers: [.apt(["libheif-dev"])]),
        .systemLibrary(
            name: "CWebP", path: "Sources/CWebP", pkgConfig: "libwebp",
            providers: [.apt(["libwebp-dev"])]),

        .target(
            name: "MediaBindings",
            dependencies: ["CFFmpeg", "CFFmpegLoader", "CExif", "CTurboJPEG", "CHeif", "CWebP"],
            swiftSettings: strictSettings),
        .target(
            name: "MediaProbe",
            dependencies: ["MediaBindings"],
            swiftSettings: strictSettings),
        .target(
            name: "Renditions",
            dependencies: ["MediaProbe", "MediaBindings", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        .target(
            name: "Catalog",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .target(
            name: "Ingest",
            dependencies: ["MediaProbe", "Renditions", "Catalog", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(
            name: "Publishing",
            dependencies: [
                "Catalog",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "CatalogServer",
            dependencies: [
                "Publishing", "Catalog",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "mediacat",
            dependencies: [
                "MediaProbe",
                "Renditions",
                "Catalog",
                "Ingest",
                "Publishing",
                "CatalogServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "TestSupport",
            dependencies: ["Catalog"],
            path: "Sources/TestSupport",
            swiftSettings: strictSettings),

        .testTarget(
            name: "MediaBindingsTests",
            dependencies: ["MediaBindings", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "MediaProbeTests",
            dependencies: ["MediaProbe", "MediaBindings", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "RenditionsTests",
            dependencies: ["Renditions", "MediaProbe", "MediaBindings", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CatalogTests",
            dependencies: ["Catalog", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "Catalog", "MediaProbe", "Renditions", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PublishingTests",
            dependencies: ["Publishing", "Catalog", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CatalogServerTests",
            dependencies: [
                "CatalogServer", "Publishing", "Catalog", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "mediacatTests",
            dependencies: ["mediacat", "MediaProbe", "Catalog", "TestSupport"],
            swiftSettings: strictSettings),
    ]
)
