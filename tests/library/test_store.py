"""The SQLite store: items, folders, favourites, rebuilds that keep personal data, threads."""

from __future__ import annotations

import threading

import pytest
from library_samples import sample_items

from eduwriter.core.items import SourceRef
from eduwriter.library.errors import LibraryError
from eduwriter.library.store import Item, LibraryStore


def test_items_round_trip_through_the_database(store):
    it = store.get("ph-safety")
    assert it.kind == "phrasing" and it.function == "措施" and it.origin == "builtin"
    assert it.text.startswith("【年份】年")
    assert it.sources == [SourceRef("001_safety.txt", "安全工作计划", ("二、主要措施",))]
    assert it.tags == ["安全"]
    assert store.get("nope") is None


def test_filters_on_items(store):
    assert {i.id for i in store.items(kind="skeleton")} == {"sk-plan", "sk-speech"}
    assert [i.id for i in store.items(function="措施")] == ["ph-safety"]
    assert {i.id for i in store.items(genre="plan")} == {"ph-guide", "ph-safety", "sk-plan"}
    assert [i.id for i in store.items(tag="党建")] == ["ph-guide"]


def test_search_returns_items_with_scores(store):
    got = store.search("指导思想")
    assert [i.id for i in got][:1] == ["ph-exact"]
    assert got[0].score > got[-1].score
    assert [i.id for i in store.search("gzjh", kind="skeleton")] == ["sk-plan"]
    assert [i.id for i in store.search("安全", function="措施")] == ["ph-safety"]
    assert [i.id for i in store.search("讲话", genre="speech")] == ["sk-speech"]
    assert store.search("指导", tag="安全") == []


def test_snippets_folders_and_tags(store):
    f = store.add_folder("常用")
    sub = store.add_folder("安全", parent=f.id)
    sn = store.add_snippet("安全工作警钟长鸣", folder=sub.id, tags=["安全", "  "])
    assert sn.origin == "personal" and sn.tags == ["安全"]
    assert store.get(sn.id).folder == sub.id
    # a folder filter includes its sub-folders
    assert [i.id for i in store.search("警钟", folder=f.id)] == [sn.id]
    assert [i.id for i in store.items(folder="常用/安全")] == [sn.id]
    store.rename_folder(sub.id, "安全稳定")
    assert store.folder_path(sub.id) == "常用/安全稳定"
    store.delete_folder(f.id)
    assert store.folders() == []
    assert store.get(sn.id).folder is None  # the snippet is kept
    assert "安全" in store.tags()
    with pytest.raises(LibraryError):
        store.add_snippet("   ")


def test_update_and_delete_are_searchable_at_once(store):
    sn = store.add_snippet("我的开头语")
    assert [i.id for i in store.search("开头语")] == [sn.id]
    store.update_item(sn.id, text="我的结尾语")
    assert store.search("开头语") == []
    assert [i.id for i in store.search("结尾语")] == [sn.id]
    store.delete_item(sn.id)
    assert store.search("结尾语") == []
    assert store.get(sn.id) is None


def test_editing_a_builtin_item_makes_it_personal(store):
    store.update_item("ph-bank", text="与银行合作开展金融知识进校园活动")
    assert store.get("ph-bank").origin == "personal"


def test_rebuild_keeps_personal_items_and_user_state(store):
    sn = store.add_snippet("自己写的句子", tags=["自定"])
    store.set_favorite("ph-guide", True)
    store.record_use("ph-guide")
    assert store.record_use("ph-guide") == 2
    folder = store.add_folder("收藏")
    store.update_item("ph-safety", folder=folder.id, tags=["安全", "重点"])
    store.update_item("sk-speech", title="我改过的讲话结构")
    # rebuild with a smaller derived set: ph-bank disappears, ph-new appears
    fresh = [i for i in sample_items() if i.id != "ph-bank"]
    fresh.append(
        Item(id="ph-new", kind="phrasing", function="结尾", text="新的结尾句", origin="builtin")
    )
    added = store.replace_derived(fresh)
    assert added == 1
    assert store.get(sn.id).text == "自己写的句子"
    g = store.get("ph-guide")
    assert g.favorite and g.usage == 2
    s = store.get("ph-safety")
    assert s.folder == folder.id and s.tags == ["安全", "重点"]
    assert store.get("sk-speech").title == "我改过的讲话结构"  # edited → personal, untouched
    assert store.get("ph-bank") is None
    assert [i.id for i in store.search("新的结尾")] == ["ph-new"]


def test_reopen_keeps_everything(db_path, store):
    sn = store.add_snippet("重新打开后还在")
    store.close()
    with LibraryStore.open(db_path) as again:
        assert again.get(sn.id).text == "重新打开后还在"
        assert again.count() == len(sample_items()) + 1


def test_stats(store):
    s = store.stats()
    assert s["by_kind"] == {"phrasing": 4, "skeleton": 2}
    assert s["by_function"]["开头"] == 1
    assert s["skeletons_by_genre"] == {"plan": 1, "speech": 1}
    assert s["merged_skeletons_by_genre"] == {"plan": 1}
    assert s["by_origin"] == {"builtin": 5, "imported": 1}


def test_document_tree(store):
    doc = Item(
        id="doc-1",
        kind="document",
        title="德育工作计划",
        text="…",
        origin="builtin",
        data={"file": "a.txt"},
    )
    s1 = Item(
        id="sec-1",
        kind="section",
        title="一、指导思想",
        parent="doc-1",
        position=1,
        origin="builtin",
    )
    s2 = Item(
        id="sec-2",
        kind="section",
        title="（一）总体要求",
        parent="sec-1",
        position=2,
        origin="builtin",
    )
    store.replace_derived([*sample_items(), doc, s1, s2])
    tree = store.documents()
    assert [f.file for f in tree] == ["a.txt"]
    root = tree[0].documents[0]
    assert root.item.id == "doc-1"
    assert root.children[0].item.id == "sec-1"
    assert root.children[0].children[0].item.title == "（一）总体要求"
    assert [c.id for c in store.children("doc-1")] == ["sec-1"]
    store.delete_item("doc-1")
    assert store.get("sec-2") is None


def test_search_from_another_thread_while_writing(store):
    errors: list[BaseException] = []
    results: list[int] = []

    def reader():
        try:
            for _ in range(50):
                results.append(len(store.search("指导")))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=reader)
    t.start()
    for n in range(30):
        store.add_snippet(f"线程片段{n}")
    t.join()
    assert not errors
    assert len(results) == 50 and min(results) >= 3
    assert len(store.search("线程片段", limit=100)) == 30


def test_deleted_builtin_items_stay_deleted_after_a_rebuild(store):
    store.delete_item("ph-bank")
    store.replace_derived(sample_items())
    assert store.get("ph-bank") is None
    assert store.search("银行") == []
