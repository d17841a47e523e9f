from __future__ import annotations

import pytest

import sinorus


@pytest.fixture(scope="session")
def bundled() -> sinorus.Dataset:
    return sinorus.load()
