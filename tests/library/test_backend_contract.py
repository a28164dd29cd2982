"""One contract for both library backends: every :class:`Backend` method, exercised the same way
on the SQLite store (a temporary folder) and on the PostgreSQL store (a throwaway server), so a
method missing or behaving differently in either one fails here."""

from __future__ import annotations

import inspect
import itertools
import sys
from pathlib import Path

import psycopg
import pytest
from library_samples import sample_items

from eduwriter.core.items import SourceRef
from eduwriter.library.backend import Backend
from eduwriter.library.errors import LibraryError
from eduwriter.library.items import FileNode, Folder, Item, StoredFile
from eduwriter.library.store import LibraryStore
from eduwriter.library.team.pg_store import PgStore
from eduwriter.library.team.server_schema import add_user, setup_server

sys.path.insert(0, str(Path(__file__).resolve().parent / "team"))
import pg_server  # noqa: E402

_DB = itertools.count()


@pytest.fixture(scope="module")
def pg():
    server = pg_server.start_or_skip()
    yield server
    server.stop()


def fresh_database(server) -> str:
    """A new database with the shared library set up, an editor and a reader; its name."""
    name = f"contract_{next(_DB)}"
    admin_url = server.url(password=pg_server.ADMIN_PASSWORD, dbname="postgres")
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    with psycopg.connect(server.url(password=pg_server.ADMIN_PASSWORD, dbname=name)) as admin:
        setup_server(admin)
        add_user(admin, "contract_editor", "ed-pw", "editor")
        add_user(admin, "contract_reader", "rd-pw", "reader")
        admin.commit()
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        store = LibraryStore.open(tmp_path / "library.db")
    else:
        server = request.getfixturevalue("pg")
        name = fresh_database(server)
        store = PgStore.open(server.url("contract_editor", "ed-pw", dbname=name))
    yield store
    store.close()


def _doc_items() -> list[Item]:
    doc = Item(
        id="doc-1", kind="document", title="学校安全工作计划", text="全文", origin="imported",
        data={"file": "安全.txt"}, position=0,
    )  # fmt: skip
    secs = [
        Item(
            id=f"sec-{n}",
            kind="section",
            title=title,
            text=f"{title}的正文",
            parent="doc-1",
            position=n,
            origin="imported",
            data={"file": "安全.txt"},
        )  # fmt: skip
        for n, title in ((2, "二、主要措施"), (1, "一、指导思想"))
    ]
    return [doc, *secs]


def _filled(b: Backend) -> Backend:
    b.replace_derived(sample_items() + _doc_items())
    return b


# ------------------------------------------------------------------ the shape of the interface
def _members() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(fn)
        for name, fn in vars(Backend).items()
        if callable(fn) and not name.startswith("_")
    }


@pytest.mark.parametrize("cls", [LibraryStore, PgStore])
def test_every_protocol_member_exists_with_a_compatible_signature(cls):
    members = _members()
    assert len(members) >= 40
    for name, want in members.items():
        assert hasattr(cls, name), f"{cls.__name__} lacks {name}"
        got = inspect.signature(getattr(cls, name))
        want_params = [(p.name, p.kind, p.default) for p in want.parameters.values()]
        got_params = [(p.name, p.kind, p.default) for p in got.parameters.values()]
        assert got_params == want_params, f"{cls.__name__}.{name}: {got} ≠ {want}"
    assert set(Backend.__annotations__) == {"path", "read_only"}


def test_each_backend_has_the_protocol_attributes(backend):
    assert isinstance(backend.path, Path)
    assert backend.read_only is False


