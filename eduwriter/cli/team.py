"""``eduwriter library serve-setup|serve-user|publish|sync``: the shared unit library.

An administrator runs ``serve-setup`` once and ``serve-user`` per person; an editor publishes
items of the personal library (optionally one folder); every writer's app syncs on its own,
and ``sync`` does the same from the command line.  The server is given as a libpq URL; the
password comes from the URL, the OS credential store (``--save-password`` keeps it there),
``PGPASSWORD`` or ``~/.pgpass`` — never from a settings file.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from eduwriter.library.team.connection import (
    TeamError,
    TeamServer,
    connect,
    password_from_url,
    save_password,
    saved_password,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the team sub-commands to ``eduwriter library``."""

    def server_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--server",
            required=True,
            metavar="URL",
            help="共享素材库地址，如 postgresql://用户名@服务器:5432/eduwriter",
        )
        p.add_argument(
            "--save-password",
            action="store_true",
            help="询问密码并保存到系统凭据库 / ask for the password and keep it in the OS store",
        )

    p = sub.add_parser("serve-setup", help="在 PostgreSQL 服务器上建立共享素材库（管理员）")
    server_arg(p)
    p.add_argument("--print-sql", action="store_true", help="只打印 SQL 脚本，不执行")
    p.set_defaults(func=cmd_serve_setup)

    p = sub.add_parser("serve-user", help="添加或修改共享素材库的用户（管理员）")
    server_arg(p)
    p.add_argument("name", help="登录名（小写字母、数字、下划线）")
    p.add_argument("--role", choices=["reader", "editor"], default="reader")
    p.add_argument("--unit", action="append", default=[], help="所属学校或单位（可多次给出）")
    p.set_defaults(func=cmd_serve_user)

    p = sub.add_parser("publish", help="把我的素材发布到共享素材库（编辑）")
    server_arg(p)
    p.add_argument("--db", metavar="PATH", help="我的资料库文件（默认：用户数据文件夹）")
    p.add_argument("--folder", help="只发布这个文件夹（含子文件夹）")
    p.add_argument("--unit", help="发布为某个学校或单位的素材")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("sync", help="从共享素材库同步到本机")
    server_arg(p)
    p.add_argument("--db", metavar="PATH", help="我的资料库文件（缓存放在它旁边）")
    p.set_defaults(func=cmd_sync)


def _server(ns: argparse.Namespace) -> tuple[TeamServer, str | None]:
    server = TeamServer.from_url(ns.server)
    password = password_from_url(ns.server)
    if ns.save_password:
        password = getpass.getpass(f"{server.user}@{server.host} 的密码 / password: ")
        if save_password(server, password):
            print("密码已保存到系统凭据库。/ Password kept in the OS credential store.")
        else:
            print(
                "本机没有可用的系统凭据库，密码未保存。/ No OS credential store here; not saved.",
                file=sys.stderr,
            )
    if password is None:
        password = saved_password(server) or os.environ.get("PGPASSWORD")
    return server, password


def _fail(exc: Exception) -> int:
    print(f"错误：{exc}", file=sys.stderr)
    return 1


def cache_path(db: str | None) -> Path:
    """The team cache lives beside the writer's library."""
    from eduwriter.library.paths import default_db_path

    return (Path(db) if db else default_db_path()).with_name("team_cache.db")


def cmd_serve_setup(ns: argparse.Namespace) -> int:
    from eduwriter.library.team.server_schema import setup_script, setup_server

    if ns.print_sql:
        print(setup_script())
        return 0
    try:
        server, password = _server(ns)
        with connect(server, password) as conn:
            setup_server(conn)
    except Exception as exc:  # psycopg errors carry the server's own explanation
        return _fail(exc)
    print(f"共享素材库已就绪：{server.url()} / The shared library is ready.")
    return 0


def cmd_serve_user(ns: argparse.Namespace) -> int:
    from eduwriter.library.team.server_schema import add_user

    try:
        server, password = _server(ns)
        new_pw = os.environ.get("EDUWRITER_NEW_USER_PASSWORD") or getpass.getpass(
            f"{ns.name} 的新密码 / new password: "
        )
        with connect(server, password) as conn:
            add_user(conn, ns.name, new_pw, ns.role, tuple(ns.unit))
    except Exception as exc:
        return _fail(exc)
    role = "编辑" if ns.role == "editor" else "读者"
    print(f"已设置用户 {ns.name}（{role}）。/ User {ns.name} set as {ns.role}.")
    return 0


def cmd_sync(ns: argparse.Namespace) -> int:
    from eduwriter.library.team.cache import TeamCache
    from eduwriter.library.team.sync import sync_once

    try:
        server, password = _server(ns)
        cache = TeamCache.open(cache_path(ns.db))
        result = sync_once(server, cache, password)
    except TeamError as exc:
        return _fail(exc)
    if result.offline:
        print(result.message, file=sys.stderr)
        return 1
    print(
        f"已同步：{result.changed} 条更新，{result.removed} 条删除，本机共 {cache.count()} 条共享素材。"
        f" / Synced: {result.changed} changed, {result.removed} removed, {cache.count()} in all."
    )
    return 0


def cmd_publish(ns: argparse.Namespace) -> int:
    from eduwriter.library.store import LibraryStore
    from eduwriter.library.team.cache import TeamCache
    from eduwriter.library.team.publish import items_to_publish, publish_synced

    try:
        server, password = _server(ns)
        with LibraryStore.open(ns.db) as store:
            shared = items_to_publish(store, ns.folder, ns.unit)
        if not shared:
            print("没有可发布的素材。/ Nothing to publish.", file=sys.stderr)
            return 1
        cache = TeamCache.open(cache_path(ns.db))
        with connect(server, password) as conn:
            result = publish_synced(conn, shared, cache)
    except (TeamError, ValueError) as exc:
        return _fail(exc)
    except Exception as exc:  # a library error carries its own Chinese message
        return _fail(exc)
    print(
        f"已发布：新增 {result.added}，更新 {result.updated}，未变 {result.unchanged}。"
        f" / Published: {result.added} added, {result.updated} updated, {result.unchanged} unchanged."
    )
    for conflict in result.conflicts:
        print(conflict.message(), file=sys.stderr)
    return 1 if result.conflicts else 0
