"""The library pane as a writer uses it: search as you type, preview, insert, favourites."""

from __future__ import annotations

import html
import re
import threading

import library_fixtures as fx
from PySide6.QtCore import QModelIndex, Qt

from eduwriter.gui.editor.mime import ITEM_MIME, item_from_mime
from eduwriter.gui.models.library_items import ItemRole
from eduwriter.gui.panes.library_pane import SEARCH_LIMIT

# Fixtures shared by the library pane tests (tests/gui/library_fixtures.py).
wait_for_search = fx.wait_for_search


def _result_texts(pane) -> list[str]:
    model = pane.results_model
    return [str(model.index(r, 0).data(ItemRole).text) for r in range(model.rowCount())]


def test_pinyin_initials_find_guiding_ideology_with_a_count(qtbot, pane):
    count = wait_for_search(qtbot, pane, "zdsx")
    assert pane.stack.currentWidget() is pane.results
    assert count > 0
    assert pane.results_model.rowCount() == count
    assert f"找到 {count} 条" in pane.count_label.text() or "以上" in pane.count_label.text()
    shown = [pane.results_model.index(r, 0).data(ItemRole) for r in range(count)]
    assert any("指导思想" in it.title + it.text for it in shown)
    assert pane.current_item() is shown[0], "the first result is selected and previewed"
    # Full pinyin finds them too.
    full = wait_for_search(qtbot, pane, "zhidaosixiang")
    assert full > 0
    shown = [pane.results_model.index(r, 0).data(ItemRole) for r in range(min(full, 5))]
    assert any("指导思想" in it.title + it.text for it in shown)
    # Clearing the box brings the tree back with its totals.
    pane.search_edit.clear()
    assert pane.stack.currentWidget() is pane.tree
    assert "共" in pane.count_label.text() and "条素材" in pane.count_label.text()


def test_chinese_query_and_no_hit_message(qtbot, pane):
    count = wait_for_search(qtbot, pane, "安全")
    assert count > 0
    assert all(
        "安全" in t or "安全" in pane.results_model.index(i, 0).data(ItemRole).title
        for i, t in enumerate(_result_texts(pane))
    )
    assert wait_for_search(qtbot, pane, "qqqxxz") == 0
    assert "没有找到" in pane.count_label.text()


