"""Clean text copied off web sites: boilerplate out, artifacts repaired, run-together text split.

Conservative by design: only whole lines that carry a boilerplate signal are dropped (site
metadata, navigation, copyright and 上一篇/下一篇 lines, editorial blurbs about 范文), plus a
few editorial pieces inside content lines (当前隐藏内容免费查看, 下面是小编…希望大家喜欢).
Every removed piece is reported. Navigation menus (runs of very short lines) and lines
repeated around the page are removed only before the first / after the last content line,
never inside the body, where short lines may be table cells or signatures.

Guarantees (checked by property tests):

* ``clean_text`` never raises and never adds text: with whitespace removed, its output is a
  subsequence of :func:`normalize_chars` applied to the input (with whitespace removed);
* it is idempotent: ``clean_text(clean_text(x).text).text == clean_text(x).text``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eduwriter.core.boilerplate import (
    _LINK_ITEM,
    _LINK_MAX,
    _NAV_ITEM,
    _NAV_RUN_MIN,
    _NOT_LINK,
    _RELATED_HEADER,
    _SENTENCE_PUNCT,
    Removed,
    is_boilerplate_line,
    is_content,
    is_link_item,
    line_verdict,
)
from eduwriter.core.hardwrap import rejoin_hard_wrapped

__all__ = [
    "REPEAT_MIN_FILES",
    "repeated_lines",
    "CleanLine",
    "CleanResult",
    "clean_lines",
    "clean_text",
    "is_boilerplate_line",
    "normalize_chars",
    "normalize_lines",
]

# --- character repair -------------------------------------------------------------------

_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CHAR_MAP = {ord(c): " " for c in _SPACE_CHARS}
_CHAR_MAP.update({ord(c): None for c in _ZERO_WIDTH})
_CHAR_MAP.update(
    {
        ord("〝"): "“",  # vertical-form quotes used as ordinary quotes
        ord("〞"): "”",
        ord("\u2028"): "\n",
        ord("\u2029"): "\n",
        ord("\x85"): "\n",
    }
)


_ODD_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _CHAR_MAP)) + "]")


def _map_char(m: re.Match[str]) -> str:
    return _CHAR_MAP[ord(m.group(0))] or ""


def normalize_chars(text: str) -> str:
    """Map odd spaces to ASCII space, drop zero-width characters, repair 〝〞, unify newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_CHARS.sub(_map_char, text)


_WS_RUN = re.compile(r" {2,}")
_ANY_WS = re.compile(r"\s+")
_UNIT_FRAGMENT = re.compile(r"^[\u3400-\u9fff]{1,2}$")
#: A page's <title> line: the document title, then the section and site names after dashes,
#: underscores or bars (…工作计划--校园安全-某某中学).
_PAGE_TITLE = re.compile(
    r"^(?P<t>[^|｜]{4,80}?)\s?(?:--|——|—|-|_|[|｜])\s?[^。，,；;]{1,24}"
    r"(?:\s?(?:--|——|—|-|_|[|｜])\s?[^。，,；;]{1,24}){0,3}$"
)

#: The characters that may separate a page title's parts; a line without one is not scanned.
_PAGE_TITLE_SEPARATOR = re.compile(r"[-—_|｜]")


@dataclass(slots=True)
class CleanLine:
    """One non-empty line after cleaning; ``indented`` is True when it began with spaces
    while most lines of the file did not (a centred title, typically)."""

    text: str
    indented: bool = False


@dataclass(slots=True)
class CleanResult:
    text: str
    removed: list[str] = field(default_factory=list)


def normalize_lines(text: str) -> list[CleanLine]:
    """Normalised, whitespace-collapsed, non-empty lines (no boilerplate removal)."""
    raw = normalize_chars(text).split("\n")
    indented_flags = [bool(line) and line[0] == " " and line.strip() != "" for line in raw]
    nonblank = sum(1 for line in raw if line.strip())
    share = sum(indented_flags) / max(nonblank, 1)
    use_indent = share < 0.2
    out: list[CleanLine] = []
    for line, ind in zip(raw, indented_flags, strict=True):
        s = _WS_RUN.sub(" ", line.strip(" "))
        if s:
            out.append(CleanLine(s, ind and use_indent))
    return out


# --- run-together text -------------------------------------------------------------------

#: A line this long with several spaces between Chinese text is a whole document on one line.
_RUN_TOGETHER_MIN = 200
_GAP = re.compile(r"(?<=[^ A-Za-z0-9]) (?=[^ ])|(?<=[A-Za-z0-9]) (?=[^ A-Za-z0-9])")


def _split_run_together(line: CleanLine) -> list[CleanLine]:
    text = line.text
    if len(text) < _RUN_TOGETHER_MIN or text.count(" ") < 3:
        return [line]
    gaps = [m.start() for m in _GAP.finditer(text)]
    if len(gaps) < 3:
        return [line]
    pieces: list[CleanLine] = []
    start = 0
    for pos in gaps:
        piece = text[start:pos].strip()
        if piece:
            pieces.append(CleanLine(piece, line.indented and not pieces))
        start = pos + 1
    tail = text[start:].strip()
    if tail:
        pieces.append(CleanLine(tail))
    return pieces


