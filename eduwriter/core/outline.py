"""Outline recovery: numbering markers, headings, levels.

The ladder of Chinese official writing, outermost first (GB/T 9704 §7.3.3 plus a chapter
level above)::

    第一章 / 第一部分        rank 0  ("chapter")
    第一条 (titled)          rank 1  ("article")
    一、                     rank 2  ("cn")
    （一） (一) 〔一〕        rank 3  ("paren_cn")
    1.  1、 1．  1别想太多   rank 4  ("arabic", "glued")
    （1） (1) ①              rank 5  ("paren_arabic", "circled")

Levels inside one document are the ranks of the styles actually present, closed up so the
outermost present style is level 1. Lines hinted as headings by the source's formatting
(Word heading styles, see :func:`build_outline`) take their styled level and numbered headings
after them nest below. Unnumbered section titles (引言：…, a title line right
before a list that starts at 一、) take level 1; a standalone 第一， / 一是 heading takes the
level just below the heading it follows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from eduwriter.core.docx_headings import heading_key
from eduwriter.core.lead_sentences import lead_sentences
from eduwriter.core.markers import (
    CN_DIGITS,
    MARKER_RE,
    RANKS,
    Marker,
    cn_to_int,
    match_marker,
    parse_marker,
    strip_marker,
)
from eduwriter.core.model import Block, RunInItem
from eduwriter.core.outline_presplit import presplit_lines
from eduwriter.core.outline_series import bare_lists, runin_not_headings
from eduwriter.core.runin import find_run_in

__all__ = [
    "CN_DIGITS",
    "MARKER_RE",
    "RANKS",
    "Marker",
    "OutlineLine",
    "assign_levels",
    "build_blocks",
    "build_outline",
    "classify_line",
    "cn_to_int",
    "match_marker",
    "parse_marker",
    "presplit_lines",
    "strip_marker",
]

_CN = f"[{CN_DIGITS}]"
_PUNCT_ANY = re.compile(r"[。！？!?；;：:，,]")

# --- heading detection -------------------------------------------------------------------

_CUT = re.compile(r"[。；;：:！？!?]")
_TRAIL = " 。．.：:；;，,、"
_SENT_END = re.compile(r"[。！？!?；;]")
_SENTENCE_FINAL = "。.!！?？；;"
_EXAMPLE = re.compile(r"[，,](?:如|例如|比如|譬如)")
_COMMA = re.compile(r"[，,]")
_COLON = re.compile(r"[：:]")
_LIST_SEP = "、，,"
_UNNUMBERED_PREFIX = re.compile(r"^(?:引言|前言|序言|导言|导语|结语|结束语|概述|总述|后记)\s*[:：]")

#: A heading clause longer than this with no punctuation may have run into its body.
RUN_ON_MIN = 30
_BODY_SUBJECT = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:我局|我校|我院|我县|我市|我区|我省|我们|全省各级|全市各级|全县各级|"
    r"全区各级|各级各类|今年以来|近年来|一年来|本学期|本年度)"
)
_PUNCT_IN_HEAD = re.compile(r"[，,、；;：:“”\"《》（）()]")

#: Longest heading text (after the marker) when body text follows on the same line.
HEAD_MAX = 60
#: A standalone numbered line longer than this that is one complete sentence (ends with
#: 。 and has a comma) is a statement in a list, not a title.
STATEMENT_MIN = 30
#: A standalone 第一，/一是 line at most this long is a heading (e.g. 第一,思想认识要更加到位).
RUNIN_HEADING_MAX = 24


@dataclass(slots=True)
class OutlineLine:
    """Result of splitting one line into heading and/or paragraph."""

    heading: Block | None
    style: str  #: marker style of the heading ("" for unnumbered)
    ordinal: int
    paragraph: str | None


def _trim(text: str) -> str:
    return text.strip().rstrip(_TRAIL).strip()


def classify_line(line: str, next_line: str | None = None) -> OutlineLine:
    """Split one line into a heading (marker, text) and/or a body paragraph."""
    m = match_marker(line)
    if m is None:
        if _is_unnumbered_title(line, next_line):
            return OutlineLine(Block("heading", _trim(line), 0, ""), "unnumbered", 0, None)
        return OutlineLine(None, "", 0, line)
    rest = m.rest
    stripped = rest.rstrip()
    if not stripped or (stripped[0] in _LIST_SEP and match_marker(stripped[1:]) is not None):
        # （1）、（2）、（5）班… : the number is one of a list of numbers, not a marker
        return OutlineLine(None, "", 0, line)
    ends_sentence = stripped[-1] in _SENTENCE_FINAL
    # "standalone": the line is the marker plus one short clause, nothing after it
    standalone = _SENT_END.search(stripped[:-1]) is None and len(_trim(rest)) <= HEAD_MAX
    if m.style == "runin":
        # 第一，… / 一是… : a heading only when it stands alone as a short title
        if standalone and len(_trim(rest)) <= RUNIN_HEADING_MAX:
            return OutlineLine(Block("heading", _trim(rest), 0, m.marker), "runin", m.ordinal, None)
        return OutlineLine(None, "", 0, line)
    if m.style == "glued":
        text = _trim(rest)
        if standalone and 2 <= len(text) <= 20 and not ends_sentence:
            return OutlineLine(Block("heading", text, 0, m.marker), "glued", m.ordinal, None)
        return OutlineLine(None, "", 0, line)
    if m.style == "article":
        text = _trim(rest)
        if standalone and 1 <= len(text) <= 30 and not ends_sentence:
            return OutlineLine(Block("heading", text, 0, m.marker), "article", m.ordinal, None)
        return OutlineLine(None, "", 0, line)
    if not ends_sentence and _SENT_END.search(stripped) is None and len(_trim(rest)) <= HEAD_MAX:
        # a standalone heading runs to the end of its line (colons inside are kept)
        return OutlineLine(Block("heading", _trim(rest), 0, m.marker), m.style, m.ordinal, None)
    body_cut = _CUT.search(rest)
    if body_cut is None:
        return OutlineLine(None, "", 0, line)
    head = _trim(rest[: body_cut.start()])
    body = rest[body_cut.end() :].strip()
    if len(head) > RUN_ON_MIN:
        # a heading run into its body without punctuation: the body starts with its subject
        # (一、常规工作有序开展我局把常规工作… / 二、关于家庭教育工作全省各级关工委…)
        subject = _BODY_SUBJECT.search(head, 6, 21)
        if (
            subject
            and len(head) - subject.start() >= 20
            and not _PUNCT_IN_HEAD.search(head, 0, subject.start())
        ):
            body = (
                rest[subject.start() : body_cut.start()]
                + rest[body_cut.start() : body_cut.end()]
                + body
            ).strip()
            head = head[: subject.start()]
    if not head or len(head) > HEAD_MAX:
        return OutlineLine(None, "", 0, line)
    if not body and ends_sentence and len(head) > STATEMENT_MIN and _COMMA.search(head):
        # one complete sentence followed directly by its sibling (no body between): an item
        # of a list of statements, not a title
        nm = match_marker(next_line) if next_line is not None else None
        if next_line is None or (
            nm is not None and nm.style in RANKS and RANKS[nm.style] <= RANKS[m.style]
        ):
            return OutlineLine(None, "", 0, line)
    example = _EXAMPLE.search(head)
    if example and example.start() >= 8:
        # the example clause (…,如丰县开办…) goes to the body with the rest of the sentence
        tail = (
            rest[example.start() + 1 : body_cut.start()] + rest[body_cut.start() : body_cut.end()]
        )
        body = (tail + body).strip()
        head = head[: example.start()]
    return OutlineLine(Block("heading", head, 0, m.marker), m.style, m.ordinal, body or None)


def _is_unnumbered_title(line: str, next_line: str | None) -> bool:
    line = line.rstrip("。.")
    if len(line) > 40 or not line:
        return False
    if _UNNUMBERED_PREFIX.match(line) and not _SENT_END.search(line):
        return True
    if next_line is None or len(line) < 4 or _SENT_END.search(line) or _COMMA.search(line):
        return False
    if line[-1] in "：:" or line.startswith(("——", "（", "(", "〔", "[", "【", "《")):
        return False
    nm = match_marker(next_line)
    return nm is not None and nm.ordinal == 1 and nm.style in ("chapter", "cn")


def _repair_misnumbered(headings: list[tuple[Block, str]]) -> None:
    """A 一、-style heading written where the sequence of （一）-style siblings continues
    (…（二）…, 三、… where the real 三、 follows later) is taken as the next （一）-style
    sibling for its level: the source mis-numbered it."""
    cn = [
        (k, cn_to_int(b.marker.rstrip("、．. "))) for k, (b, s) in enumerate(headings) if s == "cn"
    ]
    for pos, (k, n) in enumerate(cn):
        if k == 0 or pos + 1 >= len(cn) or cn[pos + 1][1] != n:
            continue
        prev_block, prev_style = headings[k - 1]
        if (
            prev_style == "paren_cn"
            and cn_to_int(re.sub(r"[^一二三四五六七八九十百零〇两]", "", prev_block.marker))
            == n - 1
        ):
            headings[k] = (headings[k][0], "paren_cn")


def assign_levels(headings: list[tuple[Block, str]], bare: Collection[int] | None = None) -> None:
    """Set ``level`` on each heading from its marker style (see module doc).

    Headings of style ``"styled"`` (from Word heading styles) come with their level set; the
    other headings after one are placed below it. A marker kind has one level in a document
    (:func:`_kind_levels`): 1. straight under 二、 is still the level below （一） when the
    document uses （一） elsewhere, as 公文 practice numbers it; kinds the document does not
    use above it are closed up (a plan may go from 第X部分 or 一、 straight to 1.).
    """
    level_of = _kind_levels(headings)
    parents = _unnumbered_parents(headings, bare)
    parent_level = 0
    offset = 0  # level of the last styled heading: what follows is nested below it
    under = 0  # 1 below an unnumbered title that heads its own numbered list
    styled_last: dict[str, tuple[int, int]] = {}  # styled marker kind -> (ordinal, level)
    for k, (block, style) in enumerate(headings):
        kind = _marker_kind(block.marker)
        if style == "styled":
            offset = parent_level = block.level
            under = 0
            if kind:
                styled_last[kind] = (kind_ordinal(block.marker), block.level)
        elif (
            style in RANKS
            and kind in styled_last
            and styled_last[kind][0] + 1 == kind_ordinal(block.marker)
        ):
            # a typed 六. right after styled 一、…五、 (Word's numbering, not used for the last
            # one) numbers on as their sibling, not as a heading nested below the last of them
            block.level = parent_level = styled_last[kind][1]
            offset = block.level - level_of[k]
            under = 0
            styled_last[kind] = (styled_last[kind][0] + 1, block.level)
        elif style in RANKS:
            block.level = offset + under + level_of[k]
            parent_level = block.level
        elif style == "unnumbered":
            block.level = offset + 1
            parent_level = block.level
            under = 1 if k in parents else 0
        else:  # standalone run-in heading: just below its parent
            block.level = parent_level + 1 if parent_level else 1


def _marker_kind(marker: str) -> str:
    """Marker style of a heading's marker (一、 -> "cn"), "" when it has none."""
    m = match_marker(marker + "题") if marker else None
    return m.style if m is not None and m.style in RANKS else ""


