"""``eduwriter library build|search|stats|export|import``.

Every sub-command takes ``--db PATH`` (default: the library in the user's data folder). Errors are
printed in Chinese (then English) on stderr with exit code 1; a damaged database is never
overwritten (``build --recover`` sets it aside and starts a fresh one).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from eduwriter.cli import team as team_commands
from eduwriter.cli.progress import CliProgress
from eduwriter.library import suggest
from eduwriter.library.errors import LibraryCorruptError, LibraryError
from eduwriter.library.query import parse_query

if TYPE_CHECKING:
    from eduwriter.library.store import LibraryStore


def register(subparsers: argparse._SubParsersAction) -> None:
    lib = subparsers.add_parser(
        "library", help="资料库：构建、搜索、统计、导出、导入 / the library"
    )
    sub = lib.add_subparsers(dest="library_command", metavar="ACTION")
    lib.set_defaults(func=lambda ns: (lib.print_help(), 2)[1])

    def db_arg(p: argparse.ArgumentParser) -> None:
        where = p.add_mutually_exclusive_group()
        where.add_argument("--db", metavar="PATH", help="资料库文件（默认：用户数据文件夹）")
        where.add_argument(
            "--server",
            metavar="URL",
            help="改用 PostgreSQL 上的共享素材库（postgresql://用户@服务器/数据库） / "
            "use the shared library on a PostgreSQL server",
        )
        p.add_argument(
            "-v", "--verbose", action="store_true", help="出错时显示详细信息 / show error details"
        )

    p = sub.add_parser("build", help="由文件构建资料库（默认：内置范文）")
    db_arg(p)
    p.add_argument("paths", nargs="*", metavar="PATH", help="范文文件或文件夹")
    p.add_argument(
        "--recover",
        action="store_true",
        help="资料库损坏时将其改名保存到一旁并新建 / set a damaged database aside",
    )
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="重新分析所有给定文件（默认只分析新增或改动的文件） / re-analyse every file",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("search", help="搜索（汉字、拼音首字母或全拼）")
    db_arg(p)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--kind", choices=["skeleton", "phrasing", "document", "section", "snippet"])
    p.add_argument("--function", help="句式功能，如 开头、结尾")
    p.add_argument("--genre", help="文种：plan, summary, speech, article")
    p.add_argument("--tag", help="主题标签")
    p.add_argument("--folder", help="文件夹（如 常用/安全）")
    p.add_argument("--limit", type=_positive_int, default=20, help="最多显示几条（≥ 1）")
    p.add_argument("query", metavar="QUERY")
    p.set_defaults(func=cmd_search)

    _register_list(sub, db_arg)

    p = sub.add_parser("stats", help="统计")
    db_arg(p)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="导出为 .ewlib 资料包（默认：我的素材）")
    db_arg(p)
    p.add_argument("--folder", help="只导出这个文件夹（含子文件夹）")
    p.add_argument("--ids", nargs="+", metavar="ID", help="只导出这些条目")
    p.add_argument("out", metavar="OUT.ewlib", nargs="?")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="导入 .ewlib 资料包（按编号合并）")
    db_arg(p)
    p.add_argument(
        "--on-conflict",
        choices=["mine", "theirs", "both", "ask"],
        default=None,
        help="两边都改过的条目：保留我的 / 采用对方的 / 都保留（默认：交互询问，非交互时保留我的）",
    )
    p.add_argument("file", metavar="FILE.ewlib")
    p.set_defaults(func=cmd_import)

    team_commands.register(sub)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数 / not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"必须至少为 1 / must be at least 1: {n}")
    return n


def _err(exc: LibraryError, ns: argparse.Namespace | None = None) -> int:
    print(f"错误：{exc.message_zh}", file=sys.stderr)
    if exc.message_en and exc.message_en != exc.message_zh:
        print(f"Error: {exc.message_en}", file=sys.stderr)
    if isinstance(exc, LibraryCorruptError):
        db = f" --db {exc.path}" if ns is not None and ns.db else ""
        print(
            f"可运行 eduwriter library build --recover{db} 将它改名保存到一旁并新建资料库。"
            f" / Run `eduwriter library build --recover{db}` to set it aside and start afresh.",
            file=sys.stderr,
        )
        if ns is not None and getattr(ns, "verbose", False) and exc.detail:
            print(exc.detail, file=sys.stderr)
    return 1


def _open(ns: argparse.Namespace, recover: bool = False, must_exist: bool = True):
    """Open the library. An explicit ``--db`` that does not exist is an error for commands that
    only read it (``must_exist``); the default library is created (and built) on first use."""
    from eduwriter.library.store import LibraryStore

    if getattr(ns, "server", None):  # the same commands on the other backend
        from eduwriter.library.team.pg_store import PgStore

        return PgStore.open(ns.server)
    if ns.db is not None:
        path = Path(ns.db)
        missing = not path.exists()
        if missing and (must_exist or not path.parent.is_dir()):
            raise LibraryError(
                f"资料库不存在：{path}。请检查路径，或先运行 eduwriter library build --db {path} 创建。",
                f"No library at {path}. Check the path or create it with "
                f"`eduwriter library build --db {path}`.",
            )
    store = LibraryStore.open(ns.db, recover=recover)
    if store.recovered_from is not None:  # (a library file only)
        print(
            f"原资料库已损坏，已改名保存为：{store.recovered_from}，并新建了资料库。",
            file=sys.stderr,
        )
    return store


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(
                    q
                    for q in p.rglob("*")
                    if q.is_file() and q.suffix.lower() in (".txt", ".docx", ".md", ".html", ".htm")
                )
            )
        else:
            out.append(p)
    return out


def _vanished(store: LibraryStore, paths: list[str]) -> list[str]:
    """Stored files inside the given folders that are no longer there (deleted or moved)."""
    folders = [Path(p).resolve() for p in paths if Path(p).is_dir()]
    gone = []
    for f in store.stored_files():
        if f.origin != "imported":
            continue
        path = Path(f.name)
        if any(path.resolve().is_relative_to(d) for d in folders) and not path.exists():
            gone.append(f.name)
    return gone


def cmd_build(ns: argparse.Namespace) -> int:
    from eduwriter.library import ingest

    _progress = CliProgress()
    try:
        with _open(ns, recover=ns.recover, must_exist=False) as store:
            if ns.paths:
                files = _expand(ns.paths)
                if not files:
                    print("错误：没有找到可导入的文件。", file=sys.stderr)
                    return 1
                ingest.ensure_builtin(store, progress=_progress)
                gone = _vanished(store, ns.paths)
                if gone:
                    ingest.remove_files(store, gone, progress=_progress)
                    print(f"已移除 {len(gone)} 个不再存在的文件的条目。", file=sys.stderr)
                report = ingest.import_files(store, files, progress=_progress, full=ns.rebuild)
            else:
                report = ingest.rebuild_builtin(store, progress=_progress)
            _progress.finish()
            for path, message in report.errors:
                print(f"跳过 {path}：{message}", file=sys.stderr)
            stats = store.stats()
            print(
                f"已导入 {len(report.files_ok)} 个文件，新增 {report.added} 条；资料库共 "
                f"{stats['total']} 条（{_kinds_zh(stats['by_kind'])}）：{store.path}"
            )
            if report.errors:
                print(
                    f"有 {len(report.errors)} 个文件被跳过（见上）。 / "
                    f"{len(report.errors)} file(s) skipped.",
                    file=sys.stderr,
                )
                return 1
            return 0
    except LibraryError as exc:
        return _err(exc, ns)


_KIND_ZH = {
    "skeleton": "结构",
    "phrasing": "句式",
    "document": "范文",
    "section": "章节",
    "snippet": "我的素材",
}


def _kinds_zh(by_kind: dict) -> str:
    return "，".join(f"{_KIND_ZH.get(k, k)} {n}" for k, n in by_kind.items()) or "空"


def cmd_search(ns: argparse.Namespace) -> int:
    from eduwriter.library import ingest

    try:
        with _open(ns) as store:
            if not getattr(ns, "server", None):  # a shared library is built on purpose only
                ingest.ensure_builtin(store)
            items = store.search(
                ns.query,
                kind=ns.kind,
                function=ns.function,
                genre=ns.genre,
                tag=ns.tag,
                folder=ns.folder,
                limit=ns.limit,
            )
            fixed = frozenset(f for f in ("kind", "function", "genre") if getattr(ns, f))
            understood = parse_query(ns.query, fixed).filters
            nearest = (
                []
                if items
                else suggest.nearest(
                    ns.query, suggest.vocabulary(()), lambda w: bool(store.search(w, limit=1))
                )
            )
    except LibraryError as exc:
        return _err(exc, ns)
    if ns.json:
        results = [
            {
                "id": it.id,
                "kind": it.kind,
                "function": it.function,
                "genre": it.genre,
                "title": it.title,
                "text": it.text,
                "tags": it.tags,
                "score": round(it.score, 3),
                "sources": [s.to_json() for s in it.sources],
                "domain": it.data.get("domain", ""),
                "flags": list(it.data.get("flags", [])),
            }
            for it in items
        ]
        out = {
            "query": ns.query,
            "filters": [f.to_json() for f in understood],
            "suggestions": nearest,
            "results": results,
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if understood:
        print("按条件：" + "，".join(f.word for f in understood))
    if not items:
        print("没有找到。" + (f"您是不是要找：{'、'.join(nearest)}" if nearest else ""))
        return 0
    for it in items:
        label = _KIND_ZH.get(it.kind, it.kind) + (f"·{it.function}" if it.function else "")
        shown = it.text if it.kind in ("phrasing", "snippet") else it.title
        shown = shown.replace("\n", " ")
        if len(shown) > 80:
            shown = shown[:79] + "…"
        src = ""
        if it.sources:
            s = it.sources[0]
            src = f"  〔{s.file} · {s.document}{' · ' + '/'.join(s.section) if s.section else ''}〕"
        print(f"[{label}] {shown}{src}  ({it.id})")
    return 0


def cmd_stats(ns: argparse.Namespace) -> int:
    try:
        with _open(ns) as store:
            stats = store.stats()
    except LibraryError as exc:
        return _err(exc, ns)
    if ns.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return 0
    print(f"资料库共 {stats['total']} 条：{_kinds_zh(stats['by_kind'])}")
    if stats["by_function"]:
        print("句式功能：" + "，".join(f"{k} {n}" for k, n in stats["by_function"].items()))
    if stats.get("families"):
        print(f"标题家族（并列标题）：{stats['families']} 组")
    if stats["skeletons_by_genre"]:
        print(
            "结构（按文种）："
            + "，".join(f"{k} {n}" for k, n in stats["skeletons_by_genre"].items())
        )
    return 0


def cmd_export(ns: argparse.Namespace) -> int:
    if ns.out is None and ns.ids and len(ns.ids) > 1 and ns.ids[-1].lower().endswith(".ewlib"):
        ns.out = ns.ids.pop()  # "--ids A B OUT.ewlib": argparse gave OUT to --ids
    if ns.out is None:
        print("错误：请指定导出文件 OUT.ewlib。 / Error: OUT.ewlib is required.", file=sys.stderr)
        return 2
    from eduwriter.library import sharing

    try:
        with _open(ns) as store:
            n = sharing.export_pack(store, ns.out, ids=ns.ids, folder=ns.folder)
    except LibraryError as exc:
        return _err(exc, ns)
    except OSError as exc:
        print(f"错误：无法写入 {ns.out}：{exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"已导出 {n} 条到 {ns.out}")
    return 0


def _ask(conflict) -> str:
    mine, theirs = conflict.mine, conflict.theirs
    print(f"\n条目 {mine.id} 两边都修改过：", file=sys.stderr)
    print(f"  我的：{(mine.title + ' ' + mine.text).strip()[:120]}", file=sys.stderr)
    print(f"  对方：{(theirs.title + ' ' + theirs.text).strip()[:120]}", file=sys.stderr)
    while True:
        print("保留我的(m) / 采用对方的(t) / 都保留(b)？ ", end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
        if not answer:  # end of input: nobody chose, keep mine for now without remembering
            return "skip"
        answer = answer.strip().lower()
        choice = {
            "m": "mine",
            "mine": "mine",
            "t": "theirs",
            "theirs": "theirs",
            "b": "both",
            "both": "both",
        }.get(answer)
        if choice:
            return choice


def cmd_import(ns: argparse.Namespace) -> int:
    mode = ns.on_conflict
    force = mode if mode in ("mine", "theirs", "both") else None
    if mode == "ask" or (mode is None and sys.stdin.isatty()):
        resolver = _ask
    else:  # nobody to ask: keep mine for now, without remembering the answer
        resolver = lambda _c: "skip"  # noqa: E731
    from eduwriter.library import sharing

    try:
        with _open(ns, must_exist=False) as store:
            report = sharing.import_pack(store, ns.file, resolver=resolver, force=force)
    except LibraryError as exc:
        return _err(exc, ns)
    print(
        f"已导入：新增 {report.added} 条，更新 {report.updated} 条，未变 {report.unchanged} 条，"
        f"冲突 {len(report.conflicts)} 条（保留我的 {report.kept_mine}，都保留 {report.kept_both}，"
        f"暂未处理 {report.skipped}）"
    )
    if report.skipped:
        ids = [i for i, r in report.conflicts if r == "skip"]
        print(
            f"有 {report.skipped} 条两边都修改过，暂时保留了我的版本（未记住这个选择）："
            f"{'、'.join(ids[:10])}{' …' if len(ids) > 10 else ''}\n"
            "请用 --on-conflict mine|theirs|both 重新导入以作出选择。\n"
            f"{report.skipped} item(s) changed on both sides were left as they are; re-run with "
            "--on-conflict mine|theirs|both to decide.",
            file=sys.stderr,
        )
    return 0


# --- library list ------------------------------------------------------------------------------


def _register_list(sub: argparse._SubParsersAction, db_arg) -> None:
    p = sub.add_parser("list", help="列出全部条目（可按类型、功能、领域筛选） / list every item")
    db_arg(p)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--kind", choices=["skeleton", "phrasing", "document", "section", "snippet"])
    p.add_argument("--function", help="句式功能，如 开头、表态/号召")
    p.add_argument(
        "--domain",
        choices=["education", "government", "other"],
        help="领域：education 教育, government 一般政务, other 其他",
    )
    p.set_defaults(func=cmd_list)


def item_record(it) -> dict:
    """What ``library list --json`` prints for one item: the fields of ``library search --json``
    plus ``domain``, ``flags`` (e.g. ``stale``), ``suggestions`` and, for a skeleton, ``outline``
    (level, heading, role of each part)."""
    data = it.data or {}
    record = {
        "id": it.id,
        "kind": it.kind,
        "function": it.function,
        "genre": it.genre,
        "title": it.title,
        "text": it.text,
        "tags": list(it.tags),
        "score": round(float(data.get("score", it.score) or 0.0), 3),
        "sources": [s.to_json() for s in it.sources],
        "domain": data.get("domain", ""),
        "flags": list(data.get("flags", [])),
    }
    if data.get("suggestions"):
        record["suggestions"] = list(data["suggestions"])
    if it.kind == "skeleton":
        record["outline"] = [
            {"level": p.get("level", 1), "heading": p.get("heading", ""), "role": p.get("role", "")}
            for p in data.get("parts", [])
        ]
    return record


def cmd_list(ns: argparse.Namespace) -> int:
    from eduwriter.library import ingest

    try:
        with _open(ns) as store:
            if not getattr(ns, "server", None):  # a shared library is built on purpose only
                ingest.ensure_builtin(store)
            items = store.items(kind=ns.kind, function=ns.function)
    except LibraryError as exc:
        return _err(exc, ns)
    if ns.domain:
        items = [it for it in items if (it.data or {}).get("domain") == ns.domain]
    if ns.json:
        print(json.dumps([item_record(it) for it in items], ensure_ascii=False, indent=1))
        return 0
    for it in items:
        rec = item_record(it)
        label = _KIND_ZH.get(it.kind, it.kind) + (f"·{it.function}" if it.function else "")
        shown = (it.text if it.kind in ("phrasing", "snippet") else it.title).replace("\n", " ")
        flags = f" [{','.join(rec['flags'])}]" if rec["flags"] else ""
        domain = f" ({rec['domain']})" if rec["domain"] else ""
        print(f"[{label}]{domain}{flags} {shown[:80]}  ({it.id})")
    print(f"共 {len(items)} 条 / {len(items)} item(s)", file=sys.stderr)
    return 0
