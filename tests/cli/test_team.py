"""``eduwriter library serve-setup|serve-user|publish|sync`` against a real PostgreSQL server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "library" / "team"))
import pg_server  # noqa: E402

from eduwriter.cli.main import run_cli  # noqa: E402
from eduwriter.library.store import LibraryStore  # noqa: E402
from eduwriter.library.team.cache import TeamCache  # noqa: E402


@pytest.fixture(scope="module")
def server():
    srv = pg_server.start_or_skip()
    yield srv
    srv.stop()


def test_setup_users_publish_and_sync_from_the_command_line(server, tmp_path, monkeypatch, capsys):
    admin = server.url(password=pg_server.ADMIN_PASSWORD)
    assert run_cli(["library", "serve-setup", "--server", admin]) == 0
    monkeypatch.setenv("EDUWRITER_NEW_USER_PASSWORD", "ed-pw")
    assert run_cli(["library", "serve-user", "--server", admin, "office", "--role", "editor"]) == 0
    monkeypatch.setenv("EDUWRITER_NEW_USER_PASSWORD", "wr-pw")
    assert run_cli(["library", "serve-user", "--server", admin, "teacher"]) == 0

    editor_db = tmp_path / "editor" / "library.db"
    editor_db.parent.mkdir()
    with LibraryStore.open(editor_db) as store:
        store.add_folder("通知")
        store.add_snippet("请各单位于【日期】前报送材料。", folder="通知", function="结尾")
        store.add_snippet("不在文件夹里的素材")
    capsys.readouterr()
    code = run_cli(
        [
            "library",
            "publish",
            "--server",
            server.url("office", "ed-pw"),
            "--db",
            str(editor_db),
            "--folder",
            "通知",
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "新增 1" in out.out

    writer_db = tmp_path / "writer" / "library.db"
    writer_db.parent.mkdir()
    assert (
        run_cli(
            ["library", "sync", "--server", server.url("teacher", "wr-pw"), "--db", str(writer_db)]
        )
        == 0
    )
    cache = TeamCache.open(writer_db.with_name("team_cache.db"))
    texts = [r["text"] for r in cache.items()]
    assert texts == ["请各单位于【日期】前报送材料。"]
    assert cache.folders() == ["通知"]

    # the writer's login cannot publish: the server refuses, the message says why
    with LibraryStore.open(writer_db) as store:
        store.add_snippet("读者想发布的素材")
    capsys.readouterr()
    code = run_cli(
        ["library", "publish", "--server", server.url("teacher", "wr-pw"), "--db", str(writer_db)]
    )
    assert code == 1
    assert "只能读取" in capsys.readouterr().err


def test_the_library_commands_work_on_the_shared_library_with_server(server, monkeypatch, capsys):
    """build, search, list and stats take --server: the same commands on the PostgreSQL
    backend (an editor builds, a writer reads, a writer's build is refused by the server)."""
    import json

    admin = server.url(password=pg_server.ADMIN_PASSWORD)
    assert run_cli(["library", "serve-setup", "--server", admin]) == 0
    monkeypatch.setenv("EDUWRITER_NEW_USER_PASSWORD", "ed-pw")
    assert run_cli(["library", "serve-user", "--server", admin, "office", "--role", "editor"]) == 0
    monkeypatch.setenv("EDUWRITER_NEW_USER_PASSWORD", "wr-pw")
    assert run_cli(["library", "serve-user", "--server", admin, "teacher"]) == 0
    capsys.readouterr()
    assert run_cli(["library", "build", "--server", server.url("office", "ed-pw")]) == 0
    assert "资料库共" in capsys.readouterr().out
    writer = server.url("teacher", "wr-pw")
    assert run_cli(["library", "search", "--server", writer, "--json", "安全"]) == 0
    found = json.loads(capsys.readouterr().out)["results"]
    assert found and all("安全" in r["text"] + r["title"] for r in found)
    assert run_cli(["library", "stats", "--server", writer, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_kind"]["skeleton"] > 0
    assert run_cli(["library", "list", "--server", writer, "--kind", "skeleton"]) == 0
    assert "[结构" in capsys.readouterr().out
    assert run_cli(["library", "build", "--server", writer]) == 1
    assert "只能读取共享素材库" in capsys.readouterr().err


def test_unreachable_server_is_a_clear_message(tmp_path, capsys):
    code = run_cli(
        [
            "library",
            "sync",
            "--server",
            "postgresql://u:p@127.0.0.1:1/eduwriter",
            "--db",
            str(tmp_path / "library.db"),
        ]
    )
    assert code == 1
    assert "本机缓存" in capsys.readouterr().err


def test_a_bad_url_is_explained(capsys):
    assert run_cli(["library", "sync", "--server", "http://example"]) == 1
    assert "postgresql://" in capsys.readouterr().err
