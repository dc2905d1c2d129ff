internal import Foundation

/// The JSON Schema (draft 2020-12) of every public document, and the OpenAPI 3.1 description of
/// the HTTP API built from the same definitions. Objects forbid properties the schema does not
/// name, so a field added to a document without a schema change (a serial number, a path) fails
/// validation in the tests instead of reaching the public.
enum PublicSchemas {
    /// The definitions, one per document and part, with `#/$defs/` references.
    static var definitions: [String: Any] {
        parse(documentDefinitions).merging(parse(partDefinitions)) { a, _ in a }
    }

    /// All definitions as one schema document; each document's schema is `<id>#/$defs/<Name>`.
    static func jsonSchema(id: String) -> String {
        serialize([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": id,
            "title": "mediacat public documents, schema version \(publicSchemaVersion)",
            "$defs": definitions,
        ])
    }

    /// The OpenAPI 3.1 document; `serverURL` empty means "the server this came from".
    static func openAPI(serverURL: String) -> String {
        let components = rewriteReferences(definitions)
        return serialize([
            "openapi": "3.1.0",
            "info": [
                "title": "mediacat public API",
                "version": "\(publicSchemaVersion)",
                "description": "Published collections, assets, renditions and originals of a mediacat catalog. Drafts, positions (unless a collection publishes them), camera serials and file paths are never part of it.",
            ],
            "servers": [["url": serverURL.isEmpty ? "/" : serverURL]],
            "paths": parse(apiPaths),
            "components": ["schemas": components, "responses": parse(apiResponses), "parameters": parse(apiParameters)],
        ])
    }

    private static func rewriteReferences(_ value: Any) -> Any {
        if let text = value as? String { return text.replacingOccurrences(of: "#/$defs/", with: "#/components/schemas/") }
        if let object = value as? [String: Any] { return object.mapValues(rewriteReferences) }
        if let array = value as? [Any] { return array.map(rewriteReferences) }
        return value
    }

    private static func parse(_ text: String) -> [String: Any] {
        do {
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                preconditionFailure("schema text is not an object")
            }
            return object
        } catch {
            preconditionFailure("schema text is not JSON: \(error)")
        }
    }

    private static func serialize(_ object: [String: Any]) -> String {
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        } catch {
            preconditionFailure("schema is not serializable: \(error)")
        }
    }
}
