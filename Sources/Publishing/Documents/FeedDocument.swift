/// `GET /api/v1/feed.json`: a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of published PSAs
/// and campaign videos, newest first, for feed readers and the town website.
struct FeedDocument: Encodable {
    struct Item: Encodable {
        struct Attachment: Encodable {
            var url: String
            var mimeType: String
            var sizeInBytes: Int64?
            var durationInSeconds: Double?

            enum CodingKeys: String, CodingKey {
                case url, mimeType = "mime_type", sizeInBytes = "size_in_bytes", durationInSeconds = "duration_in_seconds"
            }
        }

        /// mediacat's own fields, under the extension key JSON Feed reserves for publishers.
        struct Extension: Encodable {
            var kind: String
            var collection: String
            var psaNumber: Int?
        }

        var id: String
        var url: String
        var title: String?
        var contentText: String
        var summary: String?
        var image: String?
        var datePublished: String?
        var tags: [String]?
        var authors: [FeedDocument.Author]?
        var attachments: [Attachment]?
        var mediacat: Extension

        enum CodingKeys: String, CodingKey {
            case id, url, title, contentText = "content_text", summary, image, datePublished = "date_published", tags
            case authors, attachments, mediacat = "_mediacat"
        }
    }

    struct Author: Encodable {
        var name: String
    }

    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var feedURL: String
    var homePageURL: String?
    /// The schema version, under the extension key (JSON Feed's own `version` is the feed format's).
    var mediacat = FeedExtension()
    var items: [Item]

    struct FeedExtension: Encodable {
        var schemaVersion = publicSchemaVersion
    }

    enum CodingKeys: String, CodingKey {
        case version, title, feedURL = "feed_url", homePageURL = "home_page_url", mediacat = "_mediacat", items
    }
}
