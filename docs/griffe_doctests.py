"""Griffe extension: docstrings as Markdown, doctests as Python console code blocks.

The docstrings are plain text with doctest examples and a few Sphinx roles
(``:class:`~sinorus.DataError```); this turns the examples into ``pycon``
code fences and the roles into inline code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_DEFAULT = re.compile(r"\bdefault=([^,()]+(?:\([^()]*\))?)")
_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`~?([^`]+)`")


def fence(text: str) -> str:
    """Wrap each run of ``>>>`` lines and their output in a ``pycon`` code fence."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if not inside and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctests of every object's docstring."""

    def on_object(self, *, obj: Any, **kwargs: Any) -> None:
        value = str(getattr(obj, "value", None) or "")
        if obj.is_attribute and value.startswith("attrs.field("):
            # A record's field: show its name and type, and its default, not the attrs call.
            default = _DEFAULT.search(value)
            obj.value = None
            obj.labels = {"field"}
            note = f"Default: `{default.group(1).strip()}`." if default else "Required."
            obj.docstring = griffe.Docstring(note, parent=obj)
        if obj.docstring is not None:
            text = _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", obj.docstring.value)
            obj.docstring.value = fence(text)
