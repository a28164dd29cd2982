"""The search index persisted beside the library."""

from __future__ import annotations

import pickle

import pytest

from eduwriter.library import index_cache
from eduwriter.library.search_flat import MAGIC, read_header
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
        assert fh.read(8) == MAGIC and len(fh.read()) > 100  # written anew


def test_a_pickle_in_place_of_the_index_is_never_unpickled(store, db_path, tmp_path):
    # the old format was a pickle: one planted beside a library could run code on load
    expected = ids(store.search("安全"))
    store.close()
    marker = tmp_path / "ran"

    class Boom:
        def __reduce__(self):
            return (marker.write_text, ("yes",))

    index_cache.cache_path(db_path).write_bytes(pickle.dumps(Boom()))
    with LibraryStore.open(db_path) as s:
        assert ids(s.search("安全")) == expected
    assert not marker.exists()


def _flip(path, section):
    """Flip one byte in the middle of ``section`` of a sidecar file."""
    with path.open("rb") as fh:
        head, base = read_header(fh)
    name, offset, length, _crc = next(s for s in head["sections"] if s[0] == section)
    raw = bytearray(path.read_bytes())
    raw[base + offset + length // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def test_a_damaged_section_is_found_by_its_checksum_and_rebuilt(store, db_path):
    expected = ids(store.search("安全")), ids(store.search("zdsx"))
    store.close()
    path = index_cache.cache_path(db_path)
    _flip(path, "starts")  # offsets: checked before the index is used
    with LibraryStore.open(db_path) as s:
        key = index_cache.content_key(s._conn)
        assert index_cache.load(db_path, key) is None
        assert (ids(s.search("安全")), ids(s.search("zdsx"))) == expected
    assert index_cache.load(db_path, key) is not None  # rebuilt and written again


@pytest.mark.parametrize("section", ["blob", "py_codes", "py_edges"])
def test_damaged_texts_are_found_in_the_background_and_built_again(
    store, db_path, section, monkeypatch
):
    monkeypatch.setattr(index_cache, "CHECK_DELAY", 0.0)
    expected = (
        ids(store.search("zdsx")),
        ids(store.search("zhidaosixiang")),
        ids(store.search("安全")),
    )
    store.build_index(wait=True)
    store.close()
    path = index_cache.cache_path(db_path)
    _flip(path, section)
    with LibraryStore.open(db_path) as s:
        key = index_cache.content_key(s._conn)
        loaded = index_cache.load(db_path, key)
        assert loaded is not None  # texts are checked off the path of the first result…
        loaded.checked.join(timeout=60)
        assert loaded.damaged  # …and found damaged
        assert not path.exists()  # the file is removed: never loaded again
        assert not index_cache.save(db_path, key, loaded)  # nor written back from it
        got = ids(s.search("zdsx")), ids(s.search("zhidaosixiang")), ids(s.search("安全"))
        assert got == expected  # built again from the library
    assert index_cache.load(db_path, key) is not None


def test_a_store_drops_an_index_found_damaged_and_builds_it_again(store, db_path):
    expected = ids(store.search("安全"))
    store._index.damaged = True
    old = store._index
    assert ids(store.search("安全")) == expected
    assert store._index is not old


def test_word_edges_are_completed_and_saved_with_the_index(store, db_path):
    store.build_index(wait=True)
    key = index_cache.content_key(store._conn)
    loaded = index_cache.load(db_path, key)
    assert loaded is not None and index_cache.has_edges(loaded)
    # without its edges, a pinyin query segments the records it looks at: same answer
    with_edges = [h.id for h in loaded.search("zdsx")]
    loaded.main.py.edges = None
    assert [h.id for h in loaded.search("zdsx")] == with_edges


def _reopen_and_search(db_path, query):
    with LibraryStore.open(db_path) as s:
        return [i.text for i in s.search(query)]


def test_an_unchanged_library_file_skips_reading_the_content_key(store, db_path, monkeypatch):
    expected = ids(store.search("安全"))
    store.close()
    _reopen_and_search(db_path, "安全")  # reads the key once, and stamps the file with it
    assert index_cache.stamp_path(db_path).is_file()

    def no_scan(conn):
        raise AssertionError("the content key was read although the file did not change")

    monkeypatch.setattr(index_cache, "content_key", no_scan)
    with LibraryStore.open(db_path) as s:
        assert ids(s.search("安全")) == expected


def test_a_library_changed_by_another_program_reads_its_key_again(store, db_path):
    import sqlite3

    store.search("警钟")
    store.close()
    _reopen_and_search(db_path, "警钟")  # stamped
    conn = sqlite3.connect(db_path)  # another program, or another EduWriter, edits an item
    (item_id,) = conn.execute("SELECT id FROM items LIMIT 1").fetchone()
    conn.execute("UPDATE items SET text='敲响消防警钟' WHERE id=?", (item_id,))
    conn.commit()
    conn.close()
    assert "敲响消防警钟" in _reopen_and_search(db_path, "消防警钟")
