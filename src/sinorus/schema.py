"""A JSON Schema for the file format, generated from the model.

The generated schema is shipped as ``sinorus/data/schema.json`` (a test keeps
it in step with the model) for tools outside Python:

>>> schema = json_schema()
>>> schema["properties"]["schema_version"]
{'const': 1}
>>> schema["$defs"]["Exercise"]["properties"]["start"]
{'type': 'string', 'format': 'date'}
"""

from __future__ import annotations

from typing import Any

from .fields import Field, fields_of
from .io import SCHEMA_VERSION
from .kinds import KINDS
from .model import Alternative, Coverage, Quote, Source

__all__ = ["json_schema"]


_PLAIN: dict[str, dict[str, Any]] = {
    "text": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
}


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.shape == "enum":
        schema = {"enum": [member.value for member in field.item]}  # type: ignore[union-attr]
    elif field.shape == "names":
        schema = {"type": "array", "items": {"type": "string"}}
    elif field.shape == "sources":
        # a key of the top-level "sources" table, or a source written out
        items: dict[str, Any] = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/Source"}]}
        schema = {"type": "array", "items": items, "minItems": 1}
    elif field.shape == "records":
        name = field.item.__name__  # type: ignore[union-attr]
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
    else:
        schema = dict(_PLAIN[field.shape])
    return {"anyOf": [schema, {"type": "null"}]} if field.optional else schema


def _record_schema(cls: type) -> dict[str, Any]:
    fields = fields_of(cls)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {
        "type": "object",
        "description": doc,
        "properties": {field.name: _field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a sinorus data file.

    >>> sorted(json_schema()["$defs"])[:4]
    ['Agreement', 'Alternative', 'ArmsComparison', 'ArmsTransfer']
    """
    classes = (Source, Quote, Alternative, Coverage, *(kind.record for kind in KINDS))
    definitions = {cls.__name__: _record_schema(cls) for cls in classes}
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "data_version": {"type": "string"},
        "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Source"}},
    }
    for kind in KINDS:
        name = kind.record.__name__
        properties[kind.name] = {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}
    properties["coverage"] = {"type": "array", "items": {"$ref": "#/$defs/Coverage"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sinorus data file",
        "type": "object",
        "properties": properties,
        "required": ["schema_version"],
        "additionalProperties": False,
        "$defs": definitions,
    }


if __name__ == "__main__":  # python -m sinorus.schema rewrites the shipped file
    import json
    import os

    path = os.path.join(os.path.dirname(__file__), "data", "schema.json")
    with open(path, "w", encoding="utf-8") as file:
        file.write(json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {path}")
