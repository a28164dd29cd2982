"""The search index persisted beside the library."""

from __future__ import annotations

from eduwriter.library import index_cache
from eduwriter.library.store import LibraryStore


def ids(items):
    return [i.id for i in items]


def test_a_later_start_loads_the_persisted_index_and_finds_the_same(store, db_path, monkeypatch):
    before = ids(store.search("zdsx")), ids(store.search("安全"))
    assert index_cache.cache_path(db_path).is_file()
    store.close()
    built = []
    real = index_cache.SearchIndex.warm
    monkeypatch.setattr(index_cache.SearchIndex, "warm", lambda self: built.append(1) or real(self))
    with LibraryStore.open(db_path) as again:
        assert (ids(again.search("zdsx")), ids(again.search("安全"))) == before
    assert built == []  # loaded, not rebuilt


def test_a_change_to_the_library_makes_the_persisted_index_stale(store, db_path):
    store.search("警钟")
    store.close()
    with LibraryStore.open(db_path) as s:
        s.add_snippet("敲响安全警钟")
    with LibraryStore.open(db_path) as s:
        assert [i.text for i in s.search("警钟")] == ["敲响安全警钟"]


def test_a_damaged_cache_file_is_rebuilt(store, db_path):
    expected = ids(store.search("安全"))
    store.close()
    index_cache.cache_path(db_path).write_bytes(b"\x80\x05garbage")
    with LibraryStore.open(db_path) as s:
        assert ids(s.search("安全")) == expected
    with index_cache.cache_path(db_path).open("rb") as fh:
        assert fh.read(2) == b"\x80\x05" and len(fh.read()) > 100  # written anew
