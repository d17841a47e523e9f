"""The loader, fuzzed: mutations of the bundled document, each refused cleanly or loaded whole.

Every case is a file made from the bundled ``data/sinorus.json`` (a sample of
its records, sometimes all of it) and then broken: values of the wrong type
at any field, keys and records deleted or repeated, numbers no field holds
(``10**5000`` written out, NaN, ``1e309``), odd strings (empty, lone
surrogates, control characters, very long), deep nesting, other encodings,
truncated bytes. For each case:

- nothing but a :class:`sinorus.SinorusError` escapes ``io.parse``, and its
  message prints on a strict UTF-8 stream;
- a file that loads loads whole: every record of the file is there, a
  second load gives the same dataset, and writing it out reads back equal;
- ``sinorus validate FILE`` exits 0, 1 or 2 with no traceback.

The bundled dataset is compared with a snapshot afterwards. The default run
is short; ``SINORUS_FUZZ=long`` runs many more cases (and hypothesis
examples); ``SINORUS_FUZZ_SEED`` changes the seed. The figures (cases run,
escapes) are printed (``pytest -s``) and, if ``SINORUS_FUZZ_REPORT`` names
a file, written there as JSON.
"""

from __future__ import annotations

import contextlib
import copy
import io as stdio
import json
import os
import random
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sinorus
from sinorus import io
from sinorus.cli import main
from sinorus.fields import NESTED, fields_of
from sinorus.kinds import KIND, KINDS

LONG = os.environ.get("SINORUS_FUZZ") == "long"
SEED = int(os.environ.get("SINORUS_FUZZ_SEED", "20261202"))
CASES = 6000 if LONG else 500
EXAMPLES = 3000 if LONG else 150
CLI_EVERY = 5  # every fifth case also goes through `sinorus validate`

with open(io.bundled_path(), encoding="utf-8") as _file:
    BUNDLED_TEXT = _file.read()
BUNDLED = json.loads(BUNDLED_TEXT)
SNAPSHOT = json.dumps(io.to_document(sinorus.load()), sort_keys=True)

STATS: Counter[str] = Counter()
ESCAPES: list[str] = []


# --- making cases ------------------------------------------------------------------------


class Raw:
    """JSON text put in a document as it is: numbers json.dumps cannot write, deep nesting."""

    def __init__(self, text: str) -> None:
        self.text = text


def dumps(document: Any) -> str:
    """``document`` as JSON text, each :class:`Raw` written as its text."""
    raws: list[str] = []

    def default(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"@@RAW{len(raws) - 1}@@"
        raise TypeError(type(value).__name__)

    def walk(value: Any) -> Any:
        if isinstance(value, Raw):
            return default(value)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    text = json.dumps(walk(document), ensure_ascii=random.random() < 0.5)
    for i, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{i}@@"', raw, 1)
    return text


def sample_document(rng: random.Random) -> dict[str, Any]:
    """A valid document from the bundled one: a slice of each kind's records, or all of them."""
    if rng.random() < 0.04:
        return copy.deepcopy(BUNDLED)
    document: dict[str, Any] = {"schema_version": 1, "data_version": BUNDLED["data_version"]}
    used: set[str] = set()
    for kind in KINDS:
        records = BUNDLED[kind.name]
        if rng.random() < 0.2:
            continue
        start = rng.randrange(len(records))
        document[kind.name] = copy.deepcopy(records[start : start + rng.randint(1, 3)])
    ids = {r["id"] for r in document.get("agreements", [])}
    for level in document.get("partnership_levels", []):
        if level.get("adopted_by") not in ids:
            level.pop("adopted_by", None)
        level["restated_by"] = [i for i in level.get("restated_by", []) if i in ids]
    for kind in KINDS:
        for record in document.get(kind.name, []):
            for holder in [record, *record.get("quotes", []), *record.get("alternatives", [])]:
                used.update(s for s in holder.get("sources", []) if isinstance(s, str))
    document["sources"] = {key: BUNDLED["sources"][key] for key in sorted(used)}
    # the coverage of kinds not sampled whole would leave gaps: keep the others'
    document["coverage"] = [
        c for c in BUNDLED["coverage"] if c["kind"] in document and not KIND[c["kind"]].gapless
    ]
    return copy.deepcopy(document)


HUGE = "9" * 5000
ODD_STRINGS = [
    "",
    " ",
    "\ud800",
    "bad\udfffkey",
    "\x00",
    "tab\tand\nnewline\x1b",
    "x" * 100_000,
    "é" * 50,
    "\u202e\ufeff",
    "2000-02-30",
    "1e309",
]
VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    -0.0,
    2**64,
    "",
    "x",
    [],
    {},
    ["x"],
    [1, 2],
    {"a": 1},
    {"title": "T"},
    Raw(HUGE),
    Raw("-" + HUGE),
    Raw("1" + "0" * 400),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    Raw("1e309"),
    Raw("-0"),
    Raw("1" * 5000 + ".5"),
    *ODD_STRINGS,
]


