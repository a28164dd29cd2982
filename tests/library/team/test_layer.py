"""The shared library as a read-only layer under the writer's library (no server needed: the
local copy is filled the way a sync fills it)."""

from __future__ import annotations

from eduwriter.library.store import LibraryStore
from eduwriter.library.team.cache import ITEM_COLUMNS, TeamCache
from eduwriter.library.team.layer import SharedLayer, origin_of, personal_copy
from eduwriter.library.team.publish import items_to_publish


def _row(i: int, text: str, kind: str = "phrasing", folder: str | None = "开头") -> tuple:
    rec = {
        "id": f"s{i}",
        "kind": kind,
        "function": "开头",
        "genre": "",
        "title": "",
        "text": text,
        "tags": "[]",
        "folder": folder,
        "sources": "[]",
        "data": "{}",
        "unit": None,
        "deleted": False,
        "version": 3,
        "change_no": i,
        "updated_by": "office",
    }
    return tuple(rec[c] for c in ITEM_COLUMNS)


def _cache(tmp_path, rows) -> TeamCache:
    cache = TeamCache.open(tmp_path / "team_cache.db")
    cache.reset("lib-1", "")
    cache.apply(rows, [], len(rows))
    return cache


def test_search_spans_both_libraries_personal_first(tmp_path):
    cache = _cache(tmp_path, [_row(1, "全面落实立德树人根本任务（单位版）")])
    layer = SharedLayer.from_cache(cache, "postgresql://zs@srv:5432/eduwriter")
    with LibraryStore.open(tmp_path / "library.db") as store:
        store.add_snippet("全面落实立德树人根本任务（我的）")
        assert len(store.search("立德树人")) == 1
        store.attach_shared(layer)
        hits = store.search("立德树人")
        assert [h.origin for h in hits] == ["personal", "shared"]
        assert hits[1].id == "unit:s1" and hits[1].text.endswith("（单位版）")
        assert origin_of(hits[1])["version"] == 3
        # pinyin initials find the shared item too
        assert "unit:s1" in [h.id for h in store.search("ldsr")]
        store.attach_shared(None)
        assert [h.origin for h in store.search("立德树人")] == ["personal"]


def test_layer_attached_before_the_index_is_built(tmp_path):
    layer = SharedLayer.from_cache(_cache(tmp_path, [_row(2, "深化教育评价改革")]))
    with LibraryStore.open(tmp_path / "library.db") as store:
        store.attach_shared(layer)
        assert [h.id for h in store.search("教育评价")] == ["unit:s2"]
        assert store.get("unit:s2").origin == "shared"
        assert store.count() == 0  # the writer's own library holds nothing of it


def test_missing_or_damaged_copy_gives_an_empty_layer(tmp_path):
    assert len(SharedLayer.open(tmp_path / "none.db")) == 0
    assert not (tmp_path / "none.db").exists()
    bad = tmp_path / "team_cache.db"
    bad.write_bytes(b"\x00garbage" * 50)
    layer = SharedLayer.open(bad)
    assert len(layer) == 0
    with LibraryStore.open(tmp_path / "library.db") as store:
        store.add_snippet("我的素材照常可搜")
        store.attach_shared(layer)
        assert [h.text for h in store.search("照常")] == ["我的素材照常可搜"]


def test_personal_copy_keeps_its_origin_and_publishes_as_that_item(tmp_path):
    layer = SharedLayer.from_cache(_cache(tmp_path, [_row(3, "原来的共享语句")]), "srv-url")
    with LibraryStore.open(tmp_path / "library.db") as store:
        store.attach_shared(layer)
        shared = store.get("unit:s3")
        copy = personal_copy(store, shared, text="我改过的语句", folder="单位素材")
        assert copy.origin == "personal" and copy.kind == "snippet"
        kept = origin_of(store.get(copy.id))
        assert (kept["server"], kept["id"], kept["version"]) == ("srv-url", "s3", 3)
        assert store.get("unit:s3").text == "原来的共享语句"  # the shared item is untouched
        out = items_to_publish(store, "单位素材")
    assert [(s.id, s.text) for s in out] == [("s3", "我改过的语句")]
    assert "shared_origin" not in out[0].data


def test_an_empty_library_can_be_searched(tmp_path):
    # was: ValueError in pinyin.pair_string (an index of no records has no letters)
    with LibraryStore.open(tmp_path / "library.db") as store:
        assert store.search("教育") == []


def test_a_star_on_a_shared_item_is_kept_in_the_personal_library(tmp_path):
    from eduwriter.library.team.layer import favorites_of, prune_favorites

    cache = _cache(tmp_path, [_row(1, "共享的开头语句"), _row(2, "另一条共享语句")])
    with LibraryStore.open(tmp_path / "library.db") as store:
        store.attach_shared(SharedLayer.from_cache(cache))
        store.set_favorite("unit:s1")
        assert store.get("unit:s1").favorite and not store.get("unit:s2").favorite
        assert [h.id for h in store.search("共享")][0] == "unit:s1"  # starred first
        assert store.items() == []  # nothing copied into the personal items
    with LibraryStore.open(tmp_path / "library.db") as store:  # a restart
        assert favorites_of(store) == ["unit:s1"]
        layer = SharedLayer.from_cache(cache, favorites=favorites_of(store))
        store.attach_shared(layer)
        assert [it.id for it in layer.favorites()] == ["unit:s1"]
        store.set_favorite("unit:s1", False)
        assert favorites_of(store) == [] and not store.get("unit:s1").favorite
        store.set_favorite("unit:s2")
        cache.apply([_row(2, "另一条共享语句")[:11] + (True,) + _row(2, "")[12:]], [], 9)
        assert prune_favorites(store, SharedLayer.from_cache(cache)) == 1  # s2 was retired
        assert favorites_of(store) == []
    cache.close()
