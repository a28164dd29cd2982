"""A throwaway PostgreSQL server for the team-library tests and benchmark.

It runs the Debian/PostgreSQL binaries (``initdb``, ``pg_ctl``) on a fresh data folder, listens
on 127.0.0.1 at a free port only, requires passwords (scram-sha-256) like a unit's server, and
is stopped and deleted afterwards.  As root it runs as the ``postgres`` system user (PostgreSQL
refuses to run as root).  :func:`start` says why when it cannot start.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "eduwriter_admin"
ADMIN_PASSWORD = "admin-secret"


@dataclass
class PgServer:
    bindir: Path
    datadir: Path
    port: int
    as_user: str | None

    def url(self, user: str = ADMIN, password: str | None = None, dbname: str = "eduwriter") -> str:
        pw = f":{password}" if password else ""
        return f"postgresql://{user}{pw}@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        _run(
            self, [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop"]
        )
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def find_bindir() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(cand, "initdb").exists() and Path(cand, "pg_ctl").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _run(server_or_user, cmd: list[str]) -> subprocess.CompletedProcess:
    user = server_or_user.as_user if isinstance(server_or_user, PgServer) else server_or_user
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> PgServer:
    """Start a server or raise RuntimeError saying why not."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    as_user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no 'postgres' user") from exc
        as_user = "postgres"
    top = Path(tempfile.mkdtemp(prefix="eduwriter-pg-"))
    datadir = top / "data"
    pwfile = top / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if as_user:
        os.chmod(top, 0o755)
        shutil.chown(top, as_user)
        shutil.chown(pwfile, as_user)
    init = _run(
        as_user,
        [
            str(bindir / "initdb"),
            "-D",
            str(datadir),
            "-U",
            ADMIN,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
        ],
    )
    if init.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.strip()[-400:]}")
    port = _free_port()
    server = PgServer(bindir, datadir, port, as_user)
    opts = f"-p {port} -k {top} -c listen_addresses=127.0.0.1 -c max_connections=120 -c fsync=off"
    started = _run(
        server,
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(datadir),
            "-o",
            opts,
            "-l",
            str(top / "log"),
            "-w",
            "start",
        ],
    )
    if started.returncode != 0:
        log = (top / "log").read_text(errors="replace")[-400:] if (top / "log").exists() else ""
        shutil.rmtree(top, ignore_errors=True)
        raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()[-300:]} {log}")
    import psycopg

    with psycopg.connect(
        server.url(password=ADMIN_PASSWORD, dbname="postgres"), autocommit=True
    ) as c:
        c.execute("CREATE DATABASE eduwriter")
    return server


def start_or_skip() -> PgServer:
    """Start a server for a test fixture; when none can start, skip with the reason — or fail
    where the environment requires PostgreSQL (``EDUWRITER_REQUIRE_POSTGRES``, set in CI)."""
    import pytest

    try:
        return start()
    except RuntimeError as exc:
        if os.environ.get("EDUWRITER_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here (EDUWRITER_REQUIRE_POSTGRES) but: {exc}")
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