# ------------------------------------------------------------------------------ reading
def test_items_and_their_filters(backend):
    b = _filled(backend)
    assert b.count() == len(sample_items()) + 3
    assert b.count("skeleton") == sum(i.kind == "skeleton" for i in sample_items())
    guide = b.get("ph-guide")
    assert guide.text.startswith("坚持以习近平") and guide.tags == ["党建"]
    assert guide.origin == "builtin" and guide.sources[0].file == "000_plan.txt"
    assert guide.data["score"] == 0.9
    assert b.get("no-such-id") is None
    assert [i.id for i in b.get_many(["ph-safety", "missing", "ph-guide"])] == [
        "ph-safety",
        "ph-guide",
    ]
    assert {i.id for i in b.items(kind="phrasing", genre="plan")} == {"ph-guide", "ph-safety"}
    assert [i.id for i in b.items(tag="安全")] == ["ph-safety"]
    assert [i.id for i in b.items(function="开头")] == ["ph-guide"]
    assert {i.id for i in b.items(origin="imported")} == {"ph-bank", "doc-1", "sec-1", "sec-2"}
    assert [i.title for i in b.children("doc-1")] == ["一、指导思想", "二、主要措施"]
    (tree,) = b.documents()
    assert isinstance(tree, FileNode) and tree.file == "安全.txt"
    assert [n.item.title for n in tree.documents[0].children] == ["一、指导思想", "二、主要措施"]
    assert b.tags() == sorted({t for i in sample_items() for t in i.tags})
    stats = b.stats()
    assert stats["total"] == b.count() and stats["by_kind"]["section"] == 2
    assert stats["by_origin"] == {"builtin": len(sample_items()) - 1, "imported": 4}


def test_items_come_in_the_same_order_in_both(backend):
    b = _filled(backend)
    kinds = [i.kind for i in b.items()]
    assert kinds == sorted(kinds)
    order = [i.id for i in b.items()]
    # within a kind: function, genre, parent, position, then quality (best first)
    phrasings = [i for i in b.items(kind="phrasing")]
    keys = [(i.function, i.genre) for i in phrasings]
    assert keys == sorted(keys)
    assert order.index("sec-1") < order.index("sec-2")


def test_search_finds_substrings_best_first_with_filters(backend):
    b = _filled(backend)
    hits = b.search("指导思想")
    assert hits[0].id == "ph-exact"  # the exact one first
    assert "ph-guide" in [h.id for h in hits]
    assert hits[0].score > 0
    assert [h.id for h in b.search("指导思想", function="开头")] == ["ph-guide"]
    assert [h.id for h in b.search("安全教育", kind="phrasing")] == ["ph-safety"]
    assert b.search("安全教育", kind="skeleton") == []
    assert b.search("量子力学与相对论") == []
    assert len(b.search("", limit=3)) == 3


def test_search_ranks_favourites_first_within_a_tier(backend):
    b = _filled(backend)
    b.add_snippet("指导思想要坚持", title="甲")
    other = b.add_snippet("指导思想要落实", title="乙")
    b.set_favorite(other.id)
    contained = [h.id for h in b.search("指导思想") if h.id != "ph-exact"]
    assert contained.index(other.id) < contained.index("ph-guide")


# ------------------------------------------------------------------------------ writing
def test_snippets_edits_history_and_deletion(backend):
    b = _filled(backend)
    snip = b.add_snippet("本片段由写作者保存", folder="常用/安全", tags=["安全", " ", "安全"])
    got = b.get(snip.id)
    assert got.origin == "personal" and got.tags == ["安全"]
    assert b.folder_path(got.folder) == "常用/安全"
    with pytest.raises(LibraryError) as info:
        b.add_snippet("   ")
    assert "不能为空" in info.value.message_zh
    old_hash = b.get("ph-safety").content_hash()
    edited = b.update_item("ph-safety", text="新的措施文字", tags=["安全", "改过"])
    assert edited.origin == "personal" and b.get("ph-safety").text == "新的措施文字"
    assert b.history("ph-safety") == [old_hash]
    b.set_history("ph-safety", ["a", "b"])
    assert b.history("ph-safety") == ["a", "b"]
    assert "改过" in b.tags()
    b.update_item(snip.id, clear_folder=True, function="结尾")
    assert b.get(snip.id).folder is None and b.get(snip.id).function == "结尾"
    with pytest.raises(LibraryError):
        b.update_item("no-such-id", text="x")
    b.delete_item("doc-1")
    assert b.get("doc-1") is None and b.get("sec-1") is None and b.documents() == []
    b.delete_item(snip.id)
    assert b.get(snip.id) is None and snip.id not in [h.id for h in b.search("写作者保存")]


