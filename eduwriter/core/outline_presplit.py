"""Headings run into the neighbouring text, split onto their own lines before outlining.

* ``…特色。七、对营业性网吧…`` — a marker right after a sentence end starts a new line when
  its ordinal continues the sequence of that marker style in the document;
* ``…本末倒置了。”一、深刻领会…意义。`` / ``…从容。3亲近自然`` — a short numbered title at the
  very end of a line (a glued-digit one only when it continues the list);
* ``二、重点工作常态化推进(一)常态化抓好…`` — a first child marker glued to a short heading;
* two headings on one line (``一、总体要求（一）指导思想``) are two lines.
"""

from __future__ import annotations

import re

from eduwriter.core.markers import CN_DIGITS, RANKS, match_marker

__all__ = ["presplit_lines"]

_CN = f"[{CN_DIGITS}]"
_SENT_END = re.compile(r"[。！？!?；;]")

# Both start with the sentence end itself (not a look-behind): the regex engine then skips to
# the next 。/！/？ instead of trying the pattern at every character; a match ends where the
# marker begins.
_INNER_AFTER_SENTENCE = re.compile(
    rf"[。！？!?”」]\s?(?={_CN}{{1,3}}、|[（(]{_CN}{{1,3}}[）)]|\d{{1,2}}[.．、](?!\d))"
)
_TRAILING_GLUED = re.compile(r"[。！？!?”」](?=\d{1,2}[\u4e00-\u9fff]{2,15}$)")
#: The most characters :data:`_TRAILING_GLUED` spans (the end, two digits, 15 characters).
_TRAILING_GLUED_SPAN = 18
_INNER_CHILD = re.compile(rf"(?<=[\u4e00-\u9fff])(?=[（(]{_CN}{{1,2}}[）)]|一是)")
_PUNCT_ANY = re.compile(r"[。！？!?；;：:，,]")
_TRAILING_MAX = 40
#: A line this long holds several paragraphs run together: a list may start inside it.
_RUN_TOGETHER_LINE = 300


def presplit_lines(lines: list[str]) -> list[str]:
    """Split headings that were run into the neighbouring text.

    * ``…特色。七、对营业性网吧…`` — a marker right after a sentence end starts a new line
      when its ordinal continues the sequence of that marker style in the document;
    * ``…本末倒置了。”一、深刻领会…意义。`` / ``…从容。3亲近自然`` — a short numbered title
      at the very end of a line (a glued-digit one only when it continues the list);
    * ``二、重点工作常态化推进(一)常态化抓好…`` / ``(一)加强…领导一是扎实开展…`` — a first
      child marker (（一）, 一是) glued to a short heading, before any punctuation.
    """
    out: list[str] = []
    last: dict[str, int] = {}

    def note(style: str, ordinal: int) -> None:
        rank = RANKS.get(style)
        if rank is None:
            return
        for k in [k for k in last if RANKS[k] > rank]:
            del last[k]
        last[style] = ordinal

    for line in lines:
        pieces = _split_line(line, last, note)
        out.extend(pieces)
    return out


def _split_line(line: str, last: dict[str, int], note) -> list[str]:  # noqa: ANN001
    pieces: list[str] = []
    m = match_marker(line)
    if m is not None:
        note(m.style, m.ordinal)
        if m.style not in ("runin", "glued"):
            offset = len(line) - len(m.rest)
            child = _INNER_CHILD.search(line, offset, offset + _TRAILING_MAX)
            if (
                child
                and not _PUNCT_ANY.search(line, offset, child.start())
                and child.start() - offset >= 4
            ):
                pieces.append(line[: child.start()])
                line = line[child.start() :]
                cm = match_marker(line)
                if cm is not None:
                    note(cm.style, cm.ordinal)
    start = 0
    for cand in _INNER_AFTER_SENTENCE.finditer(line):
        pos = cand.end()
        if pos <= start:
            continue
        im = match_marker(line[pos:])
        if im is None or im.style in ("runin", "glued"):
            continue
        tail = line[pos:]
        trailing = len(tail) <= _TRAILING_MAX and _SENT_END.search(tail.rstrip()[:-1]) is None
        continues = im.style in last and im.ordinal == last[im.style] + 1
        starts = im.ordinal == 1 and im.style not in last and len(line) >= _RUN_TOGETHER_LINE
        if not (trailing or continues or starts):
            continue
        pieces.append(line[start:pos].strip())
        start = pos
        note(im.style, im.ordinal)
    rest = line[start:]
    glued = _TRAILING_GLUED.search(rest, max(0, len(rest) - _TRAILING_GLUED_SPAN))
    gm = match_marker(rest[glued.end() :]) if glued else None
    if glued and gm is not None and gm.style == "glued" and gm.ordinal == last.get("glued", 0) + 1:
        # the next title of a glued-digit list (…从容。3亲近自然 after 2学会选择)
        pieces.append(rest[: glued.end()].strip())
        rest = rest[glued.end() :]
        note(gm.style, gm.ordinal)
    pieces.append(rest.strip())
    return [p for p in pieces if p]
