"""The window's command line: --lang and the files to open."""

from __future__ import annotations

from eduwriter.gui.app import split_args


def test_lang_before_the_gui_command_does_not_import_the_word_gui():
    # `eduwriter --lang zh_CN gui report.md` used to import a file named "gui" as a 范文
    assert split_args(["--lang", "zh_CN", "gui", "/tmp/report.md"]) == ("zh_CN", ["/tmp/report.md"])
    assert split_args(["gui", "a.md"]) == (None, ["a.md"])
    assert split_args(["a.md", "--lang", "en"]) == ("en", ["a.md"])
    assert split_args([]) == (None, [])


def test_a_locked_library_is_reported_in_chinese(qtbot, tmp_path):
    """Another program holding the library: the window says so in the writer's language."""
    import sqlite3

    from eduwriter.gui.workers import BackgroundJob, open_store_job
    from eduwriter.library.store import LibraryStore

    path = tmp_path / "library.db"
    LibraryStore.open(path).close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        loader = BackgroundJob(open_store_job(path))
        with qtbot.waitSignal(loader.failed, timeout=30000) as blocker:
            loader.start()
        message = blocker.args[0]
    finally:
        holder.rollback()
        holder.close()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert "The library" not in message
