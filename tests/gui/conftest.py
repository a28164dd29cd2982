"""Shared fixtures for the GUI tests: headless Qt, an isolated user data folder and settings,
and a small library built once from the bundled samples."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
    """A library database built once from the bundled samples."""
    from eduwriter.library import ingest
    from eduwriter.library.store import LibraryStore

    path = tmp_path_factory.mktemp("library") / "library.db"
    store = LibraryStore.open(path)
    ingest.ensure_builtin(store)
    store.close()
    return path


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