def test_insert_item_and_replace(backend):
    item = Item(id="x-1", kind="snippet", text="插入的条目", sources=[SourceRef("f.txt", "题")])
    backend.insert_item(item, history=["h0"])
    assert backend.get("x-1").sources[0].document == "题" and backend.history("x-1") == ["h0"]
    item.text = "替换后的条目"
    backend.insert_item(item, replace=True)
    assert backend.get("x-1").text == "替换后的条目"


def test_favourites_and_usage(backend):
    b = _filled(backend)
    b.set_favorite("ph-bank")
    assert b.get("ph-bank").favorite
    b.set_favorite("ph-bank", False)
    assert not b.get("ph-bank").favorite
    assert b.record_use("ph-bank") == 1
    assert b.record_use("ph-bank") == 2
    assert b.get("ph-bank").usage == 2
    assert b.record_use("no-such-id") == 0


def test_folders(backend):
    b = backend
    top = b.add_folder("常用")
    sub = b.add_folder("安全", parent=top.id)
    assert b.add_folder("安全", parent=top.id).id == sub.id  # the same folder again
    assert b.folder_path(sub.id) == "常用/安全"
    assert b.folder_id("常用/安全") == sub.id and b.folder_id(sub) == sub.id
    assert b.folder_id(sub.id) == sub.id
    with pytest.raises(LibraryError):
        b.folder_id("没有/这个")
    new = b.folder_id("常用/德育", create=True)
    assert {(f.name, f.parent) for f in b.folders()} == {
        ("常用", None),
        ("安全", top.id),
        ("德育", top.id),
    }
    assert all(isinstance(f, Folder) for f in b.folders())
    with pytest.raises(LibraryError):
        b.add_folder("a/b")
    snip = b.add_snippet("放在安全文件夹", folder=sub.id)
    assert [i.id for i in b.items(folder="常用")] == [snip.id]
    b.rename_folder(sub.id, "平安")
    assert b.folder_path(sub.id) == "常用/平安" and b.get(snip.id).folder == sub.id
    with pytest.raises(LibraryError) as info:
        b.rename_folder(new, "平安")
    assert "同名" in info.value.message_zh
    b.delete_folder(top.id)
    assert b.folders() == [] and b.get(snip.id).folder is None


# ---------------------------------------------------------------- derived items and files
def test_replace_and_update_derived(backend):
    b = backend
    assert b.replace_derived(sample_items() + _doc_items()) == len(sample_items()) + 3
    assert b.replace_derived(sample_items() + _doc_items()) == 0
    b.update_item("ph-bank", text="写作者改过的")  # personal now: never replaced
    b.delete_item("ph-exact")  # deleted: never brought back
    changed = sample_items()
    for it in changed:
        it.text += "（新）"
    assert changed[-1].id == "sk-speech"
    assert b.replace_derived(changed[:-1]) == 0
    assert b.get("ph-bank").text == "写作者改过的"
    assert b.get("ph-exact") is None
    assert b.get("ph-guide").text.endswith("（新）")
    assert b.get("doc-1") is None and b.get("sk-speech") is None  # no longer derived
    b.clear_deleted()
    b.replace_derived(sample_items())
    assert b.get("ph-exact") is not None
    # one file's documents, the extracted items untouched
    b.update_derived(_doc_items(), ["安全.txt"], extracted=False)
    assert b.get("doc-1") is not None and b.get("ph-guide") is not None
    assert b.update_derived([], ["安全.txt"], extracted=False) == 0
    assert b.get("doc-1") is None and b.get("ph-guide") is not None


