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

import enum
import types
import typing
from datetime import date
from typing import Any

import attrs

from .io import SCHEMA_VERSION
from .model import Alternative, Coverage, Quote, Source
from .validation import SECTIONS

__all__ = ["json_schema"]


def _schema(kind: Any, field: str) -> dict[str, Any]:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [_schema(k, field) for k in typing.get_args(kind)]
        return {"anyOf": options}
    if origin is tuple:
        item = typing.get_args(kind)[0]
        if item is Source:
            # a key of the top-level "sources" table, or a source written out
            items: dict[str, Any] = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/Source"}]}
            return {"type": "array", "items": items, "minItems": 1}
        return {"type": "array", "items": _schema(item, field)}
    if kind is type(None):
        return {"type": "null"}
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if kind is date:
        return {"type": "string", "format": "date"}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"no JSON Schema for {kind!r} (field {field!r})")


def _record_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _schema(hints[field.name], field.name)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a sinorus data file.

    >>> sorted(json_schema()["$defs"])[:4]
    ['Agreement', 'Alternative', 'ArmsComparison', 'ArmsTransfer']
    """
    classes = (Source, Quote, Alternative, Coverage, *SECTIONS.values())
    definitions = {cls.__name__: _record_schema(cls) for cls in classes}
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "data_version": {"type": "string"},
        "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Source"}},
    }
    for section, cls in SECTIONS.items():
        properties[section] = {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
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