def test_search_runs_off_the_gui_thread(qtbot, pane, library_store, monkeypatch):
    threads: list[threading.Thread] = []
    original = library_store.search

    def recording_search(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(library_store, "search", recording_search)
    wait_for_search(qtbot, pane, "指导")
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_only_the_latest_query_is_shown_when_typing_fast(qtbot, pane, library_store):
    with qtbot.waitSignal(pane.searchFinished, timeout=5000) as blocker:
        for text in ("z", "zd", "zds", "zdsx"):
            pane.search_edit.setText(text)
            qtbot.wait(20)
    assert blocker.args[0] == "zdsx"
    qtbot.wait(400)
    # What the writer sees is the answer to the whole query, not to one of its beginnings.
    shown = [
        pane.results_model.index(r, 0).data(ItemRole).id
        for r in range(pane.results_model.rowCount())
    ]
    assert shown == [it.id for it in library_store.search("zdsx", limit=SEARCH_LIMIT)]
    assert str(len(shown)) in pane.count_label.text()
    assert shown[0] == pane.current_item().id


def test_preview_shows_slots_highlighted_and_where_it_comes_from(qtbot, pane):
    wait_for_search(qtbot, pane, "指导思想")
    text = pane.preview.toPlainText()
    assert "出自" in text
    item = pane.current_item()
    assert item.sources[0].file in text
    # A phrasing with a slot: the slot is marked in the preview HTML.
    wait_for_search(qtbot, pane, "【")
    slot_item = pane.current_item()
    assert slot_item is not None and "【" in slot_item.text
    slots = re.findall(r"【[^【】\n]+】", slot_item.text)
    marked = "".join(
        html.unescape(chunk)
        for chunk in re.findall(
            r'<span style="[^"]*background-color:#ffe9a8[^"]*">([^<]*)</span>',
            pane.preview.toHtml(),
        )
    )
    assert slots and slots[0] in marked  # the slot itself is marked...
    assert set(marked) <= set("".join(slots))  # ...and nothing but slots is


def test_double_click_inserts_the_text_and_counts_the_use(qtbot, pane, library_store):
    wait_for_search(qtbot, pane, "zdsx")
    index = pane.results_model.index(0, 0)
    item = index.data(ItemRole)
    rect = pane.results.visualRect(index)
    with qtbot.waitSignal(pane.insertRequested, timeout=2000) as blocker:
        # Qt's test double-click needs the press/release of the first click before it.
        qtbot.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    payload = blocker.args[0]
    assert payload["id"] == item.id
    assert item.text in payload["text"]
    if item.kind == "section":  # a section comes whole: its heading first
        assert payload["text"].splitlines()[0] == item.title
    assert set(payload) == {"id", "kind", "text", "title", "data"}
    assert library_store.get(item.id).usage == item.usage + 1


def test_enter_in_the_tree_inserts_a_skeleton_with_its_parts(qtbot, pane):
    model = pane.model
    top = model.top_index("skeleton")
    pane.tree.expand(top)
    genre = model.index(0, 0, top)
    pane.tree.expand(genre)
    skeleton = model.index(0, 0, genre)
    assert skeleton.data(ItemRole).kind == "skeleton"
    pane.tree.setFocus()
    pane.tree.setCurrentIndex(skeleton)
    with qtbot.waitSignal(pane.insertRequested, timeout=2000) as blocker:
        qtbot.keyClick(pane.tree, Qt.Key.Key_Return)
    payload = blocker.args[0]
    assert payload["kind"] == "skeleton"
    assert payload["data"]["parts"], "a skeleton carries its headings"
    # The preview lists the numbered headings.
    assert "一、" in pane.preview.toPlainText()


def test_drag_data_of_a_result_is_an_item(qtbot, pane):
    wait_for_search(qtbot, pane, "zdsx")
    md = pane.results_model.mimeData([pane.results_model.index(0, 0)])
    assert md.hasFormat(ITEM_MIME)
    payload = item_from_mime(md)
    item = pane.results_model.index(0, 0).data(ItemRole)
    assert payload["id"] == item.id and item.text in payload["text"]
    assert md.text() == payload["text"]


def test_favourite_from_the_context_menu(qtbot, pane, library_store):
    wait_for_search(qtbot, pane, "zdsx")
    index = pane.results_model.index(0, 0)
    item_id = index.data(ItemRole).id
    menu = pane.build_context_menu(index, pane.results)
    names = {a.objectName(): a for a in menu.actions()}
    assert {"insert", "favorite", "copy"} <= set(names)
    assert names["favorite"].text() == "收藏"
    with qtbot.waitSignal(pane.searchFinished, timeout=5000):  # the results are refreshed
        names["favorite"].trigger()
    assert library_store.get(item_id).favorite is True
    fav = next(
        pane.results_model.index(r, 0)
        for r in range(pane.results_model.rowCount())
        if pane.results_model.index(r, 0).data(ItemRole).id == item_id
    )
    assert "★" in fav.data()
    menu = pane.build_context_menu(fav, pane.results)
    action = next(a for a in menu.actions() if a.objectName() == "favorite")
    assert action.text() == "取消收藏"
    with qtbot.waitSignal(pane.searchFinished, timeout=5000):
        action.trigger()
    assert library_store.get(item_id).favorite is False


def test_tree_nodes_show_counts(pane):
    labels = [pane.model.index(r, 0, QModelIndex()).data() for r in range(4)]
    assert [lbl.split("（")[0] for lbl in labels] == ["结构骨架", "常用语句", "范文", "我的素材"]
    assert all("（" in lbl for lbl in labels[:3])


def test_a_section_previews_and_inserts_with_everything_under_it(qtbot, pane, library_store):
    section = next(s for s in library_store.items(kind="section") if library_store.children(s.id))
    child = library_store.children(section.id)[0]
    index = pane.model.find_item(section.id, pane.model.top_index("document"))
    assert index.isValid()
    pane.tree.setCurrentIndex(index)
    preview = pane.preview.toPlainText()
    assert section.title in preview and child.title in preview
    assert "出自：" + section.sources[0].file in preview
    with qtbot.waitSignal(pane.insertRequested, timeout=2000) as blocker:
        pane.tree.doubleClicked.emit(index)
    lines = blocker.args[0]["text"].splitlines()
    assert lines[0] == section.title
    assert child.title in lines


def test_favourite_in_the_tree_marks_the_row_at_once(qtbot, pane, library_store):
    model = pane.model
    top = model.top_index("phrasing")
    pane.tree.expand(top)
    model.fetchMore(top)
    function = model.index(0, 0, top)
    topic = model.index(0, 0, function)
    row = model.index(0, 0, topic)
    item = row.data(ItemRole)
    assert "★" not in row.data()
    menu = pane.build_context_menu(row, pane.tree)
    next(a for a in menu.actions() if a.objectName() == "favorite").trigger()
    assert str(row.data()).startswith("★")
    assert library_store.get(item.id).favorite is True
    favourites = model.top_index("favorite")
    pane.tree.expand(favourites)
    model.fetchMore(favourites)
    assert [
        model.index(r, 0, favourites).data(ItemRole).id for r in range(model.rowCount(favourites))
    ] == [item.id]


def test_kind_filter_and_keyboard_from_the_search_box(qtbot, pane):
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findData("skeleton"))
    count = wait_for_search(qtbot, pane, "计划")
    assert count > 0
    kinds = {pane.results_model.index(r, 0).data(ItemRole).kind for r in range(count)}
    assert kinds == {"skeleton"}
    # Down moves from the search box into the results, Enter inserts the selected one.
    pane.search_edit.setFocus()
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Down)
    assert pane.results.hasFocus() or pane.focusWidget() is pane.results
    with qtbot.waitSignal(pane.insertRequested, timeout=2000) as blocker:
        qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    assert blocker.args[0]["kind"] == "skeleton"
    # Esc in the search box clears it and shows the tree again.
    qtbot.keyClick(pane.search_edit, Qt.Key.Key_Escape)
    assert pane.search_edit.text() == ""
    assert pane.stack.currentWidget() is pane.tree


