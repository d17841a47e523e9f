"""Build hook: write the bundled data as Python literals (``src/sinorus/_bundled_*.py``).

The modules are derived from ``src/sinorus/data/sinorus.json``, the only copy
of the data kept in git; they load several times faster than parsing the
JSON file, which keeps the first query cheap (see ``sinorus._bundled``).
Every build writes them anew, editable installs included, so they cannot
drift from the file.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class BundledDataHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = os.path.join(self.root, "src")
        sys.path.insert(0, source)
        try:
            from sinorus._bundled import write_modules

            written = write_modules()
        finally:
            sys.path.remove(source)
            for name in [m for m in sys.modules if m == "sinorus" or m.startswith("sinorus.")]:
                del sys.modules[name]
        build_data["artifacts"].extend(os.path.relpath(path, self.root) for path in written)