def kind_ordinal(marker: str) -> int:
    """Ordinal of a heading's marker (六. -> 6), 0 when it has none."""
    m = match_marker(marker + "题") if marker else None
    return m.ordinal if m is not None else 0


def _restarts(headings: list[tuple[Block, str]], k: int) -> bool:
    """Whether heading ``k + 1`` is a numbered heading with ordinal 1 (一、 / （一） / 1. …)."""
    if k + 1 >= len(headings) or headings[k + 1][1] not in RANKS:
        return False
    m = match_marker(headings[k + 1][0].marker + "题")
    return m is not None and m.ordinal == 1


def _unnumbered_parents(
    headings: list[tuple[Block, str]], bare: Collection[int] | None
) -> set[int]:
    """Unnumbered titles that head a numbered list of their own: when at least two of them
    are each followed directly (no text of their own between; ``bare``: indexes of headings
    so followed by the next heading) by a list starting again at 一、 (or 1. …), the document is
    divided by them and the lists nest below (§1.指导思想 / 一、… / §2.客观依据 / 一、…). A
    single one is a title before the document's list, not a part of it."""
    if not bare:
        return set()
    heads = [k for k, (_, style) in enumerate(headings) if style == "unnumbered" and k in bare]
    restarting = {k for k in heads if _restarts(headings, k)}
    return restarting if len(restarting) >= 2 else set()


