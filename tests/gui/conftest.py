"""Shared fixtures for the GUI tests: headless Qt, an isolated user data folder and settings,
and a small library built once from the bundled samples."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import library_fixtures
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from eduwriter.gui.signals import protect_bool_refcounts  # noqa: E402

# PySide6 6.12 drops a reference to True on every Signal.emit(); see the function's docstring.
protect_bool_refcounts()


@pytest.fixture(autouse=True)
def isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery files, caches and the library go to a per-test folder."""
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(data))
    monkeypatch.delenv("EDUWRITER_LIBRARY", raising=False)
    monkeypatch.delenv("EDUWRITER_BENCH", raising=False)
    return data


@pytest.fixture(scope="session")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library database built once per test session from the bundled samples (every store
    fixture copies it, so tests may change their copy freely)."""
    from eduwriter.library import ingest
    from eduwriter.library.store import LibraryStore

    path = tmp_path_factory.mktemp("library") / "library.db"
    store = LibraryStore.open(path)
    ingest.ensure_builtin(store)
    store.close()
    return path


@pytest.fixture
def library_store(built_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from eduwriter.library.store import LibraryStore

    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "never-used.db"))
    db = tmp_path / "library.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(built_library) + suffix)
        if src.exists():
            shutil.copy(src, str(db) + suffix)
    store = LibraryStore.open(db)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A new, empty library (no built-in part): enough for the writer's own snippets."""
    from eduwriter.library.store import LibraryStore

    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "never-used.db"))
    store = LibraryStore.open(tmp_path / "fresh.db")
    yield store
    store.close()


@pytest.fixture
def store(built_library: Path, isolated_data: Path):
    """An open copy of the prebuilt library in this test's data folder."""
    from eduwriter.library.store import LibraryStore

    path = isolated_data / "library.db"
    shutil.copy(built_library, path)
    st = LibraryStore.open(path)
    yield st
    st.close()


@pytest.fixture
def demo_report():
    from gui_helpers import DEMO_MD

    from eduwriter.compose.markdown_io import report_from_markdown

    return report_from_markdown(DEMO_MD)


@pytest.fixture
def settings(isolated_data: Path):
    from eduwriter.gui.settings import Settings

    return Settings()


@pytest.fixture
def window(qtbot, settings, monkeypatch):
    """The main window, shown, with "save changes?" answered "discard" on close."""
    from eduwriter.gui.files import FileController
    from eduwriter.gui.main_window import MainWindow

    monkeypatch.setattr(FileController, "ask_save_changes", lambda self: "discard")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def fresh_pane(qtbot, fresh_store):
    widget = library_fixtures.make_pane(qtbot, fresh_store)
    yield widget
    widget.shutdown()


@pytest.fixture
def pane(qtbot, library_store):
    widget = library_fixtures.make_pane(qtbot, library_store)
    yield widget
    widget.shutdown()
