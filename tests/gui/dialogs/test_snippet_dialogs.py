"""Personal snippets (我的素材): add from a selection, edit, rename, move, delete, folders."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from eduwriter.gui.dialogs.snippet_dialogs import SnippetDialog, parse_tags
from eduwriter.gui.models.library_items import ItemRole

# Fixtures shared by the library pane tests (tests/gui/library_fixtures.py).


def _mine(pane):
    model = pane.model
    top = model.top_index("snippet")
    if model.canFetchMore(top):
        model.fetchMore(top)
    return model, top


def _labels(model, parent):
    return [str(model.index(r, 0, parent).data()) for r in range(model.rowCount(parent))]


def test_parse_tags_accepts_chinese_and_ascii_separators():
    assert parse_tags("德育，安全 双减、德育;#党建") == ["德育", "安全", "双减", "党建"]
    assert parse_tags("  ") == []


def test_add_selection_to_a_new_folder_shows_it_under_my_snippets(qtbot, fresh_pane, fresh_store):
    dialog = fresh_pane.add_snippet_from_text("坚持立德树人，办好人民满意的教育。")
    assert isinstance(dialog, SnippetDialog)
    assert dialog.text_edit.toPlainText() == "坚持立德树人，办好人民满意的教育。"
    fresh_store.add_folder("讲话稿常用")
    dialog.folder_picker.reload()
    combo = dialog.folder_picker.combo
    combo.setCurrentIndex(combo.findText("讲话稿常用"))
    dialog.tags_edit.setText("德育，师资")
    dialog.title_edit.setText("立德树人")
    dialog.accept()

    snippets = fresh_store.items(kind="snippet")
    assert [s.text for s in snippets] == ["坚持立德树人，办好人民满意的教育。"]
    assert snippets[0].tags == ["德育", "师资"] and snippets[0].title == "立德树人"
    model, top = _mine(fresh_pane)
    assert fresh_pane.tree.isExpanded(top)
    assert _labels(model, top) == ["讲话稿常用（1）"]
    current = fresh_pane.tree.currentIndex()
    assert current.data(ItemRole).id == snippets[0].id, "the new snippet is selected"
    assert "立德树人" in str(current.data())
    assert "坚持立德树人" in fresh_pane.preview.toPlainText()


def test_empty_snippet_is_refused_with_a_message(qtbot, fresh_pane, fresh_store):
    dialog = fresh_pane.add_snippet_from_text("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert "不能为空" in dialog.error_label.text()
    assert fresh_store.items(kind="snippet") == []
    dialog.reject()


def test_new_folder_button_in_the_dialog(qtbot, fresh_pane, fresh_store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    dialog = fresh_pane.add_snippet_from_text("一句话")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("家校共育", True))
    dialog.folder_picker.new_button.click()
    assert [f.name for f in fresh_store.folders()] == ["家校共育"]
    assert dialog.folder_picker.combo.currentText().strip() == "家校共育"
    dialog.accept()
    assert fresh_store.items(kind="snippet")[0].folder == fresh_store.folders()[0].id


def test_copy_a_builtin_phrasing_into_my_snippets(qtbot, pane, library_store):
    phrasing = library_store.items(kind="phrasing")[0]
    dialog = pane.copy_to_mine(phrasing)
    assert dialog.text_edit.toPlainText() == phrasing.text
    dialog.accept()
    (copy,) = library_store.items(kind="snippet")
    assert copy.text == phrasing.text and copy.origin == "personal"
    assert library_store.get(phrasing.id).kind == "phrasing", "the built-in item stays"


def test_edit_rename_move_and_delete_a_snippet(qtbot, fresh_pane, fresh_store):
    target = fresh_store.add_folder("安全")
    snippet = fresh_store.add_snippet("原来的话。", tags=["安全"])
    fresh_pane.refresh()

    edit = fresh_pane.edit_snippet(fresh_store.get(snippet.id))
    edit.text_edit.setPlainText("改过的话。")
    edit.accept()
    assert fresh_store.get(snippet.id).text == "改过的话。"

    rename = fresh_pane.rename_snippet(fresh_store.get(snippet.id))
    rename.setTextValue("安全提醒")
    rename.accept()
    assert fresh_store.get(snippet.id).title == "安全提醒"

    move = fresh_pane.move_snippet(fresh_store.get(snippet.id))
    move.picker.set_folder(target.id)
    move.accept()
    assert fresh_store.get(snippet.id).folder == target.id
    model, top = _mine(fresh_pane)
    assert _labels(model, top) == ["安全（1）"]

    # Delete asks first; 取消 keeps it, 删除 removes it.
    box = fresh_pane.delete_snippet(fresh_store.get(snippet.id))
    assert "安全提醒" in box.text()
    box.reject()
    assert fresh_store.get(snippet.id) is not None
    box = fresh_pane.delete_snippet(fresh_store.get(snippet.id))
    delete_button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    delete_button.click()
    assert fresh_store.get(snippet.id) is None
    model, top = _mine(fresh_pane)
    assert _labels(model, top) == ["安全（0）"]


def test_context_menu_of_a_snippet_and_of_a_folder(qtbot, fresh_pane, fresh_store):
    folder = fresh_store.add_folder("党建")
    fresh_store.add_snippet("党建引领。", folder=folder.id)
    fresh_pane.refresh()
    model, top = _mine(fresh_pane)
    fresh_pane.tree.expand(top)
    folder_index = model.index(0, 0, top)
    names = [a.objectName() for a in fresh_pane.build_context_menu(folder_index).actions()]
    assert {"newFolder", "renameFolder", "deleteFolder"} <= set(names)
    snippet_index = model.index(0, 0, folder_index)
    names = [a.objectName() for a in fresh_pane.build_context_menu(snippet_index).actions()]
    assert {"insert", "favorite", "rename", "edit", "move", "delete"} <= set(names)
    assert "copy" not in names

    dialog = fresh_pane.rename_folder(folder.id)
    dialog.setTextValue("党建工作")
    dialog.accept()
    assert [f.name for f in fresh_store.folders()] == ["党建工作"]
    box = fresh_pane.delete_folder(folder.id)
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    assert fresh_store.folders() == []
    assert fresh_store.items(kind="snippet")[0].folder is None, "its snippets stay, unfiled"


def test_drag_a_snippet_onto_a_folder_moves_it(qtbot, fresh_pane, fresh_store):
    from PySide6.QtCore import QMimeData, Qt

    from eduwriter.gui.editor.mime import item_to_mime
    from eduwriter.gui.models.library_items import item_payload

    folder = fresh_store.add_folder("开学")
    snippet = fresh_store.add_snippet("新学期新气象。")
    fresh_pane.refresh()
    model, top = _mine(fresh_pane)
    folder_index = model.index(0, 0, top)
    md = item_to_mime(item_payload(snippet))
    assert not model.canDropMimeData(
        md, Qt.DropAction.CopyAction, -1, 0, model.top_index("phrasing")
    )
    phrasing = item_to_mime({"id": "ph-1", "kind": "phrasing", "text": "一句常用语"})
    assert not model.canDropMimeData(phrasing, Qt.DropAction.CopyAction, -1, 0, folder_index)
    with qtbot.waitSignal(model.snippetMoved, timeout=2000):
        assert model.dropMimeData(md, Qt.DropAction.MoveAction, -1, 0, folder_index)
    assert fresh_store.get(snippet.id).folder == folder.id
    model, top = _mine(fresh_pane)
    assert _labels(model, top) == ["开学（1）"]
    assert fresh_pane.tree.currentIndex().data(ItemRole).id == snippet.id

    # Text dropped onto 我的素材 (from the composer) opens 加入我的素材 with that text.
    text = QMimeData()
    text.setText("家校携手，共育英才。")
    assert model.dropMimeData(text, Qt.DropAction.CopyAction, -1, 0, top)
    qtbot.waitUntil(lambda: isinstance(fresh_pane.active_dialog, SnippetDialog))
    assert fresh_pane.active_dialog.text_edit.toPlainText() == "家校携手，共育英才。"
    fresh_pane.active_dialog.reject()
