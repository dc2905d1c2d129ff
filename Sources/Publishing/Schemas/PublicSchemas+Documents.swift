extension PublicSchemas {
    /// Schemas of the documents themselves.
    static let documentDefinitions = #"""
    {
      "CollectionsIndex": {
        "type": "object", "additionalProperties": false,
        "required": ["schemaVersion", "collections"],
        "properties": {
          "schemaVersion": {"const": 1},
          "collections": {"type": "array", "items": {"$ref": "#/$defs/CollectionEntry"}}
        }
      },
      "Collection": {
        "type": "object", "additionalProperties": false,
        "required": ["schemaVersion", "collection", "assets", "page"],
        "properties": {
          "schemaVersion": {"const": 1},
          "collection": {"$ref": "#/$defs/CollectionEntry"},
          "assets": {"type": "array", "items": {"$ref": "#/$defs/AssetSummary"}, "maxItems": 200},
          "page": {
            "type": "object", "additionalProperties": false,
            "required": ["limit", "count"],
            "properties": {
              "limit": {"type": "integer", "minimum": 1, "maximum": 200},
              "kind": {"enum": ["photo", "video", "audio"]},
              "count": {"type": "integer", "minimum": 0},
              "nextCursor": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
              "next": {"type": "string"}
            }
          }
        }
      },
      "Asset": {
        "type": "object", "additionalProperties": false,
        "required": ["schemaVersion", "asset", "jsonLd"],
        "properties": {
          "schemaVersion": {"const": 1},
          "asset": {
            "type": "object", "additionalProperties": false,
            "required": ["id", "kind", "url", "collection", "people", "tags", "mimeType", "media", "renditions"],
            "properties": {
              "id": {"$ref": "#/$defs/PublicId"},
              "kind": {"$ref": "#/$defs/AssetKind"},
              "url": {"type": "string"},
              "collection": {"$ref": "#/$defs/CollectionReference"},
              "title": {"type": "string"},
              "caption": {"type": "string"},
              "altText": {"type": "string"},
              "credit": {"type": "string"},
              "people": {"type": "array", "items": {"type": "string"}},
              "tags": {"type": "array", "items": {"type": "string"}},
              "psaNumber": {"type": "integer"},
              "captureTime": {"$ref": "#/$defs/CaptureTime"},
              "publishedDate": {"type": "string"},
              "width": {"type": "integer", "minimum": 1},
              "height": {"type": "integer", "minimum": 1},
              "duration": {"type": "number", "minimum": 0},
              "mimeType": {"type": "string"},
              "media": {"$ref": "#/$defs/CodecSummary"},
              "location": {
                "description": "Present only when the collection publishes positions.",
                "type": "object", "additionalProperties": false,
                "required": ["latitude", "longitude"],
                "properties": {
                  "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                  "longitude": {"type": "number", "minimum": -180, "maximum": 180}
                }
              },
              "thumbHash": {"type": "string"},
              "renditions": {"type": "array", "items": {"$ref": "#/$defs/Rendition"}},
              "sources": {
                "description": "Videos, whatever the collection says about originals: web, then web-small.",
                "type": "array", "items": {"$ref": "#/$defs/Source"}, "maxItems": 2
              },
              "download": {"$ref": "#/$defs/Download"},
              "original": {
                "description": "Videos and audio where the collection publishes originals: the clean original.",
                "$comment": "The file's picture and sound copied bit for bit into a new container without metadata.",
                "type": "object", "additionalProperties": false,
                "required": ["url", "mimeType", "bytes"],
                "properties": {
                  "url": {"type": "string"},
                  "mimeType": {"type": "string"},
                  "bytes": {"type": "integer", "minimum": 0}
                }
              }
            }
          },
          "jsonLd": {"$ref": "#/$defs/LinkedData"}
        }
      },
      "Search": {
        "type": "object", "additionalProperties": false,
        "required": ["schemaVersion", "query", "count", "results"],
        "properties": {
          "schemaVersion": {"const": 1},
          "query": {"type": "string", "minLength": 1, "maxLength": 200},
          "count": {"type": "integer", "minimum": 0},
          "results": {"type": "array", "items": {"$ref": "#/$defs/AssetSummary"}}
        }
      },
      "Feed": {
        "description": "JSON Feed 1.1 (https://jsonfeed.org/version/1.1).",
        "type": "object", "additionalProperties": false,
        "required": ["version", "title", "feed_url", "items", "_mediacat"],
        "properties": {
          "version": {"const": "https://jsonfeed.org/version/1.1"},
          "title": {"type": "string"},
          "feed_url": {"type": "string"},
          "home_page_url": {"type": "string"},
          "_mediacat": {
            "type": "object", "additionalProperties": false, "required": ["schemaVersion"],
            "properties": {"schemaVersion": {"const": 1}}
          },
          "items": {"type": "array", "items": {"$ref": "#/$defs/FeedItem"}}
        }
      },
      "Error": {
        "type": "object", "additionalProperties": false,
        "required": ["schemaVersion", "error"],
        "properties": {
          "schemaVersion": {"const": 1},
          "error": {
            "type": "object", "additionalProperties": false,
            "required": ["status", "message"],
            "properties": {
              "status": {"type": "integer", "minimum": 400, "maximum": 599},
              "message": {"type": "string"}
            }
          }
        }
      }
    }
    """#
}
