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

__all__ = ["atomic_path", "path_name", "write_text_atomic"]


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
def atomic_path(path: str | os.PathLike[str] | bytes) -> Iterator[str]:
    """A temporary path beside ``path`` to write to; it replaces ``path`` when the block ends.

    The replacement keeps the old file's permissions (a new file gets the
    usual ones) and, for a symbolic link, replaces the file it points to.
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
    target = os.path.realpath(name)  # a link's target is replaced, not the link
    folder, base = os.path.split(target)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".tmp")
        os.close(handle)
        yield temporary
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp's file is private; a new file is readable as usual
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise DataError(f"cannot write the file: {error.strerror or error}", file=name) from None
    except ValueError as error:  # a path the system refuses (a NUL), text it cannot encode
        raise DataError(f"cannot write the file: {error}", file=name) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def write_text_atomic(path: str | os.PathLike[str] | bytes, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, replacing the file whole or leaving it as it was.

    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "notes.txt")
    >>> write_text_atomic(path, "first\\n")
    >>> write_text_atomic(path, "second\\n")
    >>> with open(path) as file:
    ...     file.read(), os.listdir(os.path.dirname(path))
    ('second\\n', ['notes.txt'])
    """
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