def _kind_levels(headings: list[tuple[Block, str]]) -> dict[int, int]:
    """Heading index -> level (1 = outermost) of each numbered heading from its marker kind.

    A kind keeps one level through its stretch of the document (between styled headings): one
    below each outer kind that opens somewhere before one of its headings. An outer kind met only
    after the last heading of a deeper kind (a stray （二） in an attachment after the 1. items)
    is no step of the ladder above it; a document may start at （一） or 1."""
    out: dict[int, int] = {}
    start = 0
    while start < len(headings):
        end = start
        while end < len(headings) and headings[end][1] != "styled":
            end += 1
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        for k in range(start, end):
            style = headings[k][1]
            if style in RANKS:
                first.setdefault(RANKS[style], k)
                last[RANKS[style]] = k
        for k in range(start, end):
            style = headings[k][1]
            if style in RANKS:
                rank = RANKS[style]
                out[k] = 1 + sum(1 for r, f in first.items() if r < rank and f < last[rank])
        start = end + 1
    return out


def _glued_ok(items: list[tuple[int, OutlineLine]]) -> set[int]:
    """Glued-digit headings (1别想太多) are kept only as part of an ordinal sequence."""
    idx = [i for i, o in items if o.style == "glued"]
    ords = {i: o.ordinal for i, o in items if o.style == "glued"}
    keep: set[int] = set()
    for k, i in enumerate(idx):
        prev_ok = k > 0 and ords[idx[k - 1]] == ords[i] - 1
        next_ok = k + 1 < len(idx) and ords[idx[k + 1]] == ords[i] + 1
        if prev_ok or next_ok:
            keep.add(i)
    return keep


