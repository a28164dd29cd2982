"""Where the library lives: EDUWRITER_LIBRARY, else inside EDUWRITER_DATA_DIR, else the user's
data folder."""

from __future__ import annotations

from eduwriter.library.paths import default_db_path


def test_data_dir_moves_the_library(tmp_path, monkeypatch):
    monkeypatch.delenv("EDUWRITER_LIBRARY", raising=False)
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path / "数据"))
    assert default_db_path() == tmp_path / "数据" / "library.db"


def test_the_library_variable_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path / "数据"))
    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"
