"""Importing sinorus stays cheap: heavy and optional modules load only when needed."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["cattrs", "dateutil.parser", "json", "importlib.metadata", "pandas", "matplotlib"]


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nseen = sorted(sys.modules)\nprint(*seen)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_import_does_not_load_heavy_or_optional_modules():
    loaded = modules_after("import sinorus")
    assert "sinorus" in loaded
    assert not loaded & set(HEAVY)


def test_first_query_reads_the_data_without_cattrs_or_the_date_parser():
    loaded = modules_after("import sinorus\nsinorus.partnership_level_at('2014-03-18')")
    assert "sinorus._bundled_core" in loaded
    assert not loaded & {"cattrs", "dateutil.parser", "json", "importlib.metadata"}


def test_the_other_records_are_read_only_when_asked_for():
    first = "import sinorus\nsinorus.partnership_level_at('2014-03-18')\nsinorus.trade_volume(2010)"
    assert "sinorus._bundled_rest" not in modules_after(first)
    assert "sinorus._bundled_rest" in modules_after(first + "\nsinorus.exercises(year=2018)")


def test_a_natural_date_string_brings_in_the_parser():
    loaded = modules_after("import sinorus\nsinorus.partnership_level_at('18 March 2014')")
    assert "dateutil.parser" in loaded


def test_the_version_is_a_plain_string():
    import sinorus

    assert isinstance(sinorus.__version__, str)
    assert sinorus.__version__.count(".") == 2


def test_many_threads_asking_first_load_the_data_once():
    code = """
import threading
import sinorus
from sinorus import _bundled

calls = []
real_read = _bundled.read_part

def read(part):
    calls.append(part)
    return real_read(part)

_bundled.read_part = read
answers = []
barrier = threading.Barrier(16)

def ask():
    barrier.wait()
    answers.append(sinorus.partnership_level_at("2014-03-18"))
    answers.append(sinorus.load().get("peace-mission-2005"))

threads = [threading.Thread(target=ask) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(*sorted(calls), len(answers), len({id(a) for a in answers}), type(sinorus.load()).__name__)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["core", "rest", "32", "2", "Dataset"]  # 32 answers, 2 distinct records


def test_showing_a_module_function_reads_no_data():
    loaded = modules_after("import sinorus\nprint(sinorus.phase_at, sinorus.exercises)")
    assert "sinorus._bundled" not in loaded


def test_after_the_first_query_module_queries_are_the_datasets_own_methods():
    code = """
import sinorus
from sinorus import phase_at as wrapper
sinorus.partnership_level_at("2014-03-18")
data = sinorus.load()
print(sinorus.phase_at == data.phase_at, wrapper("1969-03-02") is data.phase_at("1969-03-02"))
print(repr(sinorus.phase_at).count("not read yet"))
print(sinorus.partnership_level_at == data.partnership_level_at)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "True", "1", "True"]


def test_the_package_has_no_module_getattr():
    """A module ``__getattr__`` keeps CPython from specialising ``sinorus.name`` lookups."""
    import sinorus

    assert "__getattr__" not in vars(sinorus)
