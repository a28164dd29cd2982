""".ewlib packs: export, import, merge by id, conflicts, damaged packs."""

from __future__ import annotations

import json
import zipfile

import pytest

from eduwriter.library import sharing
from eduwriter.library.errors import PackError
from eduwriter.library.sharing import Conflict, read_pack
from eduwriter.library.store import LibraryStore


@pytest.fixture
def other(tmp_path):
    s = LibraryStore.open(tmp_path / "colleague.db")
    yield s
    s.close()


def test_round_trip_of_the_personal_library(store, other, tmp_path):
    f = store.add_folder("常用")
    a = store.add_snippet("安全工作警钟长鸣", folder=f.id, tags=["安全"], title="安全开头")
    b = store.add_snippet("家校共育，携手同行")
    pack = tmp_path / "mine.ewlib"
    assert (
        sharing.export_pack(store, pack) == 2
    )  # builtin items are not part of the personal library
    manifest, items = read_pack(pack)
    assert manifest["format"] == "ewlib" and manifest["format_version"] == 1
    assert manifest["item_count"] == 2 and manifest["app_version"] and manifest["created"]
    report = sharing.import_pack(other, pack)
    assert report.added == 2
    got = other.get(a.id)
    assert (got.text, got.title, got.tags) == ("安全工作警钟长鸣", "安全开头", ["安全"])
    assert other.folder_path(got.folder) == "常用"
    assert other.get(b.id).text == "家校共育，携手同行"
    assert [i.id for i in other.search("警钟")] == [a.id]
    # re-importing adds nothing and asks nothing
    again = sharing.import_pack(other, pack, resolver=lambda c: pytest.fail("asked"))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert other.count() == 2


def test_export_a_folder_or_a_selection(store, tmp_path):
    f = store.add_folder("讲话")
    sub = store.add_folder("开学", parent=f.id)
    a = store.add_snippet("同志们：新学期开始了", folder=sub.id)
    store.add_snippet("不在文件夹里")
    assert sharing.export_pack(store, tmp_path / "f.ewlib", folder="讲话") == 1
    assert [d["id"] for d in read_pack(tmp_path / "f.ewlib")[1]] == [a.id]
    assert sharing.export_pack(store, tmp_path / "s.ewlib", ids=["ph-guide", a.id]) == 2
    items = read_pack(tmp_path / "s.ewlib")[1]
    assert {d["id"] for d in items} == {"ph-guide", a.id}
    assert next(d for d in items if d["id"] == a.id)["folder_path"] == "讲话/开学"


def test_one_sided_change_is_taken_without_asking(store, other, tmp_path):
    sn = store.add_snippet("原来的句子")
    sharing.export_pack(store, tmp_path / "v1.ewlib")
    sharing.import_pack(other, tmp_path / "v1.ewlib")
    other.update_item(sn.id, text="同事改过的句子")
    sharing.export_pack(other, tmp_path / "v2.ewlib")
    report = sharing.import_pack(
        store, tmp_path / "v2.ewlib", resolver=lambda c: pytest.fail("asked")
    )
    assert report.updated == 1
    assert store.get(sn.id).text == "同事改过的句子"
    # and the older pack does not bring the old text back
    report = sharing.import_pack(
        store, tmp_path / "v1.ewlib", resolver=lambda c: pytest.fail("asked")
    )
    assert store.get(sn.id).text == "同事改过的句子"


@pytest.mark.parametrize("answer", ["mine", "theirs", "both"])
def test_changed_on_both_sides_asks(store, other, tmp_path, answer):
    sn = store.add_snippet("原来的句子")
    sharing.export_pack(store, tmp_path / "v1.ewlib")
    sharing.import_pack(other, tmp_path / "v1.ewlib")
    other.update_item(sn.id, text="同事的版本")
    sharing.export_pack(other, tmp_path / "theirs.ewlib")
    store.update_item(sn.id, text="我的版本")
    asked: list[Conflict] = []

    def resolver(c: Conflict) -> str:
        asked.append(c)
        return answer

    report = sharing.import_pack(store, tmp_path / "theirs.ewlib", resolver=resolver)
    assert len(asked) == 1
    assert (asked[0].mine.text, asked[0].theirs.text) == ("我的版本", "同事的版本")
    texts = sorted(i.text for i in store.items(kind="snippet"))
    expected = {
        "mine": ["我的版本"],
        "theirs": ["同事的版本"],
        "both": ["同事的版本", "我的版本"],
    }[answer]
    assert texts == expected
    assert report.conflicts == [(sn.id, answer)]
    # importing the same pack again asks nothing and adds nothing
    sharing.import_pack(store, tmp_path / "theirs.ewlib", resolver=lambda c: pytest.fail("asked"))
    assert sorted(i.text for i in store.items(kind="snippet")) == expected