#: Words that open a sentence of body text (adverbials of time, subjects, connectives); a
#: glued-digit heading run into its body without punctuation ends where one begins.
_BODY_OPENER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:很多时候|许多时候|有时候|有些时候|多数时候|大多数人|很多人|许多人|"
    r"其实|事实上|实际上|我们|你们|他们|人们|大家|如果|假如|因为|由于|虽然|当我们|当你|每当|"
    r"首先|例如|比如|生活中|工作中|现实中|今年以来|近年来|一年来)"
)
_GLUED_HEAD_MAX = 20
#: A run of glued-digit lines 1, 2, 3 … at least this long is a list of titles.
GLUED_RUN_MIN = 3


def _glued_runs(
    markers: list[Marker | None], classified: list[tuple[int, OutlineLine]]
) -> set[int]:
    """Lines of ordinal runs 1, 2, … N (N >= GLUED_RUN_MIN) of glued-digit lines (1别想太多)
    in one document whose members mostly stand alone as short titles: the others are titles
    too, run into their body text."""
    idx = [i for i, m in enumerate(markers) if m is not None and m.style == "glued"]
    out: set[int] = set()
    k = 0
    while k < len(idx):
        if markers[idx[k]].ordinal != 1:
            k += 1
            continue
        j = k
        while j + 1 < len(idx) and markers[idx[j + 1]].ordinal == markers[idx[j]].ordinal + 1:
            j += 1
        run = idx[k : j + 1]
        standalone = sum(1 for i in run if classified[i][1].heading is not None)
        if len(run) >= GLUED_RUN_MIN and standalone * 2 > len(run):
            out.update(run)
        k = j + 1
    return out