def _clean_pass(
    lines: list[CleanLine],
    removed: list[str],
    memo: dict[str, tuple[str | None, list[Removed]]],
    repeated: frozenset[str] = frozenset(),
    protected: frozenset[str] = frozenset(),
) -> list[CleanLine]:
    # 1. run-together lines -> paragraphs
    split: list[CleanLine] = []
    for line in lines:
        split.extend(_split_run_together(line))
    # 2. whole boilerplate lines, pieces inside lines
    seq: list[tuple[CleanLine, bool]] = []  # (line, removed as boilerplate)
    chrome: list[bool] = []  # removed for a reason other than "no Chinese text"
    for line in split:
        verdict = memo.get(line.text)
        if verdict is None:
            verdict = line_verdict(line.text)
            memo[line.text] = verdict
        kept_text, pieces = verdict
        removed.extend(pieces)
        if (
            kept_text is not None
            and seq
            and seq[-1][1]
            and _UNIT_FRAGMENT.match(kept_text)
            and seq[-1][0].text.rstrip().endswith(("：", ":"))
        ):
            # the unit of a metadata line broken before it (点击数：\n次)
            removed.append(Removed(kept_text, "metadata"))
            kept_text = None
        if kept_text is None:
            seq.append((line, True))
            chrome.append(any(getattr(p, "reason", "") != "no_text" for p in pieces))
        else:
            seq.append((CleanLine(kept_text, line.indented), False))
            chrome.append(False)
    # 3. page chrome around the body: menus and repeated short lines. Lines removed in step 2
    # count as part of a menu (they are chrome too), so a second pass decides the same.
    content_idx = [i for i, (ln, gone) in enumerate(seq) if not gone and is_content(ln.text)]
    drop = [gone for _, gone in seq]
    why: dict[int, str] = {}
    if content_idx:
        first, last = content_idx[0], content_idx[-1]
        # the text ends at its last sentence, or later: signature, date and tables (short
        # cells, row numbers) run on until the first line of site chrome (上一篇, 版权, 打印)
        last = next(
            (
                k - 1
                for k in range(last + 1, len(seq))
                if chrome[k]
                or (not seq[k][1] and (is_link_item(seq[k][0].text) or seq[k][0].text in repeated))
            ),
            len(seq) - 1,
        )
        nav = [
            (i < first or i > last) and (gone or bool(_NAV_ITEM.match(ln.text)))
            for i, (ln, gone) in enumerate(seq)
        ]
        # a line that also occurs inside the body is content (a sub-heading used twice), and
        # so is a line the source's formatting marks as a heading
        inside = {ln.text for ln, gone in seq[first : last + 1] if not gone}

        def keep(text: str) -> bool:
            return text in inside or (bool(protected) and _ANY_WS.sub("", text) in protected)

        counts = Counter(
            ln.text
            for k, (ln, gone) in enumerate(seq)
            if not gone and (k < first or k > last) and _NAV_ITEM.match(ln.text)
        )
        i = 0
        while i < len(seq):
            if not nav[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(seq) and nav[j + 1]:
                j += 1
            members = [k for k in range(i, j + 1) if not seq[k][1]]
            if j - i + 1 >= _NAV_RUN_MIN and members:
                for k in members:
                    if not keep(seq[k][0].text):
                        drop[k] = True
                        why[k] = "navigation"
            i = j + 1
        for k, (ln, gone) in enumerate(seq):
            if gone or first <= k <= last or keep(ln.text):
                continue
            if _NAV_ITEM.match(ln.text) and counts[ln.text] >= 2:
                drop[k], why[k] = True, "navigation"  # a menu item above and below the text
            elif ln.text in repeated:
                drop[k], why[k] = True, "repeated"  # around the body of many files of a batch
            elif is_link_item(ln.text):
                # a link to another article with its date (学校工作总结范文03-20); inside the
                # body such a line is content (活动时间：10-15)
                drop[k], why[k] = True, "link"
        # a "related articles" header outside the body: the list of link titles after it goes too
        for k, (ln, gone) in enumerate(seq):
            if not (gone and (k < first or k > last) and _RELATED_HEADER.match(ln.text)):
                continue
            j = k + 1
            while j < len(seq) and (j < first or j > last):
                item, item_gone = seq[j]
                if item_gone and _LINK_ITEM.search(item.text):
                    j += 1
                    continue
                if item_gone or len(item.text) > _LINK_MAX or _NOT_LINK.search(item.text):
                    break
                if not keep(item.text):
                    drop[j], why[j] = True, "link"
                j += 1
    out: list[CleanLine] = []
    for k, (ln, gone) in enumerate(seq):
        if drop[k]:
            if not gone:
                removed.append(Removed(ln.text, why.get(k, "navigation")))
        else:
            out.append(ln)
    return out


#: A bare field label of a metadata table (索 引 号： / 发文机关：), its value on the next line.
_LABEL = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,8}[:：]$")
_LABEL_TABLE_MIN = 3
_VALUE_MAX = 40