def test_damaged_or_foreign_packs_leave_the_library_untouched(store, tmp_path):
    before = store.count()
    bad = tmp_path / "bad.ewlib"
    cases = [
        b"this is not a zip file",
        None,  # a zip without a manifest
        "wrong-format",
        "newer",
        "bad-item",
    ]
    for case in cases:
        if isinstance(case, bytes):
            bad.write_bytes(case)
        else:
            with zipfile.ZipFile(bad, "w") as zf:
                if case is None:
                    zf.writestr("hello.txt", "hi")
                else:
                    manifest = {"format": "ewlib", "format_version": 1}
                    items = [{"id": "x1", "kind": "snippet", "text": "好的"}]
                    if case == "wrong-format":
                        manifest["format"] = "something-else"
                    if case == "newer":
                        manifest["format_version"] = 99
                    if case == "bad-item":
                        items.append({"id": "x2", "kind": "poem", "text": "坏的"})
                    zf.writestr("manifest.json", json.dumps(manifest))
                    zf.writestr("items.json", json.dumps(items))
        with pytest.raises(PackError) as info:
            sharing.import_pack(store, bad)
        assert info.value.message_zh
        assert store.count() == before
        assert store.get("x1") is None
    with pytest.raises(PackError):
        sharing.import_pack(store, tmp_path / "missing.ewlib")


def test_a_selected_document_travels_with_its_sections(store, other, tmp_path):
    from eduwriter.library.store import Item

    doc = Item(
        id="doc-x",
        kind="document",
        title="德育工作计划",
        text="…",
        origin="builtin",
        data={"file": "a.txt"},
    )
    sec = Item(
        id="sec-x",
        kind="section",
        title="指导思想",
        text="坚持立德树人。",
        parent="doc-x",
        origin="builtin",
    )
    sub = Item(id="sec-y", kind="section", title="总体要求", parent="sec-x", origin="builtin")
    store.replace_derived([doc, sec, sub])
    assert sharing.export_pack(store, tmp_path / "doc.ewlib", ids=["doc-x"]) == 3
    sharing.import_pack(other, tmp_path / "doc.ewlib")
    tree = other.documents()
    assert tree[0].documents[0].children[0].children[0].item.title == "总体要求"


def _both_changed(store, other, tmp_path):
    sn = store.add_snippet("原来的句子")
    sharing.export_pack(store, tmp_path / "v1.ewlib")
    sharing.import_pack(other, tmp_path / "v1.ewlib")
    other.update_item(sn.id, text="同事的版本")
    sharing.export_pack(other, tmp_path / "theirs.ewlib")
    store.update_item(sn.id, text="我的版本")
    return sn, tmp_path / "theirs.ewlib"


def test_an_answer_nobody_gave_is_not_remembered(store, other, tmp_path):
    sn, pack = _both_changed(store, other, tmp_path)
    report = sharing.import_pack(store, pack, resolver=lambda c: "skip")
    assert report.skipped == 1 and report.conflicts == [(sn.id, "skip")]
    assert store.get(sn.id).text == "我的版本"
    # still a conflict next time: asked again, and the colleague's version can be taken
    asked = []
    report = sharing.import_pack(store, pack, resolver=lambda c: asked.append(c) or "theirs")
    assert len(asked) == 1
    assert store.get(sn.id).text == "同事的版本"


def test_explicit_choice_overrides_an_earlier_keep_mine(store, other, tmp_path):
    sn, pack = _both_changed(store, other, tmp_path)
    sharing.import_pack(store, pack, resolver=lambda c: "mine")
    assert sharing.import_pack(store, pack, resolver=lambda c: pytest.fail("asked")).conflicts == []
    report = sharing.import_pack(store, pack, force="theirs")
    assert report.conflicts == [(sn.id, "theirs")]
    assert store.get(sn.id).text == "同事的版本"


@pytest.mark.parametrize(
    "odd",
    [
        {"position": "abc"},
        {"created": "yesterday"},
        {"modified": [1]},
        {"position": 1.5},
        {"text": "坏\ud800字"},  # a lone surrogate: cannot be stored
        {"tags": ["\udfff"]},
        {"data": {"original": "\ud83d"}},
    ],
)
def test_packs_with_wrong_field_types_or_lone_surrogates_are_refused(store, tmp_path, odd):
    before = [(i.id, i.text) for i in store.items()]
    pack = tmp_path / "odd.ewlib"
    items = [
        {"id": "ok-1", "kind": "snippet", "text": "好的条目"},
        {"id": "odd-1", "kind": "snippet", "text": "字段类型不对", **odd},
    ]
    with zipfile.ZipFile(pack, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "ewlib", "format_version": 1}))
        zf.writestr("items.json", json.dumps(items))  # \ud800 is escaped: valid JSON text
    with pytest.raises(PackError) as info:
        sharing.import_pack(store, pack)
    assert "资料库未做任何改动" in info.value.message_zh
    assert [(i.id, i.text) for i in store.items()] == before


def test_exporting_nothing_writes_nothing(store, tmp_path):
    out = tmp_path / "empty.ewlib"
    with pytest.raises(PackError) as info:
        sharing.export_pack(store, out, folder=store.add_folder("空文件夹").id)
    assert "没有可导出的条目" in info.value.message_zh
    assert not list(tmp_path.glob("*ewlib*"))  # no pack, no temporary file