def _split_glued(m: Marker) -> OutlineLine | None:
    """Heading + paragraph for a glued-digit title run into its body
    (1别想太多，做了再说很多时候，我们…): the title ends where a body opener starts, else at
    its first punctuation mark."""
    rest = m.rest
    end = _SENT_END.search(rest)
    limit = min(_GLUED_HEAD_MAX + 1, end.start() if end else len(rest))
    opener = _BODY_OPENER.search(rest, 4, limit)
    if opener is not None:
        head, body = rest[: opener.start()], rest[opener.start() :]
    else:
        cut = _PUNCT_ANY.search(rest)
        if cut is None:
            return None
        head, body = rest[: cut.start()], rest[cut.end() :]
    head = _trim(head)
    if not 2 <= len(head) <= _GLUED_HEAD_MAX or not body.strip():
        return None
    return OutlineLine(Block("heading", head, 0, m.marker), "glued", m.ordinal, body.strip())


_CLAUSE_STYLES = ("cn", "paren_cn", "arabic", "paren_arabic", "circled")
_FIRST_CUT = re.compile(r"[。；;：:！？!?]")
_SENT_FINAL_ONLY = re.compile(r"[。！？!?]")
#: Median head length above which a list of numbered one-liners is a list of clauses.
CLAUSE_HEAD_MEDIAN = 25


def _clause_runs(
    lines: list[str], markers: list[Marker | None], not_heading: set[int] | None = None
) -> set[int]:
    """Lines of numbered lists whose items are clauses (ending with ；, or long sentences)
    rather than titles: consecutive siblings with no text between them."""
    demote: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        m = markers[i]
        if m is None or m.style not in _CLAUSE_STYLES:
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and markers[j + 1] is not None
            and markers[j + 1].style == m.style
            and markers[j + 1].ordinal == markers[j].ordinal + 1
        ):
            j += 1
        if j > i:
            clauses = 0
            for k in range(i, j + 1):
                rest = markers[k].rest.rstrip()
                cut = _FIRST_CUT.search(rest)
                head = cut.start() if cut else len(rest)
                one_sentence = len(_SENT_FINAL_ONLY.findall(rest[:-1])) == 0
                semi = rest.endswith(("；", ";")) or (cut is not None and cut.group(0) in "；;")
                statement = rest.endswith(("。", ".")) and _COMMA.search(rest[:head]) is not None
                if (one_sentence and (semi or head > CLAUSE_HEAD_MEDIAN or statement)) or (
                    not_heading is not None and k in not_heading
                ):
                    clauses += 1  # siblings are of one kind: a list of clauses, not titles
            if clauses * 2 >= j - i + 1:
                demote.update(range(i, j + 1))
        i = j + 1
    return demote


_ATTACHMENTS = re.compile(r"^附件\s*[:：]?")
#: A numbered line of an attachment list (2.2021年度…名单 has no marker for the parser).
_LISTED = re.compile(r"^\s*(?:\d{1,2}\s?[.．、]|[（(]\d{1,2}[）)])")


