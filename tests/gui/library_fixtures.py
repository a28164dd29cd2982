"""Fixtures for the library pane tests: a real library built from the bundled samples.

The library is built once per test session (``ensure_builtin`` over resources/samples) into a
temporary folder and copied for every test, so tests can change it freely. The user's own
library is never touched: ``EDUWRITER_LIBRARY`` points into the test's tmp dir.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eduwriter.library import ingest
from eduwriter.library.store import LibraryStore

_BUILT: list[Path] = []  # the library built in this test session (several modules share it)


@pytest.fixture(scope="session")
def built_library_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if _BUILT and _BUILT[0].exists():
        return _BUILT[0]
    db = tmp_path_factory.mktemp("builtin-library") / "library.db"
    store = LibraryStore.open(db)
    try:
        ingest.ensure_builtin(store)
    finally:
        store.close()
    _BUILT[:] = [db]
    return db


@pytest.fixture
def library_store(built_library_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "never-used.db"))
    db = tmp_path / "library.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(built_library_db) + suffix)
        if src.exists():
            shutil.copy(src, str(db) + suffix)
    store = LibraryStore.open(db)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A new, empty library (no built-in part): enough for the writer's own snippets."""
    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "never-used.db"))
    store = LibraryStore.open(tmp_path / "fresh.db")
    yield store
    store.close()


def make_pane(qtbot, store):
    from eduwriter.gui.library_pane import LibraryPane

    widget = LibraryPane(store)
    qtbot.addWidget(widget)
    widget.resize(420, 820)
    widget.show()
    return widget


@pytest.fixture
def fresh_pane(qtbot, fresh_store):
    widget = make_pane(qtbot, fresh_store)
    yield widget
    widget.shutdown()


@pytest.fixture
def pane(qtbot, library_store):
    widget = make_pane(qtbot, library_store)
    yield widget
    widget.shutdown()


def wait_for_search(qtbot, pane, text: str, timeout: int = 5000) -> int:
    """Type ``text`` into the search box and wait for its results; returns the result count."""
    with qtbot.waitSignal(
        pane.searchFinished, timeout=timeout, check_params_cb=lambda query, _n: query == text
    ) as blocker:
        pane.search_edit.clear()
        if text.isascii():
            qtbot.keyClicks(pane.search_edit, text)  # typed key by key, like a writer
        else:  # QTest cannot type CJK characters; an input method commits them as one string
            pane.search_edit.insert(text)
    return blocker.args[1]
