"""Where the shared library's server is, and how this writer logs in.

The server is named by a libpq URL (``postgresql://user@host:5432/dbname``) or by its parts
from 设置 → 共享素材库.  The password never goes into a settings file: it is kept in the
operating system's credential store through ``keyring`` (Windows Credential Manager, macOS
Keychain, Secret Service on Linux).  Where no credential store exists, ``PGPASSWORD`` or a
``.pgpass`` file (libpq's own mechanisms) still work.  TLS is used when the server offers it
(``sslmode=prefer``); a unit can require it with ``sslmode=require`` in the URL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, quote, unquote, urlsplit

KEYRING_SERVICE = "EduWriter 共享素材库"
CONNECT_TIMEOUT = 5  # seconds: past that the app works offline from its cache


class TeamError(Exception):
    """A problem with the shared library, with a message for the writer: Chinese on the first
    line, English after it (``message_zh``/``message_en`` for the window's language)."""

    @property
    def message_zh(self) -> str:
        return str(self).split("\n", 1)[0]

    @property
    def message_en(self) -> str:
        parts = str(self).split("\n", 1)
        return parts[1] if len(parts) > 1 else parts[0]


class TeamOffline(TeamError):
    """The server cannot be reached now; the local cache is used."""


class TeamPermissionError(TeamError):
    """The server refused a write: this login may only read (or not this unit's items)."""


@dataclass(frozen=True, slots=True)
class TeamServer:
    """The address of a shared library."""

    host: str
    dbname: str
    user: str
    port: int = 5432
    sslmode: str = "prefer"

    @classmethod
    def from_url(cls, url: str) -> TeamServer:
        """Parse ``postgresql://user[:password]@host[:port]/dbname[?sslmode=…]``; a password in
        the URL is ignored here (see :func:`password_from_url`)."""
        parts = urlsplit(url.strip())
        if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
            raise TeamError(
                f"服务器地址应写成 postgresql://用户名@服务器:端口/数据库，而不是：{url}\n"
                f"The server address should look like postgresql://user@host:5432/dbname."
            )
        dbname = unquote(parts.path.lstrip("/")) or "eduwriter"
        query = parse_qs(parts.query)
        try:
            port = parts.port or 5432
        except ValueError as exc:
            raise TeamError(f"端口号不对：{url}\nBad port number.") from exc
        return cls(
            host=parts.hostname,
            dbname=dbname,
            user=unquote(parts.username or "") or os.environ.get("PGUSER", ""),
            port=port,
            sslmode=query.get("sslmode", ["prefer"])[0],
        )

    def url(self) -> str:
        """The URL without a password (safe to show and to keep in settings)."""
        user = quote(self.user) + "@" if self.user else ""
        query = "" if self.sslmode == "prefer" else f"?sslmode={self.sslmode}"
        return f"postgresql://{user}{self.host}:{self.port}/{quote(self.dbname)}{query}"

    def with_user(self, user: str) -> TeamServer:
        return replace(self, user=user)

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def conninfo(self, password: str | None = None) -> str:
        """A libpq connection string (the password only when given)."""
        from psycopg.conninfo import make_conninfo

        kwargs = {
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "sslmode": self.sslmode,
            "connect_timeout": CONNECT_TIMEOUT,
            "application_name": "EduWriter",
        }
        if self.user:
            kwargs["user"] = self.user
        if password:
            kwargs["password"] = password
        return make_conninfo("", **kwargs)


def password_from_url(url: str) -> str | None:
    """The password written in a URL, if any (for a one-off command line call)."""
    parts = urlsplit(url.strip())
    return unquote(parts.password) if parts.password else None


def saved_password(server: TeamServer) -> str | None:
    """The password kept in the OS credential store, or None (no store, or nothing kept)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, server.keyring_key)
    except Exception:  # no backend, locked store, D-Bus missing: libpq's own sources remain
        return None


def save_password(server: TeamServer, password: str) -> bool:
    """Keep the password in the OS credential store; False when there is none to keep it in."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server.keyring_key, password)
        return True
    except Exception:
        return False


def forget_password(server: TeamServer) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, server.keyring_key)
    except Exception:
        pass


def connect(server: TeamServer, password: str | None = None):
    """Open one connection (autocommit off).  Raises :class:`TeamOffline` when the server cannot
    be reached and :class:`TeamError` when the login is refused."""
    import psycopg

    pw = password if password is not None else saved_password(server)
    try:
        return psycopg.connect(server.conninfo(pw))
    except psycopg.OperationalError as exc:
        raise _explain(exc, server) from exc


def make_pool(server: TeamServer, password: str | None = None, max_size: int = 4):
    """A small connection pool (psycopg_pool) for the background sync of the window."""
    from psycopg_pool import ConnectionPool

    pw = password if password is not None else saved_password(server)
    return ConnectionPool(
        server.conninfo(pw), min_size=0, max_size=max_size, open=True, timeout=CONNECT_TIMEOUT
    )


def _explain(exc: Exception, server: TeamServer) -> TeamError:
    text = str(exc)
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return TeamError(
            f"登录共享素材库失败：用户 {server.user} 的密码不对或没有保存密码。\n"
            f"Could not log in to the shared library as {server.user}: wrong or missing password."
        )
    if "does not exist" in low and "database" in low:
        return TeamError(
            f"服务器上没有数据库 {server.dbname}，请管理员先运行 eduwriter library serve-setup。\n"
            f"The server has no database {server.dbname}."
        )
    return TeamOffline(
        f"连不上共享素材库（{server.host}:{server.port}），暂用本机缓存。\n"
        f"Cannot reach the shared library at {server.host}:{server.port}; using the local copy.\n"
        f"({text.strip().splitlines()[0] if text.strip() else type(exc).__name__})"
    )
