"""``eduwriter check FILE... [--json] [--lang zh|en] [--dictionary FILE]``: 公文检查.

Checks drafts for the format, punctuation, number, genre and wording problems listed in
docs/checks.md.  A .txt or .md file is checked line by line as typed (typed numbers kept, line
numbers reported); a .docx is read into a report first; a .html page through the importer.

Exit status: 0 no errors (suggestions may remain), 1 errors found, 2 a file could not be read
(the other files are still checked).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eduwriter.compose.checks import (
    CheckDoc,
    Finding,
    UserDictionary,
    check_doc,
    count_errors,
    parse_user_dictionary,
)
from eduwriter.compose.checks.document import doc_from_report, doc_from_text
from eduwriter.compose.checks.userdict import FILE_NAME
from eduwriter.core.decode import DecodeError, decode_bytes
from eduwriter.core.readers import MAX_BYTES, ReadError, read_source

JSON_VERSION = 1


class CheckReadError(Exception):
    """A file that cannot be checked; ``str()`` is a one-line message, Chinese first."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check",
        help="检查公文的格式、标点、数字、文种和用语 / check drafts",
        description="检查公文草稿（.txt .md .docx）：结构层次序数、标点、数字日期、发文字号、"
        "附件说明、文种、用语和未填空位。有错误时退出码为 1。",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="要检查的文件 / files to check")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（见 docs/checks.md）")
    p.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="说明文字的语言（默认跟随界面语言）"
    )
    p.add_argument(
        "--dictionary",
        default=None,
        help="检查词典（接受的词语、关闭的规则）；默认用数据文件夹里的 " + FILE_NAME,
    )
    p.set_defaults(func=run)


def _data_dir() -> Path | None:
    """The writer's data folder, when the window's settings module is available."""
    try:
        from eduwriter.gui.settings import data_dir
    except ImportError:  # a build without the window
        return None
    return data_dir()


def ui_language() -> str:
    """The window's UI language (zh or en); Chinese when it cannot be read."""
    try:
        from eduwriter.gui.settings import Settings
    except ImportError:
        return "zh"
    return "en" if Settings().language == "en" else "zh"


def load_dictionary(path: str | None) -> UserDictionary:
    if path is None:
        folder = _data_dir()
        candidate = folder / FILE_NAME if folder is not None else None
        if candidate is None or not candidate.is_file():
            return UserDictionary()
        path = str(candidate)
    try:
        return parse_user_dictionary(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckReadError(
            f"无法读取检查词典“{path}”：{exc} (cannot read the dictionary)"
        ) from exc


def load_for_check(path: Path) -> CheckDoc:
    """The document in ``path`` as the checker sees it. Raises :class:`CheckReadError`."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise CheckReadError(f"无法读取“{path}”：文件不存在 (no such file)")
    if path.is_dir():
        raise CheckReadError(f"无法读取“{path}”：这是文件夹 (is a directory)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CheckReadError(
            f"无法读取“{path}”：文件太大（{size / 1024 / 1024:.1f} MB，上限 "
            f"{MAX_BYTES // 1024 // 1024} MB） (file too large)"
        )
    if suffix in (".docx", ".docm", ".dotx"):
        from eduwriter.export.docx_import import DocxReadError, import_docx

        try:
            return doc_from_report(import_docx(path))
        except DocxReadError as exc:
            raise CheckReadError(f"无法读取“{path}”：{exc.message_zh}") from exc
    if suffix in (".html", ".htm"):
        try:
            return doc_from_text(read_source(path).text)
        except ReadError as exc:
            raise CheckReadError(f"“{path}”：{exc}") from exc
    try:
        text, _encoding = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        raise CheckReadError(f"“{path}”：{exc}") from exc
    except OSError as exc:
        raise CheckReadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if not text.strip():
        raise CheckReadError(f"无法读取“{path}”：文件里没有文字 (no text in file)")
    return doc_from_text(text, markdown=suffix in (".md", ".markdown"))


def format_finding(path: str, f: Finding, lang: str) -> str:
    if f.line is not None:
        where = f"{path}:{f.line}:{(f.column or 0) + 1}"
    else:
        where = f"{path}:¶{f.paragraph + 1}"
    fix = f" → “{f.replacement}”" if f.replacement else ""
    if f.replacement == "":
        fix = " → 删去" if lang == "zh" else " → delete"
    return f"{where}: {f.severity_label(lang)} [{f.rule}] {f.message(lang)}{fix}"


def _summary(path: str, findings: list[Finding], lang: str) -> str:
    errors = count_errors(findings)
    suggestions = len(findings) - errors
    if lang == "en":
        return f"{path}: {errors} error(s), {suggestions} suggestion(s)"
    return f"{path}：{errors} 个错误，{suggestions} 条建议"


def run(ns: argparse.Namespace) -> int:
    lang = ns.lang or ui_language()
    try:
        user = load_dictionary(ns.dictionary)
    except CheckReadError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    unreadable = False
    any_errors = False
    results: list[dict] = []
    for name in ns.files:
        path = Path(name)
        try:
            doc = load_for_check(path)
        except CheckReadError as exc:
            unreadable = True
            print(f"错误：{exc}", file=sys.stderr)
            results.append({"path": name, "error": str(exc), "findings": []})
            continue
        findings = check_doc(doc, user)
        errors = count_errors(findings)
        any_errors = any_errors or errors > 0
        if ns.json:
            results.append(
                {
                    "path": name,
                    "error": None,
                    "genre": doc.genre,
                    "errors": errors,
                    "suggestions": len(findings) - errors,
                    "findings": [f.to_json() for f in findings],
                }
            )
        else:
            for f in findings:
                print(format_finding(name, f, lang))
            print(_summary(name, findings, lang))
    if ns.json:
        json.dump(
            {"version": JSON_VERSION, "files": results}, sys.stdout, ensure_ascii=False, indent=2
        )
        print()
    if unreadable:
        return 2
    return 1 if any_errors else 0
