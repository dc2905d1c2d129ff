#!/usr/bin/env python3
"""Validates public documents against mediacat's OpenAPI document and JSON Schema bundle.

usage: validate-documents.py OPENAPI.json SCHEMA.json MANIFEST.json
MANIFEST lists {"file": PATH, "schema": NAME} pairs; each file must validate against
components/schemas/NAME of the OpenAPI document and $defs/NAME of the schema bundle.
Every $ref in both documents must resolve. Prints one line per problem; exit status 1 if any.
"""
import json
import sys

from jsonschema import Draft202012Validator


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def resolve(root, pointer):
    node = root
    for part in pointer.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def main():
    openapi, bundle, manifest = (json.load(open(path)) for path in sys.argv[1:4])
    problems = []
    if openapi.get("openapi") != "3.1.0":
        problems.append("openapi: version is not 3.1.0")
    for name, document in (("openapi", openapi), ("schema", bundle)):
        for ref in refs(document):
            try:
                resolve(document, ref)
            except (KeyError, TypeError):
                problems.append(f"{name}: unresolved $ref {ref}")
    Draft202012Validator.check_schema(bundle)
    for schema in openapi["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    for entry in manifest:
        document = json.load(open(entry["file"]))
        roots = [
            {"$ref": f"#/components/schemas/{entry['schema']}", "components": openapi["components"]},
            {"$ref": f"#/$defs/{entry['schema']}", "$defs": bundle["$defs"]},
        ]
        for root in roots:
            for error in Draft202012Validator(root).iter_errors(document):
                path = "/".join(str(p) for p in error.absolute_path)
                problems.append(f"{entry['file']}: {entry['schema']} at /{path}: {error.message[:200]}")
    for problem in problems:
        print(problem)
    print(f"validated {len(manifest)} documents against {len(openapi['components']['schemas'])} schemas: "
          f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


main()