def test_preview_shades_what_the_search_matched(qtbot, pane):
    wait_for_search(qtbot, pane, "zdsx")
    model = pane.results_model
    row = next(
        r for r in range(model.rowCount()) if "指导思想" in model.index(r, 0).data(ItemRole).text
    )
    pane.results.setCurrentIndex(model.index(row, 0))
    assert "#cfe3ff" in pane.preview.toHtml()
    pane.search_edit.clear()  # back in the tree: nothing is shaded
    assert "#cfe3ff" not in pane.preview.toHtml()


def test_search_hits_sharing_a_title_can_be_told_apart(qtbot, pane):
    assert wait_for_search(qtbot, pane, "教育局工作计划") > 0
    model = pane.results_model
    rows = [
        (str(model.index(r, 0).data()), model.index(r, 0).data(ItemRole))
        for r in range(model.rowCount())
    ]
    docs = [text for text, it in rows if it.kind in ("document", "skeleton")]
    same = [t for t in docs if "教育局工作计划" in t]
    assert len(same) >= 3
    assert len(docs) == len(set(docs)), docs
    assert any("第 2 篇" in t for t in same), same


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_pane_speaks_english(qtbot, library_store, tmp_path):
    """Every string of the pane goes through tr(): with English loaded none of its own words
    stay Chinese (the library's content — titles, headings, hints — does)."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from eduwriter.gui import i18n

    language, messages = i18n.read_ts(i18n.ts_path("en"))
    qm = tmp_path / "en.qm"
    qm.write_bytes(i18n.qm_bytes(language, messages))
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        pane = fx.make_pane(qtbot, library_store)
        model = pane.model
        tops = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
        assert not [t for t in tops if _cjk(t)], tops
        assert "items" in pane.count_label.text()
        skeletons = model.top_index("skeleton")
        model.fetchMore(skeletons)
        pane.tree.expand(skeletons)
        plan = model.index(0, 0, skeletons)
        assert str(plan.data()).startswith("Work plans (")
        pane.tree.expand(plan)
        merged = model.index(0, 0, plan)
        assert str(merged.data()).startswith("Work plans · general skeleton (from ")
        pane.tree.setCurrentIndex(merged)
        text = pane.preview.toPlainText()
        assert " document(s)" in text and "篇" not in text, text[:300]
        pane.tree.setCurrentIndex(model.index(1, 0, plan))
        text = pane.preview.toPlainText()
        assert "From: " in text and "出自" not in text, text[:200]
        meta = text.splitlines()[1]
        assert meta.startswith("Skeletons · Work plans · text ") and " parts · " in meta, meta
        labels = [str(model.index(r, 0, plan).data()) for r in range(1, model.rowCount(plan))]
        assert any(" · text 2 · " in t for t in labels), labels
        assert not [t for t in labels if "部分" in t or "第 " in t], labels
        count = wait_for_search(qtbot, pane, "zdsx")
        assert pane.count_label.text() == f"{count} found"
        pane.shutdown()
    finally:
        app.removeTranslator(translator)
        i18n.install_translator("zh_CN")


def test_preview_of_a_skeleton_says_which_document_it_is(qtbot, pane):
    model = pane.model
    skeletons = model.top_index("skeleton")
    model.fetchMore(skeletons)
    pane.tree.expand(skeletons)
    plan = next(
        model.index(r, 0, skeletons)
        for r in range(model.rowCount(skeletons))
        if str(model.index(r, 0, skeletons).data()).startswith("工作计划")
    )
    pane.tree.expand(plan)
    row = next(
        model.index(r, 0, plan)
        for r in range(model.rowCount(plan))
        if " · 第 2 篇 · " in str(model.index(r, 0, plan).data())
    )
    pane.tree.setCurrentIndex(row)
    meta = pane.preview.toPlainText().splitlines()[1]
    assert "第 2 篇" in meta and "部分" in meta and ".txt" in meta, meta
