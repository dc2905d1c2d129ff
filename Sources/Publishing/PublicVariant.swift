/// The catalog's variant names publishing treats specially.
enum PublicVariant {
    /// The clean original: public only as `/originals/…`, where the collection publishes originals.
    static let original = "original"
    static let web = "web"
    static let webSmall = "web-small"
    static let download = "download"
    /// A video's web renditions, in playback preference: the full size first.
    static let webVideo = [web, webSmall]
}
