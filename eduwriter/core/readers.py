"""Read a 范文 file (.txt any encoding, .md, .html/.htm, .docx) into plain text.

Every failure becomes :class:`ReadError` with a one-line message in Chinese (English in
parentheses), so callers can show it as is and carry on with the next file.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from eduwriter.core.decode import DecodeError, decode_bytes

__all__ = ["MAX_BYTES", "ReadError", "read_text", "html_to_text", "SUPPORTED_SUFFIXES"]

#: Files larger than this are refused before being read.
MAX_BYTES = 50 * 1024 * 1024

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx")


class ReadError(Exception):
    """A file could not be read as text; ``str(err)`` is the user-facing one-line message."""


def read_text(path: str | Path) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for the file at ``path``.

    Raises :class:`ReadError` for a missing path, a directory, an empty file, a file over
    50 MB, a binary file or an unknown encoding.
    """
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
    if suffix == ".docx":
        text, encoding = _read_docx(p), "DOCX"
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
    return text, encoding


def _is_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _read_docx(p: Path) -> str:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise ReadError("无法读取 .docx：缺少 python-docx (python-docx missing)") from exc
    if not zipfile.is_zipfile(p):
        raise ReadError("无法读取：这个 .docx 文件已损坏或不是 Word 文档 (not a valid .docx)")
    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises many kinds for broken packages
        raise ReadError(
            f"无法读取：这个 .docx 文件已损坏 (broken .docx: {type(exc).__name__})"
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
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
    return "\n".join(lines)


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
