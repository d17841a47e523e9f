"""The documentation keeps up with the model."""

from __future__ import annotations

from pathlib import Path

import attrs

import sinorus
from sinorus.kinds import KINDS

DOCS = Path(__file__).parent.parent / "docs"
# described once for all record types, in the paragraph before the tables
COMMON = {"id", "name", "sources", "notes", "precision", "summary", "quotes", "alternatives"}
COMMON |= {"name_zh", "name_ru"}


def test_the_data_dictionary_lists_every_field_of_every_record_type():
    text = (DOCS / "data.md").read_text(encoding="utf-8")
    dictionary = text.split("## Data dictionary", 1)[1]
    sections = {part.split("\n", 1)[0].strip(): part for part in dictionary.split("\n### ")[1:]}
    classes = [sinorus.Source, sinorus.Quote, sinorus.Alternative, sinorus.Coverage]
    for cls in [*classes, *(kind.record for kind in KINDS)]:
        assert cls.__name__ in sections, cls.__name__
        table = sections[cls.__name__]
        for field in attrs.fields(cls):
            if cls in classes or field.name not in COMMON:
                assert f"`{field.name}`" in table, (cls.__name__, field.name)


def test_the_changelog_has_an_entry_for_the_data_version():
    text = (DOCS / "changelog.md").read_text(encoding="utf-8")
    assert f"## {sinorus.load().data_version}" in text


def _public_objects():
    import inspect

    import sinorus.cite
    import sinorus.dataframes
    import sinorus.io
    import sinorus.plot
    import sinorus.schema
    import sinorus.state

    for name in sinorus.__all__:
        obj = getattr(sinorus, name)
        if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismethod(obj):
            yield f"sinorus.{name}", obj
    for name, member in vars(sinorus.Dataset).items():
        if not name.startswith("_"):
            yield f"Dataset.{name}", member
    for module in (sinorus.io, sinorus.schema, sinorus.state, sinorus.dataframes, sinorus.plot):
        for name in module.__all__:
            obj = getattr(module, name)
            if callable(obj):
                yield f"{module.__name__}.{name}", obj


def test_every_public_function_and_class_shows_a_runnable_example():
    import inspect

    missing = [name for name, obj in _public_objects() if ">>>" not in (inspect.getdoc(obj) or "")]
    assert missing == []


def test_every_install_command_works_for_a_package_installed_from_its_repository():
    """sinorus is not on PyPI: no page or message may tell users to install it from there."""
    import re

    root = Path(__file__).parent.parent
    texts = {p: p.read_text(encoding="utf-8") for p in [root / "README.md", *root.glob("docs/*.md"),
             *root.glob("src/sinorus/*.py"), *root.glob("examples/*.py")]}  # fmt: skip
    texts.pop(root / "docs" / "changelog.md", None)  # the history may quote old advice
    pattern = re.compile(r"pip install ([^`\n)]*)")
    commands = [(p.name, re.split("&&|,", m)[0]) for p, text in texts.items()
                for m in pattern.findall(text)]  # fmt: skip
    assert commands
    for name, command in commands:
        spec = next(token for token in command.split() if not token.startswith("-"))
        assert not re.match(r"['\"]?sinorus(\[|['\"]|$)", spec), (name, command)


def _browser_check():
    import importlib.util

    path = Path(__file__).parent.parent / "docs" / "check_in_browser.py"
    spec = importlib.util.spec_from_file_location("check_in_browser", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_browser_check_finds_unrendered_text_and_missing_pictures():
    check = _browser_check()
    good = "<article><p>Plain words and <code>:class:`kept in code`</code>.</p></article>"
    assert check.problems_of("howto.html", good, "http://127.0.0.1:1/") == []
    for bad, what in [
        ("<article><p>See :class:`~sinorus.Dataset`.</p></article>", "Sphinx role"),
        ("<article><p>::: sinorus.model</p></article>", "mkdocstrings directive"),
        ("<article><p>[sinorus.Dataset][]</p></article>", "cross-reference"),
        ("<p>no article</p>", "did not render"),
    ]:
        assert any(what in p for p in check.problems_of("howto.html", bad, "http://x/")), bad
    assert any("pictures" in p for p in check.problems_of("index.html", good, "http://x/"))
    fields = check.problems_of("reference.html", good, "http://x/")
    assert any("Exercise.location is not listed" in p for p in fields)
