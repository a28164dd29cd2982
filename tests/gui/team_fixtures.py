"""A real throwaway PostgreSQL server for the window's shared-library tests (the one of
``tests/library/team/pg_server.py``), set up with an editor and a reader, and a credential store
kept in memory (the test machine has no OS credential store)."""

from __future__ import annotations

import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "library" / "team"))
import pg_server  # noqa: E402

from eduwriter.library.team.connection import TeamServer, connect  # noqa: E402
from eduwriter.library.team.publish import SharedItem, publish  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A credential store in memory, standing in for the OS one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture(scope="session")
def team_pg():
    server = pg_server.start_or_skip()
    import psycopg

    from eduwriter.library.team.server_schema import add_user, setup_server

    with psycopg.connect(server.url(password=pg_server.ADMIN_PASSWORD)) as admin:
        setup_server(admin)
        add_user(admin, "office", "office-pw", "editor")
        add_user(admin, "office2", "office2-pw", "editor")
        add_user(admin, "zhangsan", "zs-pw", "reader")
        admin.commit()
    with connect(TeamServer.from_url(server.url("office")), "office-pw") as ed:
        publish(
            ed,
            [
                SharedItem("u1", "phrasing", "坚持把立德树人作为教育的根本任务", function="开头"),
                SharedItem("u2", "snippet", "全区教育系统安全生产工作会议纪要", folder="会议"),
            ],
            folders=["会议"],
        )
    yield server
    server.stop()


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)