def pick(rng: random.Random, document: Any) -> tuple[Any, Any] | None:
    """A random (container, key or index) inside ``document``, found by a random walk."""
    parent, key, node = None, None, document
    while isinstance(node, (dict, list)) and node:
        if parent is not None and rng.random() < 0.25:
            break
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, rng.choice(keys)
        node = node[key]
    return None if parent is None else (parent, key)


def deep(depth: int, rng: random.Random) -> Raw:
    """``depth`` nested lists or objects."""
    opening, closing = rng.choice((("[", "]"), ('{"a": ', "}")))
    return Raw(opening * depth + "1" + closing * depth)


def set_field(rng: random.Random, document: dict[str, Any]) -> str:
    """Give one field of a record (or of a quote or alternative in it) a value from VALUES."""
    kind = rng.choice(KINDS)
    records = document.get(kind.name)
    if not isinstance(records, list) or not records or not isinstance(records[0], dict):
        return "nothing"
    record = rng.choice([r for r in records if isinstance(r, dict)] or [{}])
    cls = kind.record
    nested = [n for n in NESTED if isinstance(record.get(n), list) and record[n]]
    if nested and rng.random() < 0.3:
        name = rng.choice(nested)
        record = rng.choice(record[name])
        cls = {f.name: f for f in fields_of(kind.record)}[name].item
        if not isinstance(record, dict):
            return "nothing"
    field = rng.choice(fields_of(cls)).name
    record[field] = copy.deepcopy(rng.choice(VALUES))
    return f"set {kind.name} field {field!r} to {type(record[field]).__name__}"


def mutate(rng: random.Random, document: dict[str, Any]) -> tuple[str, str | bytes]:
    """Break ``document`` one to three ways; returns what was done and the file's content."""
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if rng.random() < 0.3:  # any field of a record's class, given or not
            done.append(set_field(rng, document))
            continue
        place = pick(rng, document)
        what = rng.random()
        if place is None:
            continue
        parent, key = place
        if what < 0.45:
            value = copy.deepcopy(rng.choice(VALUES))
            parent[key] = value
            done.append(f"set {key!r} to {type(value).__name__}")
        elif what < 0.6:
            del parent[key]
            done.append(f"deleted {key!r}")
        elif what < 0.7 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
            done.append(f"duplicated item {key}")
        elif what < 0.78 and isinstance(parent, dict):
            new = rng.choice((f"{key}_x", f"{key}\ud800", "", "\x00", "x" * 10_000))
            parent[new] = parent.pop(key)
            done.append(f"renamed {key!r}")
        elif what < 0.86:
            parent[key] = rng.choice(ODD_STRINGS)
            done.append(f"odd string at {key!r}")
        elif what < 0.9:
            parent[key] = deep(rng.choice((10, 500, 990, 5000, 100_000)), rng)
            done.append(f"deep nesting at {key!r}")
        else:
            kind = rng.choice(list(KIND))
            records = document.get(kind)
            if isinstance(records, list) and records and isinstance(records[0], dict):
                twin = copy.deepcopy(records[0])
                records.append(twin)
                done.append(f"duplicated a record of {kind}")
    text = dumps(document)
    if rng.random() < 0.1:  # a repeated key: JSON allows it, the last one counts
        text = text.replace('"id": ', '"id": "first", "id": ', 1)
        done.append("repeated key id")
    content: str | bytes = text
    how = rng.random()
    if how < 0.05:
        content = text.encode("utf-16", "surrogatepass")
        done.append("UTF-16")
    elif how < 0.08:
        content = text.encode("latin-1", "replace")
        done.append("latin-1")
    elif how < 0.11:
        content = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
        done.append("BOM")
    elif how < 0.18:
        raw = text.encode("utf-8", "surrogatepass")
        content = raw[: rng.randrange(len(raw) + 1)]
        done.append("truncated")
    elif how < 0.22:
        raw = bytearray(text.encode("utf-8", "surrogatepass"))
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        content = bytes(raw)
        done.append("bytes changed")
    return "; ".join(done) or "unchanged", content


