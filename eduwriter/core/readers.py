"""Read a 范文 file (.txt any encoding, .md, .html/.htm, .docx) into plain text.

Every failure becomes :class:`ReadError` with a one-line message in Chinese (English in
parentheses), so callers can show it as is and carry on with the next file.

:func:`read_source` also returns heading hints: for a .docx, the paragraphs whose style (or
outline level) makes them a title or a heading, so headings without typed numbers are
recovered by the importer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from eduwriter.core.boilerplate import Removed
from eduwriter.core.decode import DecodeError, decode_bytes
from eduwriter.core.docx_headings import docx_lines, heading_key
from eduwriter.core.docx_reader import read_docx
from eduwriter.core.safe_zip import PackageError, sniff_not_docx

__all__ = [
    "MAX_BYTES",
    "ReadError",
    "SourceText",
    "heading_key",
    "read_source",
    "read_text",
    "html_to_text",
    "extract_html",
    "SUPPORTED_SUFFIXES",
]

#: Files larger than this are refused before being read.
MAX_BYTES = 50 * 1024 * 1024

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx")


class ReadError(Exception):
    """A file could not be read as text; ``str(err)`` is the user-facing one-line message."""


@dataclass(slots=True)
class SourceText:
    """The text of a file, the encoding used, and heading hints from its formatting."""

    text: str
    encoding: str
    #: :func:`heading_key` of a paragraph -> 0 for the document title, 1.. for a heading level
    #: (from Word paragraph styles: Title/标题, Heading 1-9/标题 1-9, or an outline level)
    headings: dict[str, int] = field(default_factory=dict)
    #: lines dropped while reading (an HTML page's menus, header, footer, sidebars, forms),
    #: to be listed with the removed boilerplate
    removed: list[str] = field(default_factory=list)


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
    removed: list[str] = []
    if suffix == ".docx":
        text, headings = _read_docx(p)
        encoding = "DOCX"
    else:
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ReadError(f"无法读取：{exc.strerror or exc} ({p})") from exc
        not_docx = sniff_not_docx(data[:4096] if not data.startswith(b"\xd0\xcf") else data)
        if not_docx is not None:  # an old .doc or an encrypted .docx under another name
            raise ReadError(f"无法读取：{not_docx.reason_zh} ({not_docx.reason_en})")
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as exc:
            raise ReadError(str(exc)) from exc
        if suffix in (".html", ".htm") or (suffix not in (".md", ".markdown") and _is_html(text)):
            text, removed = extract_html(text)
        elif suffix in (".md", ".markdown"):
            text = _markdown_to_text(text)
    if not text.strip():
        raise ReadError("无法读取：文件里没有文字 (no text in file)")
    return SourceText(text, encoding, headings, removed)


_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:]{0,20}(?:\s[^<>\n]{0,300})?/?>")
#: Tags (at least this many, covering this share of the text) make a text file markup: an
#: export whose body is HTML or Flash TEXTFORMAT markup.
_MARKUP_MIN_TAGS = 10
_MARKUP_SHARE = 0.15


def _is_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return True
    sample = text[:200000]
    tags = _TAG.findall(sample)
    return len(tags) >= _MARKUP_MIN_TAGS and sum(map(len, tags)) >= len(sample) * _MARKUP_SHARE


def _read_docx(p: Path) -> tuple[str, dict[str, int]]:
    """Text (Word's automatic numbers as shown) and heading hints of a .docx, through the one
    Word reader (:mod:`eduwriter.core.docx_reader`)."""
    try:
        paras = read_docx(p)
    except PackageError as exc:
        raise ReadError(f"无法读取：{exc.reason_zh} ({exc.reason_en})") from exc
    lines, hints = docx_lines(paras)
    return "\n".join(lines), hints


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
    "address",
    "center",
    "caption",
    "option",
}
#: Invisible content: dropped without being reported.
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
#: Page furniture: dropped and reported as removed.
_FURNITURE_TAGS = {"nav", "header", "footer", "aside", "form", "select", "button"}
#: A header or footer inside these belongs to the article (its title, date, signature).
_CONTENT_TAGS = {"article", "main"}
#: Elements whose class or id can mark page furniture (never ones whose end tag is optional).
_CLASSED_TAGS = {"div", "ul", "ol", "dl", "section", "span", "table", "a"}
_FURNITURE_TOKEN = re.compile(
    r"^(?:top|left|right|main|sub|site|page|global|head|foot|bottom|side)?"
    r"(?:nav|navbar|navigation|menu|menus|menubar|breadcrumbs?|crumbs?|footer|sidebar|"
    r"share|sharing|sharebar|comments?|copyright)\d*$"
)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
#: A dropped element holding a sentence (30+ characters with a Chinese full stop or comma)
#: is kept: it is content (e.g. an ASP.NET page wraps the whole page in one <form>).
_CONTENT_LINE = re.compile(r"^(?=[^\n]*[。，])[^\n]{30,}$", re.MULTILINE)
_WS = re.compile(r"[ \t\r\n\f]+")
_WS_LINE = re.compile(r"[ \t\r\f\u00a0]+")


def _furniture_class(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name in ("class", "id") and value:
            for token in _TOKEN_SPLIT.split(value.lower()):
                if token and _FURNITURE_TOKEN.match(token):
                    return True
    return False


class _Frame:
    """An element being dropped: its tag, how many of that tag are open, its text."""

    __slots__ = ("tag", "open", "parts", "report")

    def __init__(self, tag: str, report: bool) -> None:
        self.tag = tag
        self.open = 1
        self.parts: list[str] = []
        self.report = report


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.removed: list[str] = []
        self._frames: list[_Frame] = []
        self._open: dict[str, int] = {}  # open content elements (article, main), pre
        self._pre = 0

    @property
    def _out(self) -> list[str]:
        return self._frames[-1].parts if self._frames else self.parts

    def _drop_reason(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool | None:
        """None: keep; False: drop silently; True: drop and report."""
        if tag in _SKIP_TAGS:
            return False
        if tag in ("header", "footer") and any(self._open.get(t) for t in _CONTENT_TAGS):
            return None
        if tag in _FURNITURE_TAGS:
            return True
        if tag in _CLASSED_TAGS and _furniture_class(attrs):
            return True
        return None

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _VOID_TAGS:
            self.handle_startendtag(tag, attrs)
            return
        for frame in self._frames:
            if frame.tag == tag:
                frame.open += 1
        if tag in _CONTENT_TAGS:
            self._open[tag] = self._open.get(tag, 0) + 1
        if tag == "pre":
            self._pre += 1
        reason = self._drop_reason(tag, attrs)
        if tag in _BLOCK_TAGS:
            self._out.append("\n")
        if reason is not None:
            self._frames.append(_Frame(tag, reason))

    def handle_endtag(self, tag: str) -> None:
        if tag in _CONTENT_TAGS and self._open.get(tag):
            self._open[tag] -= 1
        if tag == "pre" and self._pre:
            self._pre -= 1
        closing = False
        for frame in self._frames:
            if frame.tag == tag:
                frame.open -= 1
                closing = closing or frame.open <= 0
        while closing and self._frames and any(f.open <= 0 for f in self._frames):
            self._close_frame()
        if tag in _BLOCK_TAGS:
            self._out.append("\n")

    def _close_frame(self) -> None:
        frame = self._frames.pop()
        text = "".join(frame.parts)
        if frame.report and _CONTENT_LINE.search(_WS_LINE.sub(" ", text)):
            self._out.append(text)  # real content inside a form or a wrongly classed box
            return
        if frame.report:
            self.removed.extend(ln.strip() for ln in text.split("\n") if ln.strip())
        self._out.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _BLOCK_TAGS:
            self._out.append("\n")

    def handle_data(self, data: str) -> None:
        if self._frames and not self._frames[-1].report:
            return
        if any(not f.report for f in self._frames):
            return
        if self._pre:
            self._out.append(data.replace("\r\n", "\n").replace("\r", "\n"))
        else:
            self._out.append(_WS.sub(" ", data))

    def finish(self) -> None:
        self.close()
        while self._frames:  # unclosed elements at the end of the page
            self._close_frame()


def _tidy_lines(text: str) -> str:
    text = text.replace("\u00a0", " ")
    out: list[str] = []
    for line in text.split("\n"):
        line = _WS.sub(" ", line).strip() if "  " in line or "\t" in line else line.strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def extract_html(html: str) -> tuple[str, list[str]]:
    """The visible text of an HTML page and the lines of page furniture dropped from it.

    Scripts, styles and other invisible content are dropped silently; navigation, header,
    footer, sidebars (<aside>), forms, selects and buttons, and elements whose class or id
    says nav/menu/breadcrumb/footer/sidebar/share/comment are dropped and their lines
    returned. A header or footer inside <article>/<main> is kept, and so is a dropped box
    that holds a long sentence (content, not furniture). <br> and block elements end a
    line; &nbsp; becomes a space.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.finish()
    removed = [_tidy_lines(r) for r in parser.removed]
    return _tidy_lines("".join(parser.parts)), [Removed(r, "page") for r in removed if r]


def html_to_text(html: str) -> str:
    """The visible text of an HTML page (see :func:`extract_html`)."""
    return extract_html(html)[0]
