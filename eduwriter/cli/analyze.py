"""``eduwriter analyze [--json] PATH...`` — show what the importer recovers from 范文 files.

Without ``--json``: a readable outline per file (documents with title and genre, numbered
headings indented by level, slots, run-in items, the removed boilerplate). With ``--json``:
the shape documented in docs/analyze-json.md, compact (one line) unless ``--indent N``. A file that cannot be read gives one line on
stderr (and an ``error`` entry in the JSON); the other files are still analyzed and the exit
code is 1 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from eduwriter.core.boilerplate import REASONS
from eduwriter.core.genre import GENRE_LABELS
from eduwriter.core.importer import analyze_files
from eduwriter.core.model import FileResult

__all__ = ["register", "run", "format_result"]


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "analyze",
        help="分析范文文件的结构 / analyze sample files",
        description="分析范文文件：去掉网站杂项，分出各篇文档，识别各级标题和待填项。",
    )
    parser.add_argument(
        "--json", action="store_true", help="输出 JSON（格式见 docs/analyze-json.md）"
    )
    parser.add_argument(
        "--indent",
        type=int,
        default=None,
        metavar="N",
        help="JSON 缩进 N 个空格（默认紧凑输出） / pretty-print the JSON",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件（.txt .md .html .docx）")
    parser.set_defaults(func=run)
    return parser


def run(ns: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    for stream in (out, err):
        # a Windows console (GBK) cannot show every character: replace rather than crash
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - detached stream
                pass
    results: list[FileResult] = analyze_files(ns.paths, progress=_progress_printer(err))
    failed = False
    for path, res in zip(ns.paths, results, strict=True):
        if res.error:
            failed = True
            print(f"{path}: {_without_path(res.error, path)}", file=err)
        elif not ns.json:
            out.write(format_result(res))
            out.write("\n")
    if ns.json:
        indent = getattr(ns, "indent", None)
        # json.dumps in one shot: the C encoder (json.dump to a stream encodes in Python)
        out.write(
            json.dumps(
                {"files": [r.to_json() for r in results]},
                ensure_ascii=False,
                indent=indent,
                separators=None if indent is not None else (",", ":"),
            )
        )
        out.write("\n")
    return 1 if failed else 0


def _without_path(message: str, path: str) -> str:
    """The reader's message without the path it may repeat (the line starts with it)."""
    for shown in dict.fromkeys((str(path), str(Path(path)))):
        for form in (f": {shown}", f" ({shown})", f"（{shown}）"):
            if message.endswith(form):
                return message[: -len(form)].rstrip()
    return message


def _progress_printer(err: TextIO):  # noqa: ANN202 - a progress callback or None
    """One line per analyzed file on ``err`` when it is a terminal (never in --json stdout)."""
    isatty = getattr(err, "isatty", None)
    try:
        interactive = bool(isatty and isatty())
    except (ValueError, OSError):  # a closed or detached stream
        interactive = False
    if not interactive:
        return None

    def report(done: int, total: int, path: str) -> None:
        print(f"[{done}/{total}] 已分析 (analyzed): {path}", file=err, flush=True)

    return report


def format_result(res: FileResult) -> str:
    """The readable outline of one analyzed file."""
    lines = [f"== {res.path}  [{res.encoding}]  {len(res.documents)} 篇文档"]
    for n, doc in enumerate(res.documents, 1):
        title = doc.title if doc.title is not None else "（无标题）"
        lines.append(f"文档 {n}：{title}  〈{GENRE_LABELS.get(doc.genre, doc.genre)} {doc.genre}〉")
        heads = doc.headings
        if not heads:
            lines.append("    （没有标题层级）")
        for h in heads:
            indent = "    " * h.level
            lines.append(f"{indent}{h.marker}{h.text}")
        paragraphs = sum(1 for b in doc.blocks if b.kind == "paragraph")
        lines.append(f"    正文段落 {paragraphs} 段")
        if doc.slots:
            lines.append("    待填项：" + "、".join(f"{s.raw}→{s.kind}" for s in doc.slots))
        if doc.run_in_items:
            lines.append(
                "    列举项：" + "；".join(f"{r.marker}{r.text[:16]}" for r in doc.run_in_items)
            )
    if res.removed:
        lines.append(f"已去除的网站杂项（{len(res.removed)} 处）：")
        for r in res.removed:
            shown = r if len(r) <= 80 else r[:77] + "…"
            zh, en = REASONS.get(getattr(r, "reason", "page"), ("", ""))
            lines.append(f"  - {shown}  〔{zh} {en}〕")
    return "\n".join(lines) + "\n"
