"""Writing files whole or not at all: a temporary file in the same folder, then a rename.

A reader never sees half a file, and a failed write leaves what was there
before.

>>> import tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "note.txt"
>>> with atomic_path(path) as temporary:
...     _ = Path(temporary).write_text("written whole", encoding="utf-8")
>>> path.read_text(encoding="utf-8")
'written whole'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from .errors import DataError, QueryTypeError

__all__ = ["atomic_path", "path_name"]


def path_name(path: object) -> str:
    """``path`` as a string, refusing what is not a path (an int would open a descriptor).

    >>> path_name(3)
    Traceback (most recent call last):
    ...
    sinorus.QueryTypeError: a path must be a string or path-like object, got int: 3
    """
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise QueryTypeError(
            f"a path must be a string or path-like object, got {type(path).__name__}: {path!r}"
        )
    try:
        return os.fsdecode(path)
    except TypeError as error:  # an __fspath__ that returns neither str nor bytes
        raise QueryTypeError(f"not a usable path: {error}") from None


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside ``path`` to write to; it replaces ``path`` when the block ends.

    If the block raises, the temporary file is removed and ``path`` is left
    as it was. A folder that does not exist, or cannot be written, raises
    :class:`~sinorus.DataError` naming the file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "kept.txt"
    >>> path.write_text("before", encoding="utf-8")
    6
    >>> with atomic_path(path) as temporary:
    ...     _ = Path(temporary).write_text("after", encoding="utf-8")
    ...     path.read_text(encoding="utf-8")     # not replaced until the block ends
    'before'
    >>> path.read_text(encoding="utf-8")
    'after'
    """
    name = path_name(path)
    folder = os.path.dirname(os.path.abspath(name))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp"
        )
    except OSError as error:
        raise DataError(f"cannot write the file: {error.strerror}", file=name) from None
    except ValueError as error:  # a path the system refuses, e.g. one holding a NUL
        raise DataError(f"cannot write the file: {error}", file=name) from None
    os.close(handle)
    try:
        yield temporary
        try:
            mode = os.stat(name).st_mode & 0o777
        except OSError:
            mode = 0o644  # mkstemp's file is private; a new export is readable like any file
        os.chmod(temporary, mode)
        os.replace(temporary, name)
    except OSError as error:
        raise DataError(f"cannot write the file: {error.strerror}", file=name) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
