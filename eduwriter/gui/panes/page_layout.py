"""The pages of 公文预览: the report laid out on the GB/T 9704 grid as the DOCX prints it.

Plain Python (no Qt), so it runs off the GUI thread. It reads the same render form the
exporter writes (:func:`eduwriter.compose.render.render`) and the exporter's layout figures
(:mod:`eduwriter.export.gbt9704`: A4, margins, 22 lines of 28.95 pt, 28 characters of 3号 a
line, two-character indents; the title's balanced lines from
:func:`eduwriter.export.title_lines.split_title`; the 署名/成文日期 indents of the DOCX
writer). Hint paragraphs are left out, as export drops them.

A line is a list of :class:`Span` (text in one font role: ``title``, ``body``, ``h1``..``h4``)
placed at ``x`` body characters from the left edge of the 版心, or right-aligned ``right``
characters from its right edge, or centred. Widths count full-width characters as 1 and
half-width ones (digits, Latin) as 0.5, as the DOCX writer does. Closing punctuation never
starts a line (it hangs at the end of the line before, as Word squeezes it in); opening
punctuation never ends one; a number or a Latin word is never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eduwriter.compose.render import RenderedBlock, render
from eduwriter.compose.report import Report
from eduwriter.export import gbt9704 as L
from eduwriter.export.fonts import FontSet, get_font_set
from eduwriter.export.official import signature_indents
from eduwriter.export.title_lines import split_title, text_width

#: Characters on one body line (28) and lines on one page (22), from the exporter's figures.
CHARS_PER_LINE = int(L.TEXT_WIDTH / L.CHAR_WIDTH)
LINES_PER_PAGE = int((L.PAGE_HEIGHT - L.MARGIN_TOP - L.MARGIN_BOTTOM) / L.LINE_PITCH)

_NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·%,.;:?!)]")
_NO_LINE_END = set("（《「『【〔“‘([")
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%]*|.", re.S)


def preview_font_set(key: str) -> FontSet:
    """The fonts the preview shows for the export option ``key`` (strict / installed): the
    one place the preview reads the exporter's font choice."""
    return get_font_set(key)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    font: str  # title | body | h1 | h2 | h3 | h4


@dataclass(slots=True)
class PageLine:
    spans: list[Span]
    source: int  # index of the block in render()'s output
    role: str
    align: str = "left"  # left | center | right
    x: float = 0.0  # left indent in body characters
    right: float = 0.0  # right indent in body characters (right-aligned lines)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(slots=True)
class Page:
    number: int
    lines: list[PageLine | None] = field(default_factory=list)  # None: an empty grid line

    @property
    def page_number_text(self) -> str:
        return f"— {self.number} —"

    def text(self) -> str:
        return "\n".join(line.text if line else "" for line in self.lines)


def _units(spans: list[Span]) -> list[tuple[str, str]]:
    return [(m.group(0), s.font) for s in spans for m in _UNIT.finditer(s.text)]


def break_spans(spans: list[Span], first: float, rest: float) -> list[list[Span]]:
    """Break ``spans`` into lines ``first`` characters wide, then ``rest`` wide."""
    units = _units(spans)
    lines: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    width, room = 0.0, first
    for text, font in units:
        w = text_width(text)
        fits = width + w <= room + 1e-6
        if not fits and cur and text[0] in _NO_LINE_START:
            fits = True  # hanging punctuation
        if not fits and cur:
            carry: list[tuple[str, str]] = []
            while cur and cur[-1][0][-1] in _NO_LINE_END:
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur, width, room = carry, sum(text_width(t) for t, _ in carry), rest
        cur.append((text, font))
        width += w
    if cur or not lines:
        lines.append(cur)
    return [_merge(line) for line in lines]


def _merge(units: list[tuple[str, str]]) -> list[Span]:
    out: list[Span] = []
    for text, font in units:
        if out and out[-1].font == font:
            out[-1] = Span(out[-1].text + text, font)
        else:
            out.append(Span(text, font))
    return out


def _block_lines(blk: RenderedBlock, i: int, indents: tuple[float, float]) -> list[PageLine]:
    n = CHARS_PER_LINE
    if blk.role == "title":
        return [
            PageLine([Span(t, "title")], i, "title", align="center")
            for t in split_title(blk.text, L.TITLE_CHARS_PER_LINE)
        ]
    if blk.role in ("signer", "date"):
        right = indents[0] if blk.role == "signer" else indents[1]
        return [PageLine([Span(blk.text, "body")], i, blk.role, align="right", right=right)]
    if blk.role == "recipient":
        return [PageLine(s, i, blk.role) for s in break_spans([Span(blk.text, "body")], n, n)]
    if blk.role == "attachment":
        line = f"{blk.prefix}{blk.number}{blk.text}"
        lines = break_spans([Span(line, "body")], n - 2, n - 5)
        return [
            PageLine(s, i, blk.role, x=2.0 if k == 0 and blk.prefix else 5.0)
            for k, s in enumerate(lines)
        ]
    if blk.role == "heading":
        font = f"h{blk.level}"
        spans = [Span(blk.heading_line, font)]
        if blk.body:
            spans.append(Span(blk.body, "body"))
    else:
        spans = [Span(blk.text, "body")]
    lines = break_spans(spans, n - 2, n)
    return [PageLine(s, i, blk.role, x=2.0 if k == 0 else 0.0) for k, s in enumerate(lines)]


def lay_out(report: Report) -> list[Page]:
    """The report's pages (at least one)."""
    blocks = render(report)
    signer = next((b.text for b in blocks if b.role == "signer"), "")
    date = next((b.text for b in blocks if b.role == "date"), "")
    indents = signature_indents(signer, date, report.meta.sealed)  # sealed: §7.3.5.1
    flow: list[PageLine | None] = []
    for i, blk in enumerate(blocks):
        if blk.hint or (blk.role == "paragraph" and not blk.text):
            continue
        if blk.role == "signer" or (blk.role == "date" and not signer):
            flow.append(None)  # one empty line before the signature
        elif blk.role == "attachment" and blk.prefix:
            flow.append(None)
        flow.extend(_block_lines(blk, i, indents))
        if blk.role == "title":
            flow.append(None)  # one empty line after the title
    pages: list[Page] = []
    for start in range(0, max(len(flow), 1), LINES_PER_PAGE):
        pages.append(Page(len(pages) + 1, flow[start : start + LINES_PER_PAGE]))
    return pages


def page_of_source(pages: list[Page], source: int) -> tuple[int, int]:
    """(page index, line index) of the first line of render block ``source`` (or the nearest
    block before it that has lines)."""
    best = (0, 0)
    for p, page in enumerate(pages):
        for k, line in enumerate(page.lines):
            if line is None:
                continue
            if line.source == source:
                return p, k
            if line.source < source:
                best = (p, k)
    return best
