"""The shared library against a real PostgreSQL server: setup, roles, publish, sync, offline,
permissions enforced by the server, concurrent editors."""

from __future__ import annotations

import threading

import psycopg
import pytest
from pg_server import ADMIN_PASSWORD

from eduwriter.library.team.cache import TeamCache
from eduwriter.library.team.connection import (
    TeamError,
    TeamOffline,
    TeamPermissionError,
    TeamServer,
    connect,
)
from eduwriter.library.team.publish import SharedItem, publish
from eduwriter.library.team.server_schema import add_user, setup_server
from eduwriter.library.team.sync import pull, sync_once


@pytest.fixture(scope="module")
def team(pg):
    """A set-up shared library with an editor, a second editor, a reader and a school editor."""
    with psycopg.connect(pg.url(password=ADMIN_PASSWORD)) as admin:
        setup_server(admin)
        setup_server(admin)  # idempotent
        add_user(admin, "editor1", "e1-pw", "editor")
        add_user(admin, "editor2", "e2-pw", "editor")
        add_user(admin, "reader1", "r1-pw", "reader")
        add_user(admin, "school_editor", "s-pw", "editor", units=("实验小学",))
        add_user(admin, "school_reader", "sr-pw", "reader", units=("实验小学",))
        admin.commit()
    return pg


def _conn(pg, user, pw):
    return connect(TeamServer.from_url(pg.url(user)), pw)


def _item(i: int, text: str | None = None, **kw) -> SharedItem:
    return SharedItem(
        id=f"t{i}", kind="phrasing", text=text or f"第{i}条共享语句", function="开头", **kw
    )


def test_editor_publishes_and_reader_syncs(team, tmp_path):
    with _conn(team, "editor1", "e1-pw") as ed:
        res = publish(ed, [_item(1), _item(2)], folders=["开头/通用"])
    assert (res.added, res.conflicts) == (2, [])
    cache = TeamCache.open(tmp_path / "cache.db")
    with _conn(team, "reader1", "r1-pw") as rd:
        first = pull(rd, cache)
        again = pull(rd, cache)
    texts = {r["id"]: r["text"] for r in cache.items()}
    assert texts["t1"] == "第1条共享语句" and "t2" in texts
    assert first.full and first.changed >= 2
    assert again.changed == 0 and not again.full
    assert "开头/通用" in cache.folders()


def test_reader_credentials_cannot_write(team):
    with _conn(team, "reader1", "r1-pw") as rd:
        with pytest.raises(TeamPermissionError):
            publish(rd, [_item(50)])
        # Even raw SQL is refused by the server, not by the app.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            rd.execute("UPDATE eduwriter.items SET text = 'x'")
        rd.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            rd.execute("DELETE FROM eduwriter.items")


def test_editors_cannot_delete_rows_only_retire_them(team, tmp_path):
    with _conn(team, "editor1", "e1-pw") as ed:
        publish(ed, [_item(3)])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            ed.execute("DELETE FROM eduwriter.items WHERE id = 't3'")
        ed.rollback()
    cache = TeamCache.open(tmp_path / "c.db")
    with _conn(team, "reader1", "r1-pw") as rd:
        pull(rd, cache)
        assert "t3" in cache.versions()
        with _conn(team, "editor1", "e1-pw") as ed:
            retired = _item(3)
            retired.deleted = True
            res = publish(ed, [retired], base_versions=cache.versions())
        assert res.retired == 1
        pull(rd, cache)
    assert "t3" not in cache.versions()


def test_second_editor_is_told_and_nothing_is_lost(team, tmp_path):
    cache = TeamCache.open(tmp_path / "c.db")
    with _conn(team, "editor1", "e1-pw") as ed1:
        publish(ed1, [_item(4, "原文")])
        pull(ed1, cache)
    base = cache.versions()
    with _conn(team, "editor1", "e1-pw") as ed1, _conn(team, "editor2", "e2-pw") as ed2:
        first = publish(ed1, [_item(4, "编辑一改")], base_versions=base)
        second = publish(ed2, [_item(4, "编辑二改")], base_versions=base)
    assert first.updated == 1 and not first.conflicts
    assert [c.id for c in second.conflicts] == ["t4"]
    assert second.conflicts[0].updated_by == "editor1"
    assert "editor1" in second.conflicts[0].message()
    with _conn(team, "reader1", "r1-pw") as rd:
        text = rd.execute("SELECT text, version FROM eduwriter.items WHERE id='t4'").fetchone()
    assert text == ("编辑一改", 2)


def test_concurrent_editors_on_one_item_one_wins(team):
    with _conn(team, "editor1", "e1-pw") as ed:
        publish(ed, [_item(5, "起点")])
    results = []

    def edit(user, pw, text):
        with _conn(team, user, pw) as c:
            results.append(publish(c, [_item(5, text)], base_versions={"t5": 1}))

    threads = [
        threading.Thread(target=edit, args=("editor1", "e1-pw", "甲")),
        threading.Thread(target=edit, args=("editor2", "e2-pw", "乙")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.updated for r in results) == [0, 1]
    assert sum(len(r.conflicts) for r in results) == 1


def test_unit_rows_are_seen_and_written_only_by_members(team, tmp_path):
    with _conn(team, "school_editor", "s-pw") as se:
        publish(se, [_item(6, "实验小学自己的语句", unit="实验小学")])
        with pytest.raises(TeamPermissionError):
            publish(se, [_item(7, "全局语句")])  # a school editor may not write bureau rows
    with _conn(team, "editor1", "e1-pw") as ed:
        with pytest.raises(TeamPermissionError):
            publish(ed, [_item(8, "写进学校", unit="实验小学")])
    outsider = TeamCache.open(tmp_path / "o.db")
    member = TeamCache.open(tmp_path / "m.db")
    with _conn(team, "reader1", "r1-pw") as rd:
        pull(rd, outsider)
    with _conn(team, "school_reader", "sr-pw") as sr:
        pull(sr, member)
    assert "t6" not in outsider.versions()
    assert "t6" in member.versions() and "t1" in member.versions()


def test_offline_keeps_the_cache(team, tmp_path):
    cache = TeamCache.open(tmp_path / "c.db")
    server = TeamServer.from_url(team.url("reader1"))
    online = sync_once(server, cache, "r1-pw")
    assert not online.offline and cache.count() > 0
    before = cache.count()
    dead = TeamServer.from_url(f"postgresql://reader1@127.0.0.1:{_closed_port()}/eduwriter")
    offline = sync_once(dead, cache, "r1-pw")
    assert offline.offline and "本机缓存" in offline.message
    assert cache.count() == before


def test_wrong_password_is_a_clear_message_not_offline(team):
    with pytest.raises(TeamError) as info:
        _conn(team, "reader1", "wrong")
    assert not isinstance(info.value, TeamOffline)
    assert "密码" in str(info.value)


def test_a_restored_server_resyncs_from_scratch(team, tmp_path):
    cache = TeamCache.open(tmp_path / "c.db")
    with _conn(team, "reader1", "r1-pw") as rd:
        pull(rd, cache)
        cache.apply([], [], cache.last_change + 10_000)  # as if the server went back in time
        res = pull(rd, cache)
    assert res.full and cache.count() > 0


def test_damaged_cache_is_set_aside(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(b"not a database at all" * 100)
    cache = TeamCache.open(path)
    assert cache.count() == 0
    assert list(tmp_path.glob("c.db.damaged-*"))


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
