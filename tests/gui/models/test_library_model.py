"""The library tree: 结构骨架 by genre, 常用语句 by function and topic, 范文 file → document →
section, 我的素材 with the writer's folders; counts in the labels; lazy loading."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from eduwriter.core.items import FUNCTIONS
from eduwriter.gui.editor.mime import item_from_mime
from eduwriter.gui.models.library_items import ItemRole
from eduwriter.gui.models.library_model import LibraryModel
from eduwriter.resources_path import sample_files

# Fixtures shared by the library pane tests (tests/gui/library_fixtures.py).


def _children(model, parent):
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def _label(index) -> str:
    return str(index.data())


def _name(index) -> str:
    return _label(index).split("（")[0]


def _count(index) -> int:
    return int(_label(index).rsplit("（", 1)[1].rstrip("）"))


def test_top_nodes_are_loaded_only_when_expanded(qtbot, library_store):
    model = LibraryModel(library_store)
    tops = _children(model, QModelIndex())
    assert [_name(i) for i in tops] == ["结构骨架", "常用语句", "范文", "我的素材", "收藏"]
    assert model.rowCount(tops[1]) == 0 and model.canFetchMore(tops[1])
    assert model.hasChildren(tops[1])
    assert _count(tops[1]) == library_store.count("phrasing")
    assert _count(tops[3]) == 0 and not model.hasChildren(tops[3])


def test_phrasings_by_function_then_topic(qtbot, library_store):
    model = LibraryModel(library_store)
    phrasings = model.top_index("phrasing")
    functions = _children(model, phrasings)
    names = [_name(f) for f in functions]
    known = [n for n in names if n in FUNCTIONS]
    assert len(known) >= 5
    assert known == [f for f in FUNCTIONS if f in known], "functions keep the library's order"
    first = functions[0]
    per_function = library_store.items(kind="phrasing", function=names[0])
    assert _count(first) == len(per_function)
    topics = _children(model, first)
    assert topics
    for topic in topics:
        rows = _children(model, topic)
        assert rows and _count(topic) == len(rows)
        for row in rows:
            item = row.data(ItemRole)
            assert item.kind == "phrasing" and item.function == names[0]
            if _name(topic) != "其他":
                assert _name(topic) in item.tags


def test_skeletons_by_genre_with_merged_first(qtbot, library_store):
    model = LibraryModel(library_store)
    genres = _children(model, model.top_index("skeleton"))
    names = [_name(g) for g in genres]
    assert {"工作计划", "工作总结", "讲话稿"} <= set(names)
    plan = genres[names.index("工作计划")]
    rows = _children(model, plan)
    assert rows[0].data(ItemRole).data.get("merged") is True
    assert all(r.data(ItemRole).genre == "plan" for r in rows)


def test_documents_file_then_document_then_section(qtbot, library_store):
    model = LibraryModel(library_store)
    files = _children(model, model.top_index("document"))
    assert sorted(_name(f) for f in files) == sorted(p.name for p in sample_files())
    docs = _children(model, files[0])
    assert docs and all(d.data(ItemRole).kind == "document" for d in docs)
    with_sections = [d for d in docs if _children(model, d)]
    assert with_sections, "documents list their sections"
    section = _children(model, with_sections[0])[0].data(ItemRole)
    assert section.kind == "section"
    assert section.parent == with_sections[0].data(ItemRole).id


def test_my_snippets_show_folders_and_snippets(qtbot, library_store):
    folder = library_store.add_folder("德育")
    library_store.add_snippet("立德树人是教育的根本任务。", folder=folder.id, tags=["德育"])
    library_store.add_snippet("未分类的一句话。")
    model = LibraryModel(library_store)
    mine = model.top_index("snippet")
    assert _count(mine) == 2
    rows = _children(model, mine)
    assert _label(rows[0]) == "德育（1）"
    assert rows[1].data(ItemRole).text == "未分类的一句话。"
    inside = _children(model, rows[0])
    assert inside[0].data(ItemRole).text == "立德树人是教育的根本任务。"


def test_item_rows_drag_their_payload(qtbot, library_store):
    model = LibraryModel(library_store)
    functions = _children(model, model.top_index("phrasing"))
    topic = _children(model, functions[0])[0]
    row = _children(model, topic)[0]
    md = model.mimeData([row])
    payload = item_from_mime(md)
    assert payload["id"] == row.data(ItemRole).id
    assert payload["text"] == row.data(ItemRole).text
    assert model.mimeData([topic]) is None  # a group is not an item


def test_a_library_that_cannot_be_read_shows_the_reason_in_the_tree(qtbot, library_store):
    model = LibraryModel(library_store)
    library_store.close()  # e.g. the file went away under us
    rows = _children(model, model.top_index("phrasing"))
    assert len(rows) == 1
    assert _label(rows[0]).startswith("无法读取")
    assert rows[0].data(ItemRole) is None


def test_favourites_are_gathered_under_their_own_node(qtbot, library_store):
    phrasing = library_store.items(kind="phrasing")[3]
    skeleton = library_store.items(kind="skeleton")[0]
    library_store.set_favorite(phrasing.id, True)
    library_store.set_favorite(skeleton.id, True)
    model = LibraryModel(library_store)
    rows = _children(model, model.top_index("favorite"))
    assert [r.data(ItemRole).id for r in rows] == [phrasing.id, skeleton.id]
    assert all(_label(r).startswith("★") for r in rows)
    assert _label(model.top_index("favorite")) == "收藏（2）"


def test_skeletons_of_one_genre_can_be_told_apart(qtbot, library_store):
    """Five documents of one file share the title 教育局工作计划: their skeleton rows must not."""
    model = LibraryModel(library_store)
    genres = _children(model, model.top_index("skeleton"))
    plan = genres[[_name(g) for g in genres].index("工作计划")]
    labels = [_label(r) for r in _children(model, plan)]
    assert len(labels) == len(set(labels)), labels
    assert labels[0].startswith("工作计划 · 通用骨架（") and "篇综合）" in labels[0]
    same_title = [t for t in labels if t.startswith("教育局工作计划 · ")]
    assert len(same_title) >= 2
    for label in same_title:
        assert "部分" in label and ".txt" in label, label
    ordinals = sorted(t.split(" · ")[1] for t in same_title)
    assert ordinals == sorted(set(ordinals)) and all(o.startswith("第 ") for o in ordinals)


def test_a_skeletons_ordinal_names_the_document_it_was_drawn_from(qtbot, library_store):
    """第 k 篇 on a skeleton row is the k-th document under its file in 范文."""
    model = LibraryModel(library_store)
    genres = _children(model, model.top_index("skeleton"))
    plan = genres[[_name(g) for g in genres].index("工作计划")]
    files = _children(model, model.top_index("document"))
    checked = 0
    for row in _children(model, plan):
        bits = _label(row).split(" · ")
        if len(bits) < 4 or not bits[1].startswith("第 "):
            continue
        ordinal = int(bits[1].removeprefix("第 ").removesuffix(" 篇"))
        file_row = files[[_name(f) for f in files].index(bits[-1])]
        doc = _children(model, file_row)[ordinal - 1]
        assert _label(doc).startswith(bits[0]) and f"第 {ordinal} 篇" in _label(doc)
        section_titles = [s.data(ItemRole).title for s in _children(model, doc)]
        level1 = [
            p["source"]["section"][0]
            for p in row.data(ItemRole).data["parts"]
            if p["level"] == 1 and p["source"]["section"]
        ]
        assert level1 and set(level1) <= set(section_titles), (level1, section_titles)
        checked += 1
    assert checked >= 2


def test_skeletons_sharing_a_title_are_listed_in_document_order(qtbot, library_store):
    model = LibraryModel(library_store)
    genres = _children(model, model.top_index("skeleton"))
    plan = genres[[_name(g) for g in genres].index("工作计划")]
    by_file: dict[tuple[str, str], list[int]] = {}
    for row in _children(model, plan):
        bits = _label(row).split(" · ")
        if len(bits) >= 4 and bits[1].startswith("第 "):
            ordinal = int(bits[1].removeprefix("第 ").removesuffix(" 篇"))
            by_file.setdefault((bits[0], bits[-1]), []).append(ordinal)
    assert any(len(v) >= 3 for v in by_file.values()), by_file
    assert all(v == sorted(v) for v in by_file.values()), by_file
