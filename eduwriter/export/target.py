"""Where an export goes: the output format agrees with the file name, never the input file.

``resolve_target(path, fmt)`` decides the format (``--format`` if given, else the extension)
and refuses a name whose extension says another format (``x.docx`` written as text would
not open in Word). ``check_not_source(target, source)`` refuses to overwrite the file the
report was read from (``export c2.docx -o c2.docx`` would replace the original).
"""

from __future__ import annotations

import os
from pathlib import Path

from eduwriter.export.errors import ExportError, suggest_free_name

FORMATS = ("docx", "md", "txt")
#: Extension (lower case, with the dot) -> format.
EXTENSIONS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt"}
_ALIASES = {"markdown": "md", "text": "txt"}


def normalize_format(fmt: str) -> str:
    """``"Markdown"`` -> ``"md"``; raises :class:`ExportError` for an unknown format."""
    norm = fmt.strip().lower().lstrip(".")
    norm = _ALIASES.get(norm, norm)
    if norm not in FORMATS:
        raise ExportError(f"不支持的导出格式“{fmt}”，可选：docx、md、txt。")
    return norm


def resolve_target(path: str | Path, fmt: str | None = None) -> tuple[Path, str]:
    """(output path, format) for an export to ``path``.

    The format is ``fmt`` if given, else the extension's. A name without an extension gets
    the format's (``.docx`` when there is no ``fmt`` either). An extension that names another
    format, or an unknown extension without ``fmt``, raises :class:`ExportError` whose
    ``suggestion`` is the name with the right extension.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    from_ext = EXTENSIONS.get(suffix)
    if fmt:
        fmt = normalize_format(fmt)
    if not suffix:
        fmt = fmt or "docx"
        return target.with_name(f"{target.name}.{fmt}"), fmt
    if fmt is None:
        if from_ext is None:
            raise ExportError(
                f"无法从扩展名“{target.suffix}”判断导出格式。请把输出文件命名为 .docx（Word）、"
                ".md（Markdown）或 .txt（纯文本），或用 --format docx|md|txt 指定。",
                suggestion=target.with_suffix(".docx"),
            )
        return target, from_ext
    if from_ext != fmt:
        right = target.with_suffix(f".{fmt}")
        raise ExportError(
            f"输出文件“{target.name}”的扩展名与导出格式 {fmt} 不符，"
            f"这样的文件无法正常打开。请改用“{right.name}”，或去掉格式选项按扩展名导出。",
            suggestion=right,
        )
    return target, fmt


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when ``a`` and ``b`` name the same file (links, ``..``, case on Windows)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    ra = os.path.normcase(os.path.realpath(os.path.abspath(a)))
    rb = os.path.normcase(os.path.realpath(os.path.abspath(b)))
    return ra == rb


def check_not_source(target: str | Path, source: str | Path | None) -> None:
    """Raise :class:`ExportError` when ``target`` is the report's own file ``source``."""
    if source is None or not same_file(target, source):
        return
    target = Path(target)
    plain = target.with_name(f"{target.stem}_导出{target.suffix}")
    suggestion = plain if not plain.exists() else suggest_free_name(plain)
    raise ExportError(
        f"输出文件“{target.name}”就是要导出的原文件，导出会覆盖它，已停止。"
        f"请换一个输出文件名，例如“{suggestion.name}”。",
        suggestion=suggestion,
    )