def test_stored_files_extractions_and_meta(backend):
    b = backend
    assert not b.has_builtin() and b.stored_files() == []
    files = [
        StoredFile("样例.txt", "builtin", {"title": "样例", "lines": ["安全第一"]}, "h1"),
        StoredFile("导入.txt", "imported", {"title": "导入"}, "h2"),
    ]
    b.save_files(files)
    assert b.has_builtin()
    assert [f.name for f in b.stored_files()] == ["样例.txt", "导入.txt"]
    assert b.stored_file("导入.txt") == files[1] and b.stored_file("无") is None
    assert b.file_origins() == {"样例.txt": ("builtin", "h1"), "导入.txt": ("imported", "h2")}
    assert b.files_mentioning(["安全", "不存在"]) == {"样例.txt"}
    b.save_extraction("样例.txt", "v1", ["北京", "上海"], [{"a": 1}])
    b.save_extraction("样例.txt", "v2", ["上海"], [{"a": 2}])
    b.save_extraction("导入.txt", "v2", [], [])
    assert b.extraction_index() == {"样例.txt": ("v2", ["上海"]), "导入.txt": ("v2", [])}
    assert list(b.extraction_data()) == [("样例.txt", [{"a": 2}]), ("导入.txt", [])]
    b.save_files([], drop=["样例.txt"])
    assert [f.name for f in b.stored_files()] == ["导入.txt"]
    assert b.extraction_index() == {"导入.txt": ("v2", [])}
    assert b.meta("built", "never") == "never"
    b.set_meta("built", "yes")
    b.set_meta("built", "again")
    assert b.meta("built") == "again"


# ------------------------------------------------------------- transactions and the lock
def test_a_failed_transaction_leaves_nothing(backend):
    b = backend
    with pytest.raises(RuntimeError), b.transaction():
        b.add_snippet("第一条")
        b.add_snippet("第二条")
        raise RuntimeError("stop")
    assert b.count() == 0
    with b.transaction():
        b.add_snippet("第一条")
        with b.transaction():  # nested: joins
            b.add_snippet("第二条")
    assert b.count() == 2


def test_writing_holds_the_writer_lock(backend):
    with backend.writing():
        backend.add_snippet("长任务里写的")
    assert backend.count() == 1


# --------------------------------------------------------------------------- read only
def test_a_writers_login_reads_but_the_server_refuses_writes(pg):
    name = fresh_database(pg)
    with PgStore.open(pg.url("contract_editor", "ed-pw", dbname=name)) as editor:
        _filled(editor)
    with PgStore.open(pg.url("contract_reader", "rd-pw", dbname=name)) as reader:
        assert reader.read_only
        assert reader.get("ph-guide") is not None and reader.search("指导思想")
        for write in (
            lambda: reader.add_snippet("写作者想写"),
            lambda: reader.update_item("ph-guide", text="改"),
            lambda: reader.delete_item("ph-guide"),
            lambda: reader.set_favorite("ph-guide"),
            lambda: reader.save_files([StoredFile("x.txt", "imported", {}, "")]),
            lambda: reader.set_meta("k", "v"),
            lambda: reader.writing().__enter__(),
        ):
            with pytest.raises(LibraryError) as info:
                write()
            assert "只能读取" in info.value.message_zh
            assert "Traceback" not in info.value.message_zh
        assert reader.get("ph-guide").text.startswith("坚持")
        assert reader.count() == len(sample_items()) + 3


def test_a_wrong_password_or_no_server_is_a_clear_message(pg, tmp_path):
    name = fresh_database(pg)
    with pytest.raises(LibraryError) as info:
        PgStore.open(pg.url("contract_reader", "wrong", dbname=name))
    assert "密码" in info.value.message_zh
    with pytest.raises(LibraryError) as info:
        PgStore.open("postgresql://nobody:x@127.0.0.1:1/none")
    assert "连不上" in info.value.message_zh