def _drop_label_table(lines: list[CleanLine], removed: list[str]) -> list[CleanLine]:
    """Metadata tables (a page's 索引号/主题分类/发文机关/成文日期 block): at least three bare
    labels a line or two apart; each label goes, with its value when the value is short and
    another label follows it (the value of the last label is kept unless it is a date or a
    number, as it may be the text's first line)."""
    labels = [k for k, ln in enumerate(lines) if _LABEL.match(ln.text)]
    table: set[int] = set()
    run: list[int] = []
    for k in [*labels, len(lines) + 99]:
        if run and k - run[-1] <= 2:
            run.append(k)
            continue
        if len(run) >= _LABEL_TABLE_MIN:
            table.update(run)
        run = [k]
    if not table:
        return lines
    drop: set[int] = set()
    for k in sorted(table):
        drop.add(k)
        v = k + 1
        if v < len(lines) and v not in table and len(lines[v].text) <= _VALUE_MAX:
            if (v + 1 in table) or _DATE_OR_NUMBER.match(lines[v].text):
                drop.add(v)
    out = []
    for k, ln in enumerate(lines):
        if k in drop:
            removed.append(Removed(ln.text, "metadata"))
        else:
            out.append(ln)
    return out


_DATE_OR_NUMBER = re.compile(r"^[\d\s年月日\-/.:：〔〕\[\]号第]+$")


def clean_lines(
    text: str, repeated: frozenset[str] = frozenset(), protected: frozenset[str] = frozenset()
) -> tuple[list[CleanLine], list[str]]:
    """Clean ``text``; return its remaining lines and the removed pieces (in file order,
    duplicates kept once; each a :class:`~eduwriter.core.boilerplate.Removed` with its
    reason). ``repeated``: short lines seen in many files of the same batch (see
    :func:`repeated_lines`); they are removed when they sit outside the body. ``protected``:
    lines never removed for where they sit (headings known from the source's formatting)."""
    lines = normalize_lines(text)
    removed: list[str] = []
    texts = {ln.text for ln in lines}
    kept_lines = []
    for ln in lines:
        m = (
            _PAGE_TITLE.match(ln.text)
            if len(ln.text) <= 160 and _PAGE_TITLE_SEPARATOR.search(ln.text)
            else None
        )
        if m and m.group("t").strip() in texts and _ANY_WS.sub("", ln.text) not in protected:
            removed.append(Removed(ln.text, "page_title"))  # the title is also in the text
        else:
            kept_lines.append(ln)
    lines = _drop_label_table(kept_lines, removed)
    memo: dict[str, tuple[str | None, list[Removed]]] = {}
    for _ in range(8):  # repeat to a fixed point (usually 1-2 passes)
        before = len(removed)
        lines = _clean_pass(lines, removed, memo, repeated, protected)
        if len(removed) == before:
            break
    lines = rejoin_hard_wrapped(lines, _text_of, _joined)
    seen: set[str] = set()
    unique = [r for r in removed if not (r in seen or seen.add(r))]
    return lines, unique


def _text_of(line: CleanLine) -> str:
    return line.text


def _joined(first: CleanLine, text: str) -> CleanLine:
    return CleanLine(text, first.indented)


#: A line counts as repeated chrome when it is in at least this many files of a batch …
REPEAT_MIN_FILES = 3
#: … and in at least this share of them.
REPEAT_MIN_SHARE = 0.5
_REPEAT_MAX_LEN = 30


def repeated_lines(texts: list[str], is_protected=None) -> frozenset[str]:  # noqa: ANN001
    """Short lines that occur in many of ``texts`` (a batch of files from the same site):
    menus, site names, footers. Lines for which ``is_protected(line)`` is true (titles,
    numbered headings) are never included."""
    if len(texts) < REPEAT_MIN_FILES:
        return frozenset()
    counts: Counter[str] = Counter()
    for text in texts:
        seen = {
            ln.text
            for ln in normalize_lines(text)
            if len(ln.text) <= _REPEAT_MAX_LEN and not _SENTENCE_PUNCT.search(ln.text)
        }
        counts.update(seen)
    need = max(REPEAT_MIN_FILES, int(len(texts) * REPEAT_MIN_SHARE + 0.999))
    return frozenset(
        line
        for line, n in counts.items()
        if n >= need and not (is_protected and is_protected(line))
    )


def clean_text(text: str) -> CleanResult:
    """Clean ``text`` (see module doc); return the cleaned text and what was removed."""
    lines, removed = clean_lines(text)
    return CleanResult("\n".join(line.text for line in lines), removed)
