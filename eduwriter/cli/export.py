"""``eduwriter export REPORT.md -o OUT [--template REF.docx] [--fonts auto|strict|installed]
[--digits-in-chinese-font] [--format docx|md|txt] [--allow-unfilled]``.

A report with unfilled 【slots】 is not exported unless ``--allow-unfilled`` is given or the
writer, asked at a terminal, says yes; otherwise the command lists the slots and exits with
status 5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export",
        help="导出报告为 Word（公文版式）、Markdown 或纯文本 / export a report",
        description="把报告（Markdown 文件）导出为 .docx（默认 GB/T 9704 公文版式）、.md 或 .txt。",
    )
    p.add_argument("report", help="报告文件（.md，或 .docx 重新导入） / the report file")
    p.add_argument("-o", "--output", required=True, help="输出文件 / output file")
    p.add_argument(
        "--format",
        choices=("docx", "md", "txt"),
        default=None,
        help="输出格式（默认按输出文件扩展名；扩展名须与格式一致） / output format",
    )
    p.add_argument("--template", default=None, help="参考模板 .docx（套用其样式和页面设置）")
    p.add_argument(
        "--fonts",
        choices=("auto", "strict", "installed"),
        default="auto",
        help="auto：本机装有标准字体时用标准字体名，否则用 Windows 自带字体（默认）；strict：仿宋_GB2312/方正小标宋简体；installed：Windows 自带的仿宋/楷体/黑体/宋体",
    )
    p.add_argument(
        "--bold-headings", action="store_true", help="二、三级标题加粗（部分地方规范要求）"
    )
    p.add_argument(
        "--digits-in-chinese-font",
        action="store_true",
        help="数字和西文字母随中文字体（默认用 Times New Roman）",
    )
    p.add_argument(
        "--allow-unfilled",
        action="store_true",
        help="有未填写的【要素】也照样导出，不再询问 / export even with unfilled slots",
    )
    p.set_defaults(func=run)


#: Exit status when unfilled slots stopped the export.
EXIT_UNFILLED = 5


def _confirm_unfilled(report, allow: bool) -> bool:
    """Say how many slots are unfilled and where; True when the export may go on."""
    from eduwriter.compose.slot_fill import describe_places, unfilled_places

    places = unfilled_places(report)
    if not places:
        return True
    print(f"报告中还有 {len(places)} 处【要素】没有填写：", file=sys.stderr)
    for line in describe_places(places):
        print(f"  {line}", file=sys.stderr)
    if allow:
        return True
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            answer = input("仍要导出吗？(y/N) ")
        except EOFError:
            answer = ""
        if answer.strip().lower() in ("y", "yes", "是"):
            return True
    print("没有导出。填写后再导出，或加 --allow-unfilled 照样导出。", file=sys.stderr)
    return False


def load_report_file(path: Path):
    """A report from .md/.txt (our format) or .docx (re-import)."""
    if path.suffix.lower() in (".docx", ".dotx", ".docm"):
        from eduwriter.export.docx_import import import_docx

        return import_docx(path)
    from eduwriter.compose.markdown_io import read_report

    return read_report(path)


def run(ns: argparse.Namespace) -> int:
    from eduwriter.compose.markdown_io import MarkdownReadError
    from eduwriter.export import ExportError, TemplateError, export_report
    from eduwriter.export.target import check_not_source, resolve_target

    src = Path(ns.report)
    try:
        # refuse a wrong name or the input itself before anything is read or written
        out, fmt = resolve_target(ns.output, ns.format)
        check_not_source(out, src)
    except ExportError as exc:
        print(f"错误：{exc.message_zh}", file=sys.stderr)
        if exc.suggestion is not None:
            print(f"建议改存为：{exc.suggestion}", file=sys.stderr)
        return 4
    try:
        report = load_report_file(src)
    except FileNotFoundError:
        print(f"错误：找不到报告文件“{src}”。", file=sys.stderr)
        return 2
    except (MarkdownReadError, ExportError) as exc:
        print(f"错误：{getattr(exc, 'message_zh', exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"错误：无法读取“{src}”：{exc.strerror or exc}", file=sys.stderr)
        return 2
    if not _confirm_unfilled(report, ns.allow_unfilled):
        return EXIT_UNFILLED
    try:
        result = export_report(
            report,
            out,
            fmt=fmt,
            template=ns.template,
            fonts=ns.fonts,
            bold_headings=ns.bold_headings,
            source=src,
            latin_font=None if ns.digits_in_chinese_font else "Times New Roman",
        )
    except TemplateError as exc:
        print(f"错误：{exc.message_zh}", file=sys.stderr)
        print("提示：去掉 --template 即按默认公文版式导出。", file=sys.stderr)
        return 3
    except ExportError as exc:
        print(f"错误：{exc.message_zh}", file=sys.stderr)
        if exc.suggestion is not None:
            print(f"建议改存为：{exc.suggestion}", file=sys.stderr)
        return 4
    print(f"已导出：{result.path}")
    if result.font_choice:
        print("字体方案：" + result.font_choice)
    if result.fonts_expected:
        print("文档使用的字体：" + "、".join(result.fonts_expected))
        if result.fonts_missing is None:
            print("（无法检查本机已安装的字体）")
        elif result.fonts_missing:
            print("本机未安装：" + "、".join(result.fonts_missing))
        else:
            print("这些字体本机都已安装。")
    for warning in result.warnings:
        if result.fonts_missing and warning.startswith("本机没有安装字体"):
            continue
        print(f"注意：{warning}", file=sys.stderr)
    return 0
