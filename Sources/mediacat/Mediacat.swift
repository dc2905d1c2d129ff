import ArgumentParser

@main
struct Mediacat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediacat",
        abstract: "A media catalog for photo galleries and video campaigns.",
        discussion: """
            mediacat reads photo and video metadata in-process (libavformat, libexif, libheif), \
            never by running ffprobe or exiftool.
            """,
        version: "0.1.0",
        subcommands: [Probe.self, Render.self, Ingest.self, CollectionCommand.self, AssetCommand.self, Search.self,
                      Verify.self, Failures.self, Serve.self, Export.self])
}
