"""Which paragraphs of a Word document are its title and headings, and at what level.

In order of authority:

1. a heading style (Heading N / 标题 N / 一级标题 …) or a title style (Title / 公文标题 …);
2. an outline level (``w:outlineLvl`` in the paragraph or its style);
3. Word automatic numbering on a short paragraph without end punctuation, at its list level
   (only when the document has no heading styles: with them, numbered lists are body lists
   and their rendered numbers are read like typed ones);
4. direct formatting, when nothing above marks any heading: short paragraphs without end
   punctuation whose formatting (黑体/楷体 or bold, a larger size) differs from the body's and
   is used consistently (two or more such paragraphs, and most paragraphs so formatted are
   short). Levels follow size, then 黑体 > 楷体 > bold, as GB/T 9704 lays them out.

A paragraph that opens with a short bold or 黑体 lead sentence followed by body text in the
body's format (``坚持稳中求进。今年……``) is split in two lines, so the outline reader can take
the lead sentence as a heading.
"""

from __future__ import annotations

import re
from collections import Counter

from eduwriter.core.docx_reader import DocxParagraph

__all__ = ["docx_lines", "heading_key"]

_SPACE = re.compile(r"\s+")
_END_PUNCT = "。；;，,！!？?"
_HEAD_MAX = 40
_HEI = re.compile(r"黑|hei|雅黑|yahei|标宋|小标宋|gothic", re.IGNORECASE)
_KAI = re.compile(r"楷|kai", re.IGNORECASE)
_LEAD_END = re.compile(r"[。！？]")
_LEAD_MAX = 40
_LEAD_BODY_MIN = 20


def heading_key(text: str) -> str:
    """Comparison key of a heading line: the text without any whitespace."""
    return _SPACE.sub("", text)


def _font_class(font: str) -> int:
    if _HEI.search(font):
        return 1
    if _KAI.search(font):
        return 2
    return 3


def _signature(p: DocxParagraph) -> tuple[int, bool, int] | None:
    runs = [r for r in p.runs if r.text.strip()]
    if not runs:
        return None
    classes = {_font_class(r.font) for r in runs}
    return (
        min(classes) if len(classes) == 1 else 3,
        all(r.bold for r in runs),
        max(r.size for r in runs),
    )


def _heading_like(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= _HEAD_MAX and t[-1] not in _END_PUNCT


def _direct_levels(paras: list[DocxParagraph]) -> dict[int, int]:
    """Index -> level (0 for the title) of headings marked only by direct formatting."""
    sigs = [None if p.table else _signature(p) for p in paras]
    body_sigs = Counter(
        s for p, s in zip(paras, sigs, strict=True) if s is not None and not _heading_like(p.text)
    )
    if not body_sigs:
        return {}
    body = body_sigs.most_common(1)[0][0]

    def marked(s: tuple[int, bool, int]) -> bool:
        return s != body and (s[0] < body[0] or (s[1] and not body[1]) or s[2] > body[2] > 0)

    groups: dict[tuple[int, bool, int], list[int]] = {}
    totals: Counter = Counter()
    for i, (p, s) in enumerate(zip(paras, sigs, strict=True)):
        if s is None:
            continue
        totals[s] += 1
        if marked(s) and _heading_like(p.text):
            groups.setdefault(s, []).append(i)
    out: dict[int, int] = {}
    first = next((i for i, s in enumerate(sigs) if s is not None), None)
    if first is not None and first in groups.get(sigs[first], []):
        title_sig = sigs[first]
        if paras[first].centered or (title_sig and title_sig[2] > body[2] > 0):
            out[first] = 0
            groups[title_sig] = [i for i in groups[title_sig] if i != first]
    kept = {s: idx for s, idx in groups.items() if len(idx) >= 2 and len(idx) * 10 >= totals[s] * 7}
    order = sorted(kept, key=lambda s: (-s[2], s[0], not s[1]))
    for level, s in enumerate(order, 1):
        for i in kept[s]:
            out[i] = level
    return out


def _split_lead(p: DocxParagraph) -> tuple[str, str] | None:
    """(lead sentence, rest) when the paragraph opens with a short bold or 黑体 sentence and
    goes on in another format."""
    runs = [r for r in p.runs if r.text]
    if len(runs) < 2:
        return None
    k = 0
    lead = ""
    while k < len(runs) and (runs[k].bold or _font_class(runs[k].font) == 1):
        lead += runs[k].text
        k += 1
    if not 0 < k < len(runs):
        return None
    rest = "".join(r.text for r in runs[k:]).strip()
    lead = lead.strip()
    if p.number:
        lead = p.text[: len(p.text) - len("".join(r.text for r in runs).strip())] + lead
    if (
        len(lead) <= _LEAD_MAX
        and lead
        and _LEAD_END.match(lead[-1])
        and not _LEAD_END.search(lead[:-1])
        and len(rest) >= _LEAD_BODY_MIN
    ):
        return lead, rest
    return None


def docx_lines(paras: list[DocxParagraph]) -> tuple[list[str], dict[str, int]]:
    """The lines of a Word document (numbers as Word shows them) and its heading hints:
    :func:`heading_key` of a line -> 0 for the title, 1.. for a heading level."""
    styled: dict[int, int] = {}
    for i, p in enumerate(paras):
        if p.table or not p.text.strip():
            continue
        if p.style_level is not None:
            styled[i] = p.style_level
        elif p.outline is not None:
            styled[i] = p.outline + 1
    if not any(lv > 0 for lv in styled.values()):
        for i, p in enumerate(paras):
            if (
                i not in styled
                and p.list_level is not None
                and not p.table
                and _heading_like(p.text)
            ):
                styled[i] = p.list_level + 1
    if not any(lv > 0 for lv in styled.values()):
        for i, lv in _direct_levels(paras).items():
            styled.setdefault(i, lv)
    leads = {i: _split_lead(p) for i, p in enumerate(paras) if i not in styled and not p.table}
    leads = {i: v for i, v in leads.items() if v is not None}
    if len(leads) < 2:
        leads = {}
    lines: list[str] = []
    hints: list[tuple[str, int]] = []
    first_key: str | None = None
    for i, p in enumerate(paras):
        if i in leads:
            lines.extend(leads[i])
        elif "\n" in p.text and len(p.text) > 80:
            lines.extend(p.text.split("\n"))  # soft line breaks between paragraphs
        else:
            lines.append(p.text.replace("\n", ""))  # a title or heading broken for layout
        p.text = p.text.replace("\n", "") if len(p.text) <= 80 else p.text
        if first_key is None and p.text.strip():
            first_key = heading_key(p.text)
        if i in styled and 0 < len(p.text.strip()) <= 80:
            hints.append((heading_key(p.text), styled[i]))
    return lines, _heading_hints(hints, first_key)


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
