"""素材包: a colleague's .ewlib opened with EduWriter is merged after asking; a damaged pack
changes nothing; 导出我的素材 writes a pack."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from eduwriter.library import sharing


def _pack_with_snippet(tmp_path: Path) -> Path:
    from eduwriter.library.store import LibraryStore

    other = LibraryStore.open(tmp_path / "colleague.db")
    other.add_snippet("同事的好句子：以高质量党建引领学校高质量发展。")
    out = tmp_path / "同事素材.ewlib"
    assert sharing.export_pack(other, out) == 1
    other.close()
    return out


def test_opening_a_pack_before_the_library_is_ready_merges_it_later(
    window, store, tmp_path, monkeypatch
):
    pack = _pack_with_snippet(tmp_path)
    asked, told = [], []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    window.open_or_import([str(pack)])  # as from `EduWriter.exe gui 同事素材.ewlib`
    assert asked == []  # nothing to merge into yet
    before = store.count(kind="snippet")
    window.attach_store(store)
    assert asked and "同事素材.ewlib" in asked[0]
    assert store.count(kind="snippet") == before + 1
    assert "新增 1 条" in told[0]
    # the same pack again adds nothing
    window.open_or_import([str(pack)])
    assert store.count(kind="snippet") == before + 1
    assert "已有 1 条" in told[-1]


def test_a_damaged_pack_changes_nothing(window, store, tmp_path, monkeypatch):
    window.attach_store(store)
    bad = tmp_path / "坏的.ewlib"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    warned = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    before = store.count()
    assert window.packs.import_packs([str(bad)]) == 0
    assert warned and "没有改动" in warned[0]
    assert store.count() == before


def test_export_my_snippets_writes_a_pack(window, store, tmp_path, monkeypatch):
    window.attach_store(store)
    store.add_snippet("我的常用语：凝心聚力、蹄疾步稳。")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    out = tmp_path / "我的素材.ewlib"
    assert window.packs.export_to(str(out))
    assert zipfile.is_zipfile(out)
    assert "1 条" in told[0]


def test_an_item_changed_on_both_sides_asks_once_and_keeps_both(
    window, store, tmp_path, monkeypatch
):
    from eduwriter.library.store import LibraryStore

    window.attach_store(store)
    mine = store.add_snippet("原句：加强安全教育。")
    out = tmp_path / "共享.ewlib"
    sharing.export_pack(store, out, ids=[mine.id])
    # a colleague edits the shared item, and so do I
    other = LibraryStore.open(tmp_path / "colleague.db")
    sharing.import_pack(other, out)
    other.update_item(mine.id, text="同事改过：切实加强安全教育。")
    theirs = tmp_path / "同事改过.ewlib"
    sharing.export_pack(other, theirs, ids=[mine.id])
    other.close()
    store.update_item(mine.id, text="我改过：全面加强安全教育。")
    asked = []

    def choose_both(self):
        asked.append(self.text())
        self.clickedButton = lambda: self.buttons()[-1]  # noqa: B023 - test stub
        return 0

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "exec", choose_both)
    assert window.packs.import_packs([str(theirs)]) == 1
    assert len(asked) == 1 and "都改过" in asked[0]
    texts = {it.text for it in store.items(kind="snippet")}
    assert {"我改过：全面加强安全教育。", "同事改过：切实加强安全教育。"} <= texts
