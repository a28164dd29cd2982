"""Fixtures: a library filled with hand-made items (see library_samples.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_samples import sample_items

from eduwriter.library.store import LibraryStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def store(db_path: Path):
    s = LibraryStore.open(db_path)
    s.replace_derived(sample_items())
    yield s
    s.close()
