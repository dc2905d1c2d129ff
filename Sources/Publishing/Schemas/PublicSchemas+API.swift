extension PublicSchemas {
    /// The routes, their parameters and answers.
    static let apiPaths = #"""
    {
      "/api/v1/collections": {
        "get": {
          "summary": "Every published collection with counts and a cover.",
          "operationId": "listCollections",
          "responses": {"200": {"$ref": "#/components/responses/CollectionsIndex"}, "304": {"$ref": "#/components/responses/NotModified"}, "default": {"$ref": "#/components/responses/Error"}}
        }
      },
      "/api/v1/collections/{slug}": {
        "get": {
          "summary": "One published collection and a page of its published assets, in the collection's order.",
          "operationId": "getCollection",
          "parameters": [
            {"$ref": "#/components/parameters/Slug"}, {"$ref": "#/components/parameters/Cursor"},
            {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Kind"}
          ],
          "responses": {
            "200": {"$ref": "#/components/responses/Collection"}, "304": {"$ref": "#/components/responses/NotModified"},
            "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
      },
      "/api/v1/assets/{id}": {
        "get": {
          "summary": "One published asset with its renditions and schema.org JSON-LD.",
          "operationId": "getAsset",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/PublicId"}}],
          "responses": {
            "200": {"$ref": "#/components/responses/Asset"}, "304": {"$ref": "#/components/responses/NotModified"},
            "404": {"$ref": "#/components/responses/Error"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
      },
      "/api/v1/search": {
        "get": {
          "summary": "Published assets matching every word (by prefix), best first.",
          "operationId": "search",
          "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 200}}],
          "responses": {
            "200": {"$ref": "#/components/responses/Search"}, "304": {"$ref": "#/components/responses/NotModified"},
            "400": {"$ref": "#/components/responses/Error"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
      },
      "/api/v1/feed.json": {
        "get": {
          "summary": "JSON Feed 1.1 of published PSAs and campaign videos, newest first.",
          "operationId": "feed",
          "responses": {"200": {"$ref": "#/components/responses/Feed"}, "304": {"$ref": "#/components/responses/NotModified"}, "default": {"$ref": "#/components/responses/Error"}}
        }
      },
      "/api/v1/openapi.json": {
        "get": {
          "summary": "This document.", "operationId": "openAPI",
          "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
        }
      },
      "/api/v1/schemas/v1.json": {
        "get": {
          "summary": "The JSON Schema of every document.", "operationId": "schema",
          "responses": {"200": {"description": "JSON Schema 2020-12", "content": {"application/schema+json": {"schema": {"type": "object"}}}}}
        }
      },
      "/renditions/{prefix}/{group}/{name}": {
        "get": {
          "summary": "A file made from a published asset, as a document links it, with HTTP Range support.",
          "description": "Thumbnails, previews, downloads, posters, storyboards, cues, web videos. Cache forever.",
          "operationId": "rendition",
          "parameters": [
            {"name": "prefix", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{2}$"}},
            {"name": "group", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[0-9a-f]{2}$"}},
            {"name": "name", "in": "path", "required": true, "schema": {"type": "string"}},
            {"$ref": "#/components/parameters/Range"}, {"$ref": "#/components/parameters/IfRange"}
          ],
          "responses": {
            "200": {
              "description": "The file.",
              "headers": {
                "Cache-Control": {"schema": {"const": "public, max-age=31536000, immutable"}},
                "Accept-Ranges": {"schema": {"const": "bytes"}}
              }
            },
            "206": {"$ref": "#/components/responses/PartialContent"},
            "304": {"$ref": "#/components/responses/NotModified"}, "404": {"$ref": "#/components/responses/Error"},
            "416": {"$ref": "#/components/responses/RangeNotSatisfiable"},
            "default": {"$ref": "#/components/responses/Error"}
          }
        }
      },
      "/originals/{name}": {
        "get": {
          "summary": "The clean original of a published video or audio asset, with HTTP Range support.",
          "description": "Where originals are published: picture and sound, copied into a new file without metadata.",
          "operationId": "original",
          "parameters": [
            {
              "name": "name", "in": "path", "required": true,
              "schema": {"type": "string", "pattern": "^[a-z0-9]{12}\\.(mp4|mov|webm|mkv|m4a|mp3|flac|wav|ogg)$"}
            },
            {"$ref": "#/components/parameters/Range"}, {"$ref": "#/components/parameters/IfRange"}
          ],
          "responses": {
            "200": {"description": "The whole file.", "headers": {"Accept-Ranges": {"schema": {"const": "bytes"}}}},
            "206": {"$ref": "#/components/responses/PartialContent"},
            "304": {"$ref": "#/components/responses/NotModified"},
            "404": {"$ref": "#/components/responses/Error"},
            "416": {"$ref": "#/components/responses/RangeNotSatisfiable"},
            "default": {"$ref": "#/components/responses/Error"}
          }
        }
      }
    }
    """#

    static let apiParameters = #"""
    {
      "Slug": {"name": "slug", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/Slug"}},
      "Cursor": {"name": "cursor", "in": "query", "required": false, "description": "`page.nextCursor` of the previous page.", "schema": {"type": "string", "maxLength": 512}},
      "Limit": {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
      "Kind": {"name": "kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/AssetKind"}},
      "Range": {
        "name": "Range", "in": "header", "required": false, "schema": {"type": "string"},
        "description": "One byte range: `bytes=0-99`, `bytes=100-` or `bytes=-100`; several get the whole file."
      },
      "IfRange": {
        "name": "If-Range", "in": "header", "required": false, "schema": {"type": "string"},
        "description": "The ETag of the version the client has part of: the range applies only to it."
      }
    }
    """#

    static let apiResponses = #"""
    {
      "CollectionsIndex": {"description": "Published collections.", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CollectionsIndex"}}}},
      "Collection": {"description": "A collection page.", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Collection"}}}},
      "Asset": {"description": "An asset.", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Asset"}}}},
      "Search": {"description": "Search results.", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Search"}}}},
      "Feed": {"description": "The feed.", "headers": {"ETag": {"schema": {"type": "string"}}}, "content": {"application/feed+json": {"schema": {"$ref": "#/components/schemas/Feed"}}}},
      "NotModified": {"description": "The `If-None-Match` ETag is current."},
      "PartialContent": {
        "description": "The requested byte range.",
        "headers": {
          "Content-Range": {"schema": {"type": "string", "pattern": "^bytes \\d+-\\d+/\\d+$"}},
          "Accept-Ranges": {"schema": {"const": "bytes"}}
        }
      },
      "RangeNotSatisfiable": {
        "description": "The range lies outside the file.",
        "headers": {"Content-Range": {"schema": {"type": "string", "pattern": "^bytes \\*/\\d+$"}}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Error": {"description": "What was wrong: 400 bad request, 404 not found (drafts included), 405 method, 414 URL too long, 503 catalog unreadable.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
    """#
}