# --- checking cases ----------------------------------------------------------------------


def escaped(what: str, error: BaseException) -> None:
    ESCAPES.append(f"{what}\t: {type(error).__name__}: {str(error)[:200]!r}")


def record_ids(document: Any) -> dict[str, list[str]]:
    return {
        kind.name: [r["id"] for r in document.get(kind.name, [])]
        for kind in KINDS
        if isinstance(document, dict)
    }


def check(what: str, content: str | bytes) -> None:
    """Load ``content``; only our errors may escape, and a load must be whole."""
    STATS["cases"] += 1
    try:
        dataset = io.parse(content, "case.json")
    except sinorus.SinorusError as error:
        STATS["refused"] += 1
        try:
            str(error).encode("utf-8")
            for problem in getattr(error, "problems", ()):
                problem.encode("utf-8")
        except UnicodeEncodeError as unprintable:
            escaped(f"{what} (unprintable message)", unprintable)
        return
    except BaseException as error:  # what the fuzzing looks for
        escaped(what, error)
        return
    STATS["loaded"] += 1
    try:
        text = content if isinstance(content, str) else content.decode("utf-8")
        document = json.loads(text)
        assert type(document["schema_version"]) is int, "a schema_version that is not an int"
        mine = {kind.name: [r.id for r in dataset[kind.name]] for kind in KINDS}
        file = record_ids(document)
        for kind in KINDS:
            assert sorted(mine[kind.name]) == sorted(file[kind.name]), f"{kind.name} lost records"
            for raw in document.get(kind.name, []):
                same_content(raw, dataset.get(raw["id"]))
        again = io.parse(content, "case.json")
        assert io.to_document(again) == io.to_document(dataset), "a second load differs"
        written = io.parse(json.dumps(io.to_document(dataset)), "written.json")
        assert io.to_document(written) == io.to_document(dataset), "written data reads back wrong"
    except BaseException as error:
        escaped(f"{what} (loaded half-way)", error)


def same_content(raw: dict[str, Any], record: Any) -> None:
    """Every value the file gives is in the record: no list emptied, no field dropped."""
    made = io.converter().unstructure(record)
    for key, value in raw.items():
        if value is None:
            continue
        have = made.get(key)
        if isinstance(value, list) or isinstance(have, list):
            assert isinstance(have, list) and isinstance(value, list), (
                f"{record.id}.{key}: {value!r}"
            )
            assert len(have) == len(value), f"{record.id}.{key} lost items"
        else:
            assert have is not None, f"{record.id}.{key} dropped"
            assert isinstance(have, bool) == isinstance(value, bool), (
                f"{record.id}.{key}: {value!r}"
            )


def strict_stream() -> stdio.TextIOWrapper:
    return stdio.TextIOWrapper(stdio.BytesIO(), encoding="utf-8", errors="strict")


def check_cli(what: str, path: str) -> None:
    """``sinorus validate`` on ``path``, with streams that refuse what UTF-8 cannot hold."""
    STATS["cli"] += 1
    out, err = strict_stream(), strict_stream()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(["validate", path, *(["--json"] if STATS["cli"] % 2 else [])])
            except SystemExit as exit:
                status = exit.code
        out.flush()
        err.flush()
        stderr = err.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
        assert status in (0, 1, 2), status
        assert "Traceback" not in stderr, stderr
    except BaseException as error:
        escaped(f"{what} (sinorus validate)", error)


def report(name: str) -> None:
    line = (
        f"fuzz {name}: {STATS['cases']} cases ({STATS['loaded']} loaded, "
        f"{STATS['refused']} refused), {STATS['cli']} through `sinorus validate`, "
        f"{len(ESCAPES)} escapes"
    )
    print(line)
    kinds = Counter(e.split("\t: ", 1)[1][:100] for e in ESCAPES)
    for kind, count in kinds.most_common():
        print(f"  {count:5}  {kind}")
    target = os.environ.get("SINORUS_FUZZ_REPORT")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(json.dumps({"run": name, **STATS, "escapes": len(ESCAPES)}) + "\n")


