"""Export: DOCX (GB/T 9704 or the writer's template), Markdown, plain text (no Qt).

The one entry point for the app and the CLI is :func:`export_report`.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from eduwriter.compose.render import render
from eduwriter.compose.report import Report
from eduwriter.compose.slot_fill import places_in_blocks
from eduwriter.core.atomic import atomic_write_bytes
from eduwriter.export.errors import ExportError, TemplateError, is_open_elsewhere, suggest_free_name
from eduwriter.export.fonts import LATIN_FONT, get_font_set, missing_fonts
from eduwriter.export.official import check_doc_number
from eduwriter.export.target import FORMATS, check_not_source, resolve_target

__all__ = ["ExportError", "ExportResult", "FORMATS", "TemplateError", "export_report"]

_DATE_LEADING_ZERO = re.compile(r"(?:年|月)0\d")
_DATE_CJK_DIGITS = re.compile(r"[〇零一二三四五六七八九十]+\s*[年月日]")


@dataclass(slots=True)
class ExportResult:
    """What was written and what the writer should know about it."""

    path: Path
    format: str
    warnings: list[str] = field(default_factory=list)
    fonts_expected: list[str] = field(default_factory=list)
    #: Expected fonts this computer lacks (Word/WPS will substitute them); None if unknown.
    fonts_missing: list[str] | None = field(default_factory=list)
    #: Which font names the DOCX asks for, in one line (see FontSet.describe); "" otherwise.
    font_choice: str = ""


def export_report(
    report: Report,
    path: str | Path,
    fmt: str | None = "docx",
    template: str | Path | None = None,
    fonts: str = "auto",
    bold_headings: bool = False,
    source: str | Path | None = None,
    latin_font: str | None = LATIN_FONT,
) -> ExportResult:
    """Export ``report`` to ``path`` as ``docx``, ``md`` or ``txt``.

    ``fmt=None`` takes the format from the extension; a name without an extension gets the
    format's; an extension naming another format raises :class:`ExportError` (see
    :func:`eduwriter.export.target.resolve_target`). ``source`` is the file the report was
    read from: exporting onto it is refused. ``fonts`` is ``auto`` (the standard names when
    installed, Windows' fonts otherwise), ``strict`` or ``installed``; ``latin_font`` sets
    digits and Latin letters in body and headings (None keeps them in the Chinese font). Skeleton hint paragraphs (guidance, not
    content) are left out of DOCX and text output and kept in Markdown; the warnings say
    how many were left out. ``ExportResult.path`` is the file written.

    The report is never modified. The file is written atomically: on any error the target
    keeps its old content (or does not exist). Raises :class:`TemplateError` for an unusable
    template (offer the default layout) and :class:`ExportError` for a target that is
    locked or cannot be written (``suggestion`` holds another name to try).
    """
    target, fmt = resolve_target(path, fmt)
    check_not_source(target, source)
    blocks = render(report)
    warnings: list[str] = []
    if not any(b.role in ("heading", "paragraph") and (b.text or b.body) for b in blocks):
        warnings.append("报告正文为空。")
    places = places_in_blocks(blocks)
    if places:
        names = list(dict.fromkeys(p.label for p in places))
        shown = "、".join(names[:8]) + ("等" if len(names) > 8 else "")
        warnings.append(f"还有 {len(places)} 处待填内容没有填写：{shown}。")
    date = report.meta.date.strip()
    if date and _DATE_LEADING_ZERO.search(date):
        warnings.append(f"成文日期“{date}”的月、日不应编虚位（如 2026年1月5日，而不是 01月05日）。")
    elif date and _DATE_CJK_DIGITS.search(date):
        warnings.append(f"成文日期“{date}”应使用阿拉伯数字（如 2026年11月22日）。")
    if report.meta.doc_number.strip():
        warnings.extend(check_doc_number(report.meta.doc_number)[1])
    hints = sum(1 for b in blocks if b.hint and b.role == "paragraph")
    if hints and fmt == "md":
        warnings.append(f"有 {hints} 段提示文字（来自结构模板）还没有改写成正文。")
    elif hints:
        blocks = [b for b in blocks if not (b.hint and b.role == "paragraph")]
        warnings.append(
            f"有 {hints} 段提示文字（来自结构模板）还没有改写成正文，已从导出的文件中略去。"
        )

    fonts_expected: list[str] = []
    fonts_missing: list[str] | None = []
    font_choice = ""
    if fmt == "docx":
        from eduwriter.export.docx_writer import build_docx

        try:
            font_set = get_font_set(fonts, latin_font)
        except ValueError as exc:  # unknown font set
            raise ExportError(str(exc)) from exc
        font_choice = font_set.describe()
        built = build_docx(
            blocks,
            template=template,
            fonts=font_set,
            bold_headings=bold_headings,
            title=report.title,
            meta=report.meta,
        )
        data = built.data
        warnings.extend(built.warnings)
        fonts_expected = built.fonts_expected
        fonts_missing = missing_fonts(fonts_expected)
        if fonts_missing:
            warnings.append(
                "本机没有安装字体："
                + "、".join(fonts_missing)
                + "。在本机用 Word/WPS 打开时会用其他字体代替，打印效果可能与公文版式不一致。"
            )
    elif fmt == "md":
        from eduwriter.compose.markdown_io import blocks_to_markdown

        data = blocks_to_markdown(blocks, report).encode("utf-8")
    else:
        from eduwriter.export.text_writer import to_text

        data = to_text(blocks).encode("utf-8")

    _write(target, data)
    return ExportResult(
        path=target,
        format=fmt,
        warnings=warnings,
        fonts_expected=fonts_expected,
        fonts_missing=fonts_missing,
        font_choice=font_choice,
    )


def _write(target: Path, data: bytes) -> None:
    if target.is_dir():
        raise ExportError(f"“{target}”是一个文件夹，请指定文件名。")
    if is_open_elsewhere(target):
        raise ExportError(
            f"“{target.name}”正在被 Word/WPS 或其他程序打开，无法覆盖。请先关闭它，或改存为其他文件名。",
            suggestion=suggest_free_name(target),
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"文件夹“{folder}”不存在，无法保存。")
    try:
        atomic_write_bytes(target, data)
    except PermissionError as exc:
        if os.access(folder, os.W_OK):
            msg = f"“{target.name}”被其他程序占用或是只读文件，无法覆盖。请关闭打开它的程序，或改存为其他文件名。"
            raise ExportError(msg, suggestion=suggest_free_name(target)) from exc
        raise ExportError(
            f"没有权限在文件夹“{folder}”中保存文件，请换一个文件夹（例如“文档”）。"
        ) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ExportError("磁盘空间不足，文件没有保存。") from exc
        raise ExportError(
            f"保存“{target.name}”失败：{exc.strerror or exc}。原有文件没有改动。",
            suggestion=suggest_free_name(target),
        ) from exc
