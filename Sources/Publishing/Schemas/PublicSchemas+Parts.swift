extension PublicSchemas {
    /// Schemas of the parts documents share.
    static let partDefinitions = #"""
    {
      "PublicId": {"type": "string", "pattern": "^[a-z0-9]{12}$"},
      "AssetKind": {"enum": ["photo", "video", "audio"]},
      "Rendition": {
        "description": "A file made from an asset; never the clean original (the asset's `original`).",
        "type": "object", "additionalProperties": false,
        "required": ["variant", "format", "mimeType", "url", "bytes"],
        "properties": {
          "variant": {
            "enum": ["thumb", "preview", "download", "poster", "storyboard", "storyboard-cues", "web", "web-small"]
          },
          "format": {"enum": ["jpeg", "webp", "vtt", "mp4", "mov", "webm", "mkv", "m4a", "mp3", "flac", "wav", "ogg"]},
          "mimeType": {"type": "string"},
          "url": {"type": "string"},
          "width": {"type": "integer", "minimum": 1},
          "height": {"type": "integer", "minimum": 1},
          "bytes": {"type": "integer", "minimum": 0},
          "codecs": {"description": "Video and audio: RFC 6381, \"avc1.640028, mp4a.40.2\".", "type": "string"},
          "bitRate": {"description": "Video and audio: bits per second.", "type": "integer", "minimum": 0},
          "duration": {"description": "Video and audio: seconds.", "type": "number", "minimum": 0}
        }
      },
      "Source": {
        "description": "A web video (MP4: H.264, AAC, fast start) for a `<source src type>` element.",
        "type": "object", "additionalProperties": false,
        "required": ["variant", "url", "mimeType", "bytes"],
        "properties": {
          "variant": {"enum": ["web", "web-small"]},
          "url": {"type": "string"},
          "mimeType": {
            "description": "With the codecs when known: `video/mp4; codecs=\"avc1.640028, mp4a.40.2\"`.",
            "type": "string", "pattern": "^video/mp4(; codecs=\"[^\"\\\\]+\")?$"
          },
          "width": {"type": "integer", "minimum": 1},
          "height": {"type": "integer", "minimum": 1},
          "bytes": {"type": "integer", "minimum": 0},
          "bitRate": {"type": "integer", "minimum": 0},
          "duration": {"type": "number", "minimum": 0}
        }
      },
      "Download": {
        "description": "A photo at full size, upright, as a JPEG without metadata.",
        "type": "object", "additionalProperties": false,
        "required": ["url", "mimeType", "bytes"],
        "properties": {
          "url": {"type": "string"},
          "mimeType": {"type": "string"},
          "width": {"type": "integer", "minimum": 1},
          "height": {"type": "integer", "minimum": 1},
          "bytes": {"type": "integer", "minimum": 0}
        }
      },
      "CaptureTime": {
        "type": "object", "additionalProperties": false, "minProperties": 1,
        "properties": {
          "local": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"},
          "offset": {"type": "string", "pattern": "^[+-]\\d{2}:\\d{2}$"},
          "utc": {"type": "string", "pattern": "Z$"}
        }
      },
      "CodecSummary": {
        "type": "object", "additionalProperties": false,
        "properties": {
          "bitRate": {"type": "integer", "minimum": 0},
          "video": {
            "type": "object", "additionalProperties": false,
            "properties": {
              "codec": {"type": "string"}, "profile": {"type": "string"},
              "frameRate": {"type": "number"}, "bitDepth": {"type": "integer"}
            }
          },
          "audio": {
            "type": "object", "additionalProperties": false,
            "properties": {
              "codec": {"type": "string"}, "profile": {"type": "string"},
              "channels": {"type": "integer"}, "sampleRate": {"type": "integer"}
            }
          }
        }
      },
      "CollectionReference": {
        "type": "object", "additionalProperties": false,
        "required": ["slug", "title", "url"],
        "properties": {"slug": {"$ref": "#/$defs/Slug"}, "title": {"type": "string"}, "url": {"type": "string"}}
      },
      "Slug": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,79}$"},
      "CollectionEntry": {
        "type": "object", "additionalProperties": false,
        "required": ["slug", "title", "kind", "url", "counts", "updated"],
        "properties": {
          "slug": {"$ref": "#/$defs/Slug"},
          "title": {"type": "string"},
          "kind": {"enum": ["gallery", "campaign", "psaSeries"]},
          "description": {"type": "string"},
          "url": {"type": "string"},
          "counts": {
            "type": "object", "additionalProperties": false,
            "required": ["total", "photos", "videos", "audio"],
            "properties": {
              "total": {"type": "integer", "minimum": 0}, "photos": {"type": "integer", "minimum": 0},
              "videos": {"type": "integer", "minimum": 0}, "audio": {"type": "integer", "minimum": 0}
            }
          },
          "cover": {
            "type": "object", "additionalProperties": false,
            "required": ["assetId", "renditions"],
            "properties": {
              "assetId": {"$ref": "#/$defs/PublicId"},
              "width": {"type": "integer"}, "height": {"type": "integer"},
              "thumbHash": {"type": "string"},
              "renditions": {"type": "array", "items": {"$ref": "#/$defs/Rendition"}, "minItems": 1}
            }
          },
          "publishedDate": {"type": "string"},
          "updated": {"type": "string"}
        }
      },
      "AssetSummary": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "kind", "url", "collection", "thumbnails"],
        "properties": {
          "id": {"$ref": "#/$defs/PublicId"},
          "kind": {"$ref": "#/$defs/AssetKind"},
          "url": {"type": "string"},
          "collection": {"$ref": "#/$defs/Slug"},
          "title": {"type": "string"}, "caption": {"type": "string"}, "altText": {"type": "string"},
          "width": {"type": "integer", "minimum": 1}, "height": {"type": "integer", "minimum": 1},
          "duration": {"type": "number", "minimum": 0},
          "captureTime": {"$ref": "#/$defs/CaptureTime"},
          "publishedDate": {"type": "string"},
          "psaNumber": {"type": "integer"},
          "thumbHash": {"type": "string"},
          "thumbnails": {"type": "array", "items": {"$ref": "#/$defs/Rendition"}}
        }
      },
      "LinkedData": {
        "description": "A schema.org ImageObject, VideoObject or AudioObject for JSON-LD.",
        "type": "object", "additionalProperties": false,
        "required": ["@context", "@type", "identifier", "encodingFormat"],
        "properties": {
          "@context": {"const": "https://schema.org"},
          "@type": {"enum": ["ImageObject", "VideoObject", "AudioObject"]},
          "identifier": {"type": "string"}, "name": {"type": "string"}, "caption": {"type": "string"},
          "description": {"type": "string"}, "contentUrl": {"type": "string"}, "thumbnailUrl": {"type": "string"},
          "encodingFormat": {"type": "string"}, "width": {"type": "integer"}, "height": {"type": "integer"},
          "duration": {"type": "string", "pattern": "^PT"},
          "dateCreated": {"type": "string"}, "datePublished": {"type": "string"}, "uploadDate": {"type": "string"},
          "creditText": {"type": "string"}, "keywords": {"type": "string"},
          "contentLocation": {
            "type": "object", "additionalProperties": false, "required": ["@type", "geo"],
            "properties": {
              "@type": {"const": "Place"},
              "geo": {
                "type": "object", "additionalProperties": false, "required": ["@type", "latitude", "longitude"],
                "properties": {"@type": {"const": "GeoCoordinates"}, "latitude": {"type": "number"}, "longitude": {"type": "number"}}
              }
            }
          }
        }
      },
      "FeedItem": {
        "type": "object", "additionalProperties": false,
        "required": ["id", "url", "content_text", "_mediacat"],
        "properties": {
          "id": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"},
          "content_text": {"type": "string"}, "summary": {"type": "string"}, "image": {"type": "string"},
          "date_published": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"},
          "tags": {"type": "array", "items": {"type": "string"}},
          "authors": {
            "type": "array",
            "items": {"type": "object", "additionalProperties": false, "required": ["name"], "properties": {"name": {"type": "string"}}}
          },
          "attachments": {
            "type": "array",
            "items": {
              "type": "object", "additionalProperties": false, "required": ["url", "mime_type"],
              "properties": {
                "url": {"type": "string"}, "mime_type": {"type": "string"},
                "size_in_bytes": {"type": "integer"}, "duration_in_seconds": {"type": "number"}
              }
            }
          },
          "_mediacat": {
            "type": "object", "additionalProperties": false, "required": ["kind", "collection"],
            "properties": {
              "kind": {"$ref": "#/$defs/AssetKind"}, "collection": {"$ref": "#/$defs/Slug"}, "psaNumber": {"type": "integer"}
            }
          }
        }
      }
    }
    """#
}
