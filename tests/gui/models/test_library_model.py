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


def _other_domain_items():
    from eduwriter.library.store import Item

    tax = Item(
        id="ph-test-other-domain",
        kind="phrasing",
        function="措施",
        genre="notice",
        text="加强税收征管，优化纳税服务，持续推进减税降费政策落实。",
        tags=[],
        origin="imported",
        data={"domain": "other"},
    )
    skeleton = Item(
        id="sk-test-other-domain",
        kind="skeleton",
        function="文档结构",
        genre="report",
        title="税务工作报告",
        origin="imported",
        data={"merged": False, "parts": [], "domain": "other"},
    )
    return tax, skeleton


def test_items_of_other_domains_are_gathered_under_their_own_node(qtbot, library_store):
    tax, skeleton = _other_domain_items()
    library_store.add_items([tax, skeleton])
    model = LibraryModel(library_store)

    def ids(index):
        found = []
        for child in _children(model, index):
            it = child.data(ItemRole)
            found += [it.id] if it is not None else ids(child)
        return found

    for kind, item in (("phrasing", tax), ("skeleton", skeleton)):
        items = library_store.items(kind=kind)
        others = {it.id for it in items if it.data.get("domain") not in ("education", "government")}
        assert item.id in others
        groups = _children(model, model.top_index(kind))
        names = [_name(g) for g in groups]
        # education and general items as before; every other domain last, under 其他领域
        assert names[-1] == "其他领域" and names.count("其他领域") == 1
        assert _count(groups[-1]) == len(others)
        assert set(ids(groups[-1])) == others
        shown = {i for g in groups[:-1] for i in ids(g)}
        assert shown and not shown & others
        assert shown == {it.id for it in items} - others


def test_an_education_library_has_no_other_domain_node(qtbot, library_store):
    # the bundled phrasings all come from education documents
    assert {it.data.get("domain") for it in library_store.items(kind="phrasing")} == {"education"}
    model = LibraryModel(library_store)
    names = [_name(g) for g in _children(model, model.top_index("phrasing"))]
    assert "其他领域" not in names and len(names) >= 5


def test_skeleton_genres_and_merged_labels_name_every_genre(qtbot, library_store):
    from eduwriter.core.genre import GENRE_LABELS
    from eduwriter.gui.i18n import install_translator
    from eduwriter.gui.models.library_items import genre_label, merged_skeleton_label

    model = LibraryModel(library_store)
    genres = {_name(g): g for g in _children(model, model.top_index("skeleton"))}
    # the forms no sample has are offered from their canonical outline
    for name in ("实施方案", "典型材料"):
        rows = _children(model, genres[name])
        assert _label(rows[0]) == f"{name} · 通用骨架（按通用结构）"
    plan_rows = _children(model, genres["工作计划"])
    assert _label(plan_rows[0]).startswith("工作计划 · 通用骨架（") and "篇综合" in _label(
        plan_rows[0]
    )
    for code, chinese in GENRE_LABELS.items():
        label = merged_skeleton_label({"genre": code, "title": "x通用结构（3篇）", "sources": []})
        expected = "其他文稿" if code == "article" else chinese
        assert label == f"{expected} · 通用骨架（3 篇综合）", code
    assert install_translator("en")
    try:
        english = {code: genre_label(code) for code in GENRE_LABELS}
        assert len(set(english.values())) == len(english)
        assert not any("\u4e00" <= ch <= "\u9fff" for v in english.values() for ch in v)
        outline = merged_skeleton_label({"genre": "scheme", "title": "", "sources": []})
        assert outline == "Implementation schemes · general skeleton (standard outline)"
        merged = merged_skeleton_label({"genre": "summary", "title": "（6篇）", "sources": []})
        assert merged == "Work summaries · general skeleton (from 6 texts)"
    finally:
        install_translator("zh_CN")
