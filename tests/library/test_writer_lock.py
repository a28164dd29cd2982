"""One writer at a time: two imports into one library never replace each other's items; the
second waits briefly, then gets a clear message; readers are never blocked."""

from __future__ import annotations

import pytest

from eduwriter.library import database, ingest, writer_lock
from eduwriter.library.errors import LibraryBusyError
from eduwriter.library.store import LibraryStore


def _sample(path, title: str, words: str):
    path.write_text(
        f"{title}\n一、指导思想\n坚持{words}，推进学校各项工作。\n"
        f"二、主要措施\n（一）加强领导\n成立{words}工作领导小组，明确职责分工。\n",
        encoding="utf-8",
    )
    return path


def test_a_second_import_while_one_runs_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_lock, "WAIT", 0.2)
    db = tmp_path / "library.db"
    first_file = _sample(tmp_path / "甲校计划.txt", "甲校工作计划", "星空观测课程")
    second_file = _sample(tmp_path / "乙校计划.txt", "乙校工作计划", "陶艺社团建设")
    first, second = LibraryStore.open(db), LibraryStore.open(db)  # two processes, in effect
    outcome: dict[str, object] = {}

    def progress(done: int, total: int, message: str) -> None:
        # the first import has read the stored analyses and is extracting: the second runs now
        if message.startswith("提取") and "second" not in outcome:
            try:
                outcome["second"] = ingest.import_files(second, [second_file])
            except LibraryBusyError as exc:
                outcome["second"] = exc
            # a reader is not blocked while the first import holds the writer lock
            outcome["read"] = second.count()

    report = ingest.import_files(first, [first_file], progress=progress)
    assert report.files_ok == [str(first_file)]
    assert isinstance(outcome["read"], int)
    result = outcome["second"]
    imported = {d.data["file"] for d in first.items(kind="document")}
    assert "甲校计划.txt" in imported
    if isinstance(result, LibraryBusyError):  # refused clearly: nothing was claimed
        assert result.message_zh == database.in_use(db).message_zh
    else:  # it ran: then its file must still be in the library
        assert "乙校计划.txt" in imported
    # once the first is done, the second goes through
    ingest.import_files(second, [second_file])
    imported = {d.data["file"] for d in first.items(kind="document")}
    assert {"甲校计划.txt", "乙校计划.txt"} <= imported
    first.close()
    second.close()


def test_the_second_writer_waits_then_gets_a_message(tmp_path, monkeypatch):
    db = tmp_path / "library.db"
    with writer_lock.writer_lock(db):
        with pytest.raises(LibraryBusyError) as info:
            with writer_lock.writer_lock(db, wait=0.1):
                pass
    assert info.value.message_zh == database.in_use(db).message_zh
    with writer_lock.writer_lock(db, wait=0.1):  # released: free again
        pass