def assert_no_escapes() -> None:
    shown = "\n".join(sorted(set(ESCAPES))[:30])
    assert not ESCAPES, f"{len(ESCAPES)} escapes, e.g.:\n{shown}"


# --- the tests ---------------------------------------------------------------------------


@pytest.fixture
def fresh_stats():
    STATS.clear()
    ESCAPES.clear()
    yield
    STATS.clear()
    ESCAPES.clear()


def test_the_samples_are_valid_before_they_are_broken(fresh_stats):
    rng = random.Random(SEED)
    for _ in range(50):
        document = sample_document(rng)
        check("unchanged sample", dumps(document))
    assert_no_escapes()
    assert STATS["loaded"] == STATS["cases"] == 50


def test_mutations_of_the_bundled_document(tmp_path, fresh_stats):
    rng = random.Random(SEED)
    path = tmp_path / "case.json"
    for case in range(CASES):
        what, content = mutate(rng, sample_document(rng))
        what = f"case {case} ({what})"
        check(what, content)
        if case % CLI_EVERY == 0:
            if isinstance(content, str):
                content = content.encode("utf-8", "surrogatepass")
            path.write_bytes(content)
            check_cli(what, str(path))
    report("mutations" + (" (long)" if LONG else ""))
    assert_no_escapes()
    assert STATS["refused"] > STATS["cases"] // 2  # the mutations do break files
    assert STATS["loaded"] > 0  # and some leave them valid


def json_values():
    """JSON-ish values: every JSON type, with numbers and strings no field can hold."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(alphabet=st.characters(exclude_categories=[]), max_size=20),  # lone surrogates too
        st.sampled_from([Raw(HUGE), Raw("NaN"), Raw("-Infinity"), Raw("1e400"), Raw("-0")]),
        st.dates().map(str),
    )
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )


@pytest.fixture(scope="module")
def hypothesis_stats():
    STATS.clear()
    ESCAPES.clear()
    yield
    report("hypothesis" + (" (long)" if LONG else ""))
    assert_no_escapes()
    STATS.clear()
    ESCAPES.clear()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(0, 2**32), value=json_values(), times=st.integers(1, 3))
def test_json_values_at_random_places(hypothesis_stats, seed, value, times):
    rng = random.Random(seed)
    document = sample_document(rng)
    for _ in range(times):
        place = pick(rng, document)
        if place is not None:
            parent, key = place
            parent[key] = copy.deepcopy(value)
    before = len(ESCAPES)
    check(f"hypothesis seed {seed}, {value!r:.80}", dumps(document))
    assert len(ESCAPES) == before, ESCAPES[-1]


SUBPROCESS_CASES = {
    "valid": BUNDLED_TEXT,
    "huge integer": '{"schema_version": 1, "trade": [{"id": "t", "year": ' + HUGE + "}]}",
    "surrogates": '{"schema_version": 1, "bad\\ud800key": "\\udfff", "trade": [{"id": 3}]}',
    "UTF-16": '{"schema_version": 1}'.encode("utf-16"),
    "truncated": BUNDLED_TEXT[: len(BUNDLED_TEXT) // 2],
    "deep": "[" * 100_000 + "]" * 100_000,
    "not UTF-8": '{"schema_version": 1, "x": "\u00e9"}'.encode("latin-1"),
}


@pytest.mark.parametrize("encoding", ["utf-8:strict", "ascii"])
def test_validate_in_a_process_never_shows_a_traceback(tmp_path, encoding):
    for what, content in SUBPROCESS_CASES.items():
        path = tmp_path / "bad\udcff.json"  # a name that is not UTF-8
        name = os.fsencode(path)
        with open(name, "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
        done = subprocess.run(
            [sys.executable, "-m", "sinorus", "validate", name],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            timeout=120,
        )
        assert done.returncode == (0 if what == "valid" else 1), (what, done.stderr)
        assert b"Traceback" not in done.stderr, (what, done.stderr)
        assert done.stdout.strip(), what


def test_the_bundled_dataset_is_unchanged_after_all_of_it():
    assert json.dumps(io.to_document(sinorus.load()), sort_keys=True) == SNAPSHOT
    fresh = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sinorus; from sinorus import io; "
            "print(json.dumps(io.to_document(sinorus.load()), sort_keys=True))",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    assert fresh.stdout.strip() == SNAPSHOT