def test_an_old_server_is_upgraded_and_keeps_its_rows(pg):
    """A server set up by the previous version (schema 1) takes the upgrade in place."""
    from eduwriter.library.team import server_schema as ss

    name = f"contract_old_{next(_DB)}"
    admin_url = pg.url(password=pg_server.ADMIN_PASSWORD, dbname="postgres")
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    url = pg.url(password=pg_server.ADMIN_PASSWORD, dbname=name)
    v1 = ss.SETUP_SQL.replace("{upgrade}", "").replace(ss.SETUP_SQL[ss.SETUP_SQL.index(
        "GRANT INSERT, UPDATE ON " + ss.SCHEMA + ".files"):ss.SETUP_SQL.index(
        "ALTER TABLE " + ss.SCHEMA + ".items ENABLE")], "")  # fmt: skip
    v1 = v1[: v1.index(f"ALTER TABLE {ss.SCHEMA}.marks")]
    with psycopg.connect(url) as admin:
        admin.execute(v1)
        admin.execute(f"INSERT INTO {ss.SCHEMA}.meta VALUES ('schema_version', '1')")
        admin.execute(
            f"INSERT INTO {ss.SCHEMA}.items (id, kind, text) VALUES ('old-1', 'phrasing', '旧的共享语句')"
        )
        admin.commit()
        add_user(admin, "contract_editor", "ed-pw", "editor")
        admin.commit()
    with pytest.raises(LibraryError) as info:
        PgStore.open(pg.url("contract_editor", "ed-pw", dbname=name))
    assert "serve-setup" in info.value.message_zh
    with psycopg.connect(url) as admin:
        setup_server(admin)
    with PgStore.open(pg.url("contract_editor", "ed-pw", dbname=name)) as store:
        assert store.get("old-1").text == "旧的共享语句"
        store.add_snippet("升级后写的", folder="新文件夹")
        assert store.count() == 2 and [f.name for f in store.folders()] == ["新文件夹"]


def test_search_works_without_pg_trgm(pg):
    """Where the extension cannot be created (here: a function of its name is in the way), the
    setup goes on without the trigram index and search uses plain ILIKE."""
    normal = fresh_database(pg)
    with psycopg.connect(pg.url(password=pg_server.ADMIN_PASSWORD, dbname=normal)) as admin:
        found = admin.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'items_text_trgm'")
        assert found.fetchall() == [(1,)]
    name = f"contract_notrgm_{next(_DB)}"
    admin_url = pg.url(password=pg_server.ADMIN_PASSWORD, dbname="postgres")
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    url = pg.url(password=pg_server.ADMIN_PASSWORD, dbname=name)
    with psycopg.connect(url) as admin:
        admin.execute(
            "CREATE FUNCTION public.similarity(text, text) RETURNS real"
            " LANGUAGE sql AS 'SELECT 0::real'"
        )
        setup_server(admin)
        add_user(admin, "contract_editor", "ed-pw", "editor")
        admin.commit()
        assert (
            admin.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchall() == []
        )
    with PgStore.open(pg.url("contract_editor", "ed-pw", dbname=name)) as store:
        _filled(store)
        assert [h.id for h in store.search("安全教育")] == ["ph-safety"]


def test_the_import_builds_the_same_library_on_both_backends(pg, tmp_path):
    """ingest calls only the interface: building the bundled samples into PostgreSQL gives the
    items the SQLite build gives, id for id."""
    from eduwriter.library import ingest

    name = fresh_database(pg)
    with (
        LibraryStore.open(tmp_path / "library.db") as lite,
        PgStore.open(pg.url("contract_editor", "ed-pw", dbname=name)) as server,
    ):
        for b in (lite, server):
            ingest.ensure_builtin(b)
        assert server.count() == lite.count() > 500
        mine = {(i.id, i.kind, i.text, i.parent, i.position) for i in lite.items()}
        theirs = {(i.id, i.kind, i.text, i.parent, i.position) for i in server.items()}
        assert theirs == mine
        assert server.stats()["by_kind"] == lite.stats()["by_kind"]
        assert server.extraction_index() == lite.extraction_index()
        assert ingest.ensure_builtin(server) is None  # there already: not built twice
