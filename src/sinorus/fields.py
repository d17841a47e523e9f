"""What each field of a record class holds, read once from its type hints.

The plain loader of the bundled data, the cattrs hooks, the JSON Schema and
the DataFrames all ask this module how to read or write a field, so that a
new field or record class needs no table of field names anywhere else.

>>> from sinorus.model import Exercise
>>> [(f.name, f.shape) for f in fields_of(Exercise)][4:7]
[('start', 'date'), ('end', 'date'), ('precision', 'enum')]
"""

from __future__ import annotations

import enum
import functools
import sys
import types
import typing
from datetime import date
from typing import Any, Final, Literal, NamedTuple, TypeAlias

import attrs

__all__ = ["NESTED", "Field", "FieldShape", "fields_of"]

#: What a field holds, as far as reading and writing it is concerned.
FieldShape: TypeAlias = Literal[
    "text", "int", "float", "bool", "date", "enum", "names", "sources", "records"
]

#: The fields of a record that hold nested records with sources of their own.
NESTED: Final = ("quotes", "alternatives")

_PLAIN: Final[dict[object, FieldShape]] = {
    str: "text",
    int: "int",
    float: "float",
    bool: "bool",
    date: "date",
}


class Field(NamedTuple):
    """One field of a record class: its name, what it holds, and whether it may be left out.

    ``item`` is the enum class of an ``enum`` field or the record class held
    by a ``records`` field; ``default`` is ``attrs.NOTHING`` for a required field.
    """

    name: str
    shape: FieldShape
    optional: bool
    default: Any
    item: type | None = None

    @property
    def required(self) -> bool:
        """Whether a data file must give this field."""
        return self.default is attrs.NOTHING


def _shape(hint: Any, where: str) -> tuple[FieldShape, bool, type | None]:
    """The shape of a type hint, whether it admits None, and its enum or record class."""
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            raise TypeError(f"{where}: unions other than X | None are not supported")
        hint = args[0]
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if item is str:
            return "names", optional, None
        if getattr(item, "__name__", None) == "Source":
            return "sources", optional, item
        if attrs.has(item):
            return "records", optional, item
        raise TypeError(f"{where}: tuples of {item!r} are not supported")
    if hint in _PLAIN:
        return _PLAIN[hint], optional, None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "enum", optional, hint
    raise TypeError(f"{where}: fields of type {hint!r} are not supported")


def _hint(annotation: Any, namespace: dict[str, Any]) -> Any:
    """The type an annotation names; model annotations are strings such as ``"date | None"``.

    Reading them here, rather than with :func:`typing.get_type_hints`
    (which compiles each one), keeps the first query cheap.
    """
    if not isinstance(annotation, str):
        return annotation
    text = annotation.replace(" ", "")
    if text.endswith("|None"):
        return _hint(text[: -len("|None")], namespace) | None
    if text.startswith("tuple[") and text.endswith(",...]"):
        return tuple[_hint(text[len("tuple[") : -len(",...]")], namespace), ...]  # type: ignore[misc]
    builtin = {"str": str, "int": int, "float": float, "bool": bool}
    return builtin[text] if text in builtin else namespace[text]


@functools.cache
def fields_of(cls: type) -> tuple[Field, ...]:
    """The fields of the attrs record class ``cls``, in order.

    >>> from sinorus.model import Agreement
    >>> kind = {f.name: f for f in fields_of(Agreement)}["kind"]
    >>> kind.shape, kind.item.__name__, kind.required
    ('enum', 'AgreementKind', True)
    """
    namespace = vars(sys.modules[cls.__module__])
    found = []
    for attribute in attrs.fields(cls):
        hint = _hint(attribute.type, namespace)
        shape, optional, item = _shape(hint, f"{cls.__name__}.{attribute.name}")
        found.append(
            Field(
                name=attribute.name,
                shape=shape,
                optional=optional,
                default=attribute.default,
                item=item,
            )
        )
    return tuple(found)
