"""Read a 范文 file (.txt any encoding, .md, .html/.htm, .docx) into plain text.

Every failure becomes :class:`ReadError` with a one-line message in Chinese (English in
parentheses), so callers can show it as is and carry on with the next file.

:func:`read_source` also returns heading hints: for a .docx, the paragraphs whose style (or
outline level) makes them a title or a heading, so headings without typed numbers are
recovered by the importer.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from eduwriter.core.decode import DecodeError, decode_bytes

__all__ = [
    "MAX_BYTES",
    "ReadError",
    "SourceText",
    "heading_key",
    "read_source",
    "read_text",
    "html_to_text",
    "SUPPORTED_SUFFIXES",
]

#: Files larger than this are refused before being read.
MAX_BYTES = 50 * 1024 * 1024

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx")


class ReadError(Exception):
    """A file could not be read as text; ``str(err)`` is the user-facing one-line message."""


_SPACE = re.compile(r"\s+")


def heading_key(text: str) -> str:
    """Comparison key of a heading line: the text without any whitespace."""
    return _SPACE.sub("", text)


@dataclass(slots=True)
class SourceText:
    """The text of a file, the encoding used, and heading hints from its formatting."""

    text: str
    encoding: str
    #: :func:`heading_key` of a paragraph -> 0 for the document title, 1.. for a heading level
    #: (from Word paragraph styles: Title/标题, Heading 1-9/标题 1-9, or an outline level)
    headings: dict[str, int] = field(default_factory=dict)


def read_text(path: str | Path) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for the file at ``path``.

    Raises :class:`ReadError` for a missing path, a directory, an empty file, a file over
    50 MB, a binary file or an unknown encoding.
    """
    src = read_source(path)
    return src.text, src.encoding


def read_source(path: str | Path) -> SourceText:
    """Like :func:`read_text`, with the heading hints of a .docx (see :class:`SourceText`)."""
    p = Path(path)
    try:
        if not p.exists():
            raise ReadError(f"无法读取：文件不存在 (no such file): {p}")
        if p.is_dir():
            raise ReadError(f"无法读取：这是一个文件夹，不是文件 (is a directory): {p}")
        size = p.stat().st_size
    except OSError as exc:
        raise ReadError(f"无法读取：{exc.strerror or exc} ({p})") from exc
    if size > MAX_BYTES:
        raise ReadError(
            f"无法读取：文件太大（{size / 1024 / 1024:.1f} MB，上限 {MAX_BYTES // 1024 // 1024} MB）"
            f" (file too large)"
        )
    if size == 0:
        raise ReadError("无法读取：文件是空的 (empty file)")
    suffix = p.suffix.lower()
    headings: dict[str, int] = {}
    if suffix == ".docx":
        text, headings = _read_docx(p)
        encoding = "DOCX"
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ReadError(f"无法读取：{exc.strerror or exc} ({p})") from exc
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as exc:
            raise ReadError(str(exc)) from exc
        if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown") and _is_html(text)):
            text = html_to_text(text)
        elif suffix in (".md", ".markdown"):
            text = _markdown_to_text(text)
    if not text.strip():
        raise ReadError("无法读取：文件里没有文字 (no text in file)")
    return SourceText(text, encoding, headings)


def _is_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _style_level(style) -> int | None:  # noqa: ANN001 - a python-docx style
    """0 for a title style, 1.. for a heading style (by name or outline level, following
    ``based on`` up to a few steps), else ``None``."""
    for _ in range(6):
        if style is None:
            return None
        name = (style.name or "").strip()
        if _TITLE_STYLE.match(name):
            return 0
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element)
        if level is not None:
            return level
        style = getattr(style, "base_style", None)  # numbering styles have none
    return None


def _outline_level(element) -> int | None:  # noqa: ANN001 - an lxml element
    """Outline level 1..9 of a paragraph or style element (``w:outlineLvl`` 0..8), if any."""
    ppr = element.find(f"{_W}pPr")
    if ppr is None:
        return None
    lvl = ppr.find(f"{_W}outlineLvl")
    if lvl is None:
        return None
    try:
        value = int(lvl.get(f"{_W}val", "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else None  # 9 is "body text"


def _read_docx(p: Path) -> tuple[str, dict[str, int]]:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise ReadError("无法读取 .docx：缺少 python-docx (python-docx missing)") from exc
    if not zipfile.is_zipfile(p):
        raise ReadError("无法读取：这个 .docx 文件已损坏或不是 Word 文档 (not a valid .docx)")
    from docx.enum.style import WD_STYLE_TYPE

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many kinds for broken packages
        raise ReadError(
            f"无法读取：这个 .docx 文件已损坏 (broken .docx: {type(exc).__name__})"
        ) from exc
    styles: dict[str, int | None] = {}
    try:
        for style in document.styles:
            if style.style_id and style.type == WD_STYLE_TYPE.PARAGRAPH:
                styles[style.style_id] = _style_level(style)
    except Exception:  # a broken styles part: read the text without heading hints
        styles = {}
    lines: list[str] = []
    headings: list[tuple[str, int]] = []
    first_key: str | None = None
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            lines.append(text)
            if first_key is None and text.strip():
                first_key = heading_key(text)
            level = _outline_level(child)
            if level is None:
                ppr = child.find(f"{_W}pPr")
                pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
                if pstyle is not None:
                    level = styles.get(pstyle.get(f"{_W}val", ""))
            if level is not None and text.strip() and len(text.strip()) <= 80:
                headings.append((heading_key(text), level))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append(
                                "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                            )
                    lines.append(" ".join(c for c in cells if c))
    return "\n".join(lines), _heading_hints(headings, first_key)


def _heading_hints(headings: list[tuple[str, int]], first_key: str | None) -> dict[str, int]:
    """Heading hints by key; a lone outermost heading at the very start of a document with
    deeper headings after it (Heading 1 used for the title) is taken as the title."""
    numbered = [lvl for _, lvl in headings if lvl > 0]
    if (
        headings
        and headings[0][0] == first_key
        and headings[0][1] > 0
        and not any(lvl == 0 for _, lvl in headings)
        and len(numbered) > 1
        and numbered.count(min(numbered)) == 1
        and headings[0][1] == min(numbered)
    ):
        headings = [(headings[0][0], 0), *headings[1:]]
    hints: dict[str, int] = {}
    for key, level in headings:
        hints.setdefault(key, level)
    return hints


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1")


def _markdown_to_text(text: str) -> str:
    """Markdown -> plain lines: drop heading hashes and bold markers, keep everything else."""
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "title",
    "form",
    "main",
    "aside",
    "figure",
    "figcaption",
    "td",
    "th",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: scripts/styles dropped, block elements -> lines."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