def _attachment_lists(lines: list[str], markers: list[Marker | None]) -> set[int]:
    """The numbered lines after 附件：(1.…) list attachments; they are not headings."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _ATTACHMENTS.match(line):
            continue
        j = i + 1
        while j < len(lines) and (
            (markers[j] is not None and markers[j].style in _CLAUSE_STYLES)
            or _LISTED.match(lines[j])
        ):
            out.add(j)
            j += 1
    return out


def build_outline(
    lines: list[str], heading_hints: Mapping[str, int] | None = None
) -> tuple[list[Block], list[RunInItem]]:
    """Blocks (headings with levels, paragraphs) and run-in items of one document.

    ``heading_hints``: :func:`~eduwriter.core.readers.heading_key` of a line -> heading level
    from the source's formatting (Word heading styles); such lines are headings whether or
    not they carry a typed number, at their styled level (closed up to the levels present)."""
    lines = presplit_lines(lines)
    n = len(lines)
    markers = [match_marker(line) for line in lines]
    classified = [
        (i, classify_line(lines[i], lines[i + 1] if i + 1 < n else None)) for i in range(n)
    ]
    demote = _clause_runs(lines, markers, {i for i, o in classified if o.heading is None})
    demote |= bare_lists(
        markers,
        {
            i
            for i, o in classified
            if o.heading is not None and not o.paragraph and not _COLON.search(lines[i])
        },
    )
    runin_alone = {i for i, o in classified if o.style == "runin" and o.heading is not None}
    demote |= runin_not_headings(
        markers, runin_alone, {i for i in runin_alone if lines[i].rstrip()[-1:] in "。！？!?"}
    )
    attachments = _attachment_lists(lines, markers)
    demote |= attachments
    for i in _glued_runs(markers, classified):
        if classified[i][1].heading is None:
            split = _split_glued(markers[i])
            if split is not None:
                classified[i] = (i, split)
    glued_keep = _glued_ok(classified)
    # 第一，… / 一是… opening paragraphs of body text are run-in items, never headings
    # (a heading-less speech enumerates so); only a standalone line may be one
    promoted: dict[int, OutlineLine] = {}
    eligible = [
        markers[i] is None and o.heading is None and i not in promoted for i, o in classified
    ]
    for i, (lead, rest) in lead_sentences(lines, eligible).items():
        promoted[i] = OutlineLine(Block("heading", lead, 0, ""), "lead", 0, rest)
    styled = _styled_levels(lines, heading_hints)
    blocks: list[Block] = []
    headings: list[tuple[Block, str]] = []
    items: list[RunInItem] = []
    for i, o in classified:
        if i in styled:
            # a styled heading: its typed marker (if any) is kept, its level is the style's
            head = o.heading if o.heading is not None and not o.paragraph else None
            block = head or Block("heading", _trim(lines[i]), 0, "")
            block.level = styled[i]
            o = OutlineLine(block, "styled", 0, None)
        elif i in promoted:
            o = promoted[i]
        elif o.heading is not None and (
            i in demote or (o.style == "glued" and i not in glued_keep)
        ):
            o = OutlineLine(None, "", 0, lines[i])
        if o.heading is not None:
            blocks.append(o.heading)
            headings.append((o.heading, o.style))
        if o.paragraph:
            blocks.append(Block("paragraph", o.paragraph))
            m = markers[i]
            if i in attachments:
                pass
            elif o.heading is None and m is not None and m.style in _CLAUSE_STYLES:
                end = _SENT_END.search(m.rest)
                items.append(
                    RunInItem(m.marker, (m.rest[: end.start()] if end else m.rest).strip())
                )
                items.extend(find_run_in(m.rest))
            else:
                items.extend(find_run_in(o.paragraph))
    _repair_misnumbered(headings)
    at = {id(b): pos for pos, b in enumerate(blocks)}
    assign_levels(
        headings,
        {
            k
            for k in range(len(headings) - 1)
            if at[id(headings[k + 1][0])] == at[id(headings[k][0])] + 1
        },
    )
    return blocks, items


def _styled_levels(lines: list[str], hints: Mapping[str, int] | None) -> dict[int, int]:
    """Line index -> level (closed up to the styled levels present) for hinted headings."""
    if not hints:
        return {}
    found = {}
    for i, line in enumerate(lines):
        level = hints.get(heading_key(line))
        if level is not None and level >= 1:
            found[i] = level
    present = sorted(set(found.values()))
    closed = {lvl: k + 1 for k, lvl in enumerate(present)}
    return {i: closed[lvl] for i, lvl in found.items()}


def build_blocks(lines: list[str]) -> list[Block]:
    """Turn the lines of one document into heading and paragraph blocks with levels."""
    return build_outline(lines)[0]
