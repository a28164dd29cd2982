"""One cleaned file -> its documents, each with a title (or ``None``).

A file is split
* at collection separators: ``篇一:《…》``, ``第三篇：…``, ``【篇二】…``, ``教育工委工作总结篇三``;
* at standalone title lines: a short line without sentence punctuation that is centred
  (indented while the body is not), is followed by a ``——`` subtitle, or names a document
  type (…工作计划, …的讲话, …的通知) — the last signal only in files without separators;
* where an untitled document starts over: after a concluding paragraph (综上所述/总之…) the
  top-level numbering restarts at 一、.

Page-title lines that repeat the real title nearby (精编…(五), 陈国阳局长《…》, a copy with
20XX for 2020) are dropped and reported, keeping the shortest form; so is a collection's
page title and blurb before its first separator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from eduwriter.core.boilerplate import Removed
from eduwriter.core.clean import CleanLine
from eduwriter.core.genre import TITLE_WORDS
from eduwriter.core.outline import CN_DIGITS, match_marker
from eduwriter.core.readers import heading_key

__all__ = ["RawDocument", "is_separator", "segment_lines"]

_N = f"[{CN_DIGITS}\\d]{{1,3}}"
_SEPARATORS = [
    re.compile(rf"^【?篇{_N}】?\s?[:：]?\s?(?P<t>.*)$"),
    re.compile(rf"^【?第{_N}篇】?\s?[:：]?\s?(?P<t>.*)$"),
    re.compile(rf"^(?:参考)?范文{_N}\s?[:：]\s?(?P<t>.+)$"),
    re.compile(rf"^(?P<t>[^。！？；;!?]{{2,40}}?)\s?[(（【]?篇{_N}[)）】]?$"),
]
_SENT = re.compile(r"[。！？；;!?]")
_COMMA = re.compile(r"[，,]")
_STOP = re.compile(r"[。；;]")
_CONCLUSION = re.compile(
    r"^(?:综上所述|综上|总之|总而言之|总的来说|总的看|回顾(?:过去|一年|这一年))"
)
_QUOTES = str.maketrans("", "", "《》“”\"'「」『』 ")
_DIGITISH = re.compile(r"[0-9Xx×_]")


@dataclass(slots=True)
class RawDocument:
    title: str | None
    lines: list[str] = field(default_factory=list)
    separator: bool = False
    marked: bool = False  #: some line of the document starts with a numbering marker


def is_separator(line: str) -> str | None:
    """The title carried by a collection separator line ("" if none), else ``None``."""
    for rx in _SEPARATORS:
        m = rx.match(line)
        if m:
            return _clean_title(m.group("t"))
    return None


def _clean_title(t: str) -> str:
    t = t.strip().strip(":：").strip()
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1].strip()
    return t


_TITLE_DASHES = re.compile(r"^[—\-－–]{1,4}\s*")


def _unwrap_title(text: str) -> str:
    """A title as it names the document: a ——《…》 wrapper (a sub-方案 introduced under a
    series label) taken off."""
    bare = _TITLE_DASHES.sub("", text)
    if bare != text and bare.startswith("《") and bare.endswith("》") and bare.count("《") == 1:
        return bare[1:-1].strip()
    return text


def _key(text: str, fuzzy: bool = True) -> str:
    """Comparison key for near-duplicate titles: no quotes/spaces; with ``fuzzy``, digits and
    placeholders alike (区教育局20XX年… is a copy of 区教育局2020年…)."""
    plain = text.translate(_QUOTES)
    return _DIGITISH.sub("#", plain) if fuzzy else plain


_PLACEHOLDER = re.compile(r"[Xx×_]{2,}")


def _title_like(text: str) -> bool:
    return 4 <= len(text) <= 60 and not _SENT.search(text) and text[-1] not in ":：，,、"


def _dedupe_page_titles(
    lines: list[CleanLine], removed: list[str]
) -> tuple[list[CleanLine], set[int]]:
    """Drop page-title copies of a nearby title line; return the lines and the indexes (in
    the returned list) of page headings kept as body text.

    Only a line whose text is kept elsewhere is dropped: an exact copy (or one differing only
    by a placeholder, 20XX for 2020) and the two halves of a title that a line above already
    holds whole. A longer page heading that contains the title (关于公示《…》, 某局长在…的讲话)
    carries words of its own: it is kept, as the first body line under the title (the
    shortest form stays the title)."""
    drop = [False] * len(lines)
    below: dict[int, int] = {}  # longer page heading above the title -> the title's index
    body: set[int] = set()  # longer page heading below the title, kept in place
    cand = [
        i
        for i, ln in enumerate(lines)
        if _title_like(ln.text)
        and is_separator(ln.text) is None
        and match_marker(ln.text) is None
        and not ln.text.startswith("—")  # a ——subtitle is part of the text
    ]
    # digits and X are alike only when a placeholder is involved: two content lines that
    # differ only in their figures (2018年…94.62%, 2019年…97%) are not copies of each other
    fuzzy = {i: bool(_PLACEHOLDER.search(lines[i].text)) for i in cand}
    keys = {i: _key(lines[i].text) for i in cand}
    exact = {i: _key(lines[i].text, fuzzy=False) for i in cand}
    for i in cand:  # a title broken over the two lines after its whole copy
        if i + 2 < len(lines) and i + 1 in exact and i + 2 in exact:
            halves = exact[i + 1] + exact[i + 2]
            if len(halves) >= 6 and exact[i] == halves:
                drop[i + 1] = drop[i + 2] = True
    for a_pos, i in enumerate(cand):
        for b_pos in range(a_pos + 1, min(a_pos + 4, len(cand))):
            j = cand[b_pos]
            if j - i > 3:
                break
            if drop[i] or drop[j] or j in body:
                continue
            if fuzzy[i] or fuzzy[j]:
                ki, kj = keys[i], keys[j]
            else:
                ki, kj = exact[i], exact[j]
            if min(len(ki), len(kj)) < 6:
                continue
            if ki == kj:
                if j == i + 1:
                    drop[j] = True
            elif kj in ki and not lines[j].text.startswith(_OPENERS):
                if _editorial_copy(lines[i].text, lines[j].text):
                    drop[i] = True
                elif i not in below or len(kj) > len(exact[below[i]]):
                    below[i] = j  # under the longest title it holds (not under a name)
            elif ki in kj and not lines[i].text.startswith(_OPENERS):
                if _editorial_copy(lines[j].text, lines[i].text):
                    drop[j] = True
                else:
                    body.add(j)
    order: list[int] = []
    for k in range(len(lines)):
        if k in below:
            continue
        order.append(k)
        order.extend(i for i, j in below.items() if j == k)
    out: list[CleanLine] = []
    kept_body: set[int] = set()
    for k in order:
        if drop[k]:
            removed.append(Removed(lines[k].text, "page_title"))
            continue
        if k in below or k in body:
            kept_body.add(len(out))
        out.append(lines[k])
    return out, kept_body


_OPENERS = ("(", "（", "[", "【", "〔")
#: Words a site adds to a title it files (…范文, 精编…(五), …参考模板): no words of the text's own.
_EDITORIAL_AFFIX = re.compile(
    r"精编|精选|最新|优秀|热门|推荐|参考|范文|范例|模板|范本|样本|合集|大全|汇编|"
    rf"[(（]{_N}[)）]|篇{_N}|第{_N}篇|\s"
)


def _editorial_copy(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` filed by a site: what it adds is editorial words only, or
    ``shorter`` ends a space-separated trail (栏目 文库 标题范文, a breadcrumb)."""
    a, b = longer.translate(_QUOTES), shorter.translate(_QUOTES)
    extra = a.replace(b, "", 1)
    if extra == a:  # contained only with digits folded (20XX / 2020)
        return True
    if not _EDITORIAL_AFFIX.sub("", extra).strip():
        return True
    at = longer.find(shorter)
    head = longer[:at] if at > 0 else ""
    return head.endswith(" ") and " " in head.strip()


_SALUTATION_START = re.compile(r"^(?:尊敬的|各位|亲爱的|同志们|老师们|同学们|朋友们)")


_ATTACHMENT = re.compile(r"^附(?:件|录|表)?\s*\d{0,2}\s*[:：]")
_ATTACHMENT_LABEL = re.compile(r"^附(?:件|录|表)\s*\d{0,2}\s*[:：]?$")
#: A line that points to an attachment (见附件1：《…细则》, 详见附件): a reference, not a title.
_ATTACHMENT_REF = re.compile(r"^(?:详?见|参见)|附件\s*\d{1,2}\s*[:：]")
#: A bare figure on its own line (20, 500, 85.5%): a table cell.
_FIGURE_CELL = re.compile(r"^[\d.,，%％\s]+$")


def _content_follows(lines: list[CleanLine], i: int) -> bool:
    """A body paragraph (long, with sentence punctuation) within the next few lines."""
    return any(len(f.text) >= 20 and _SENT.search(f.text) for f in lines[i + 1 : i + 7])


def _repeated_headline(lines: list[CleanLine], i: int) -> bool:
    """A headline with an exclamation or question inside (力度空前！…方案来了) that the page
    shows twice, as its heading and the article's: a title, though a sentence mark is in it."""
    text = lines[i].text
    return (
        i + 1 < len(lines)
        and lines[i + 1].text == text
        and 6 <= len(text) <= 40
        and text[-1] not in "。；;，,：:"
        and not _COMMA.search(text)
        and not _STOP.search(text)
    )


def _is_doc_title(lines: list[CleanLine], i: int, collection: bool, has_headings: bool) -> bool:
    text = lines[i].text
    if not (6 <= len(text) <= 40) or not _title_like(text) or _COMMA.search(text):
        return False
    if text.startswith(("—", "（", "(", "〔", "[", "【")) or match_marker(text) is not None:
        return False
    if _ATTACHMENT.match(text) or (i > 0 and _ATTACHMENT_LABEL.match(lines[i - 1].text)):
        return False  # an attachment belongs to its document
    if _ATTACHMENT_REF.search(text):
        return False
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1].text
    if _FIGURE_CELL.match(nxt):
        return False  # a row label of a table, its figures below it
    if not _content_follows(lines, i) and not any(
        match_marker(f.text) is not None for f in lines[i + 1 : i + 7]
    ):
        return False  # a signature or a caption, not the title of a new document
    if lines[i].indented or nxt.startswith("——"):
        return True
    if collection or not TITLE_WORDS.search(text):
        return False
    if has_headings and match_marker(nxt) is not None:
        return False  # a section title introducing a numbered list
    return True


def _cover_so_far(doc: RawDocument) -> bool:
    """The document has a title and some lines but no body text yet (issuer, partners,
    a subtitle, a date, a page number: a cover page): a title-like line here belongs to the
    cover, it does not start another document. A 红头/发文字号 head is not a cover (the
    document below it is its own)."""
    return (
        doc.title is not None
        and bool(doc.lines)
        and not doc.marked
        and not any(len(x) >= 20 and _SENT.search(x) for x in doc.lines)
        and not _letterhead(doc)
    )


def _restarts_under_title(lines: list[CleanLine], i: int, collection: bool) -> bool:
    """A title line naming a document type right before a list that starts again at 一、
    (the document so far has reached 二、 or further): the next document of a series
    published one after another, separated only by their titles."""
    if collection or i + 1 >= len(lines):
        return False
    text = lines[i].text
    nxt = match_marker(lines[i + 1].text)
    if nxt is None or nxt.style != "cn" or nxt.ordinal != 1:
        return False
    return (
        6 <= len(text) <= 40
        and _title_like(text)
        and not _COMMA.search(text)
        and match_marker(text) is None
        and bool(_TYPE_END.search(text))
    )


#: A title that ends with the name of a document type.
_TYPE_END = re.compile(
    r"(?:计划|方案|规划|要点|总结|报告|讲话|发言|通知|办法|意见|决定|细则|请示|函|纪要|规定|制度)"
    r"[”\"』」》]?$"
)


_DIGIT = re.compile(r"[\d〇零一二三四五六七八九十]{2,}|\d")
#: A 发文机关标志 (红头: 绍兴市教育局文件 / 中共某某委员会文件): it heads a document.
_RED_HEAD = re.compile(r"^[\u4e00-\u9fff（）()、 ]{2,30}文件$")
#: A date line (2022年1月10日 / 二〇二二年一月十日), as under a signature: it ends a document.
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s?年\s?(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s?月"
    r"\s?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s?日\s*$"
)
#: A 发文字号 (绍市教〔2021〕15号 / 国办函〔2019〕45号): it stands above a title, never in one.
DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号")


def _issuer_line(text: str) -> bool:
    """A short name line that may open a 公文 title (国务院办公厅 / 关于…的函): no sentence or
    comma, no number, no 关于, no document type, no outline marker."""
    return (
        2 <= len(text) <= 20
        and not _SENT.search(text)
        and not _COMMA.search(text)
        and not _DIGIT.search(text)
        and "关于" not in text
        and not _TYPE_END.search(text)
        and match_marker(text) is None
        and not text.endswith((":", "："))
        and not _RED_HEAD.match(text)
    )


def _join_broken_titles(lines: list[CleanLine], hints: Mapping[str, int]) -> list[CleanLine]:
    """A 公文 title broken over two lines (关于四川省在…考察工作时 / 所提问题和建议办理情况的函):
    a short title-like line whose next line ends the title with a document type, the two
    holding 关于, neither numbered, not after another title-like line, body text after."""
    out: list[CleanLine] = []
    k = 0
    while k < len(lines):
        a = lines[k]
        b = lines[k + 1] if k + 1 < len(lines) else None
        if (
            b is not None
            and 6 <= len(a.text) <= 30
            and len(a.text) + len(b.text) <= 60
            and (
                "关于" in a.text or "关于" in b.text
            )  # 公文 titles: 〔发文机关〕关于〔事由〕的〔文种〕
            and not hints.get(heading_key(a.text))
            and not hints.get(heading_key(b.text))
            and not DOC_NUMBER.search(a.text)
            and not _RED_HEAD.match(a.text)
            and not _DATE_LINE.match(a.text)
            and _title_like(a.text)
            and _title_like(b.text)
            and not _COMMA.search(a.text + b.text)
            and _TYPE_END.search(b.text)
            and not TITLE_WORDS.search(a.text)
            and match_marker(a.text) is None
            and match_marker(b.text) is None
            and is_separator(a.text) is None
            and is_separator(b.text) is None
            and (not out or not _title_like(out[-1].text) or _issuer_line(out[-1].text))
            and _content_follows(lines, k + 1)
        ):
            if out and a.text.startswith("关于") and _issuer_line(out[-1].text):
                issuer = out.pop()  # 〔发文机关〕 on its own line above 关于…
                out.append(CleanLine(issuer.text + a.text + b.text, issuer.indented))
            else:
                out.append(CleanLine(a.text + b.text, a.indented))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def segment_lines(
    lines: list[CleanLine], heading_hints: Mapping[str, int] | None = None
) -> tuple[list[RawDocument], list[str]]:
    """Split cleaned lines into documents; also return the lines dropped on the way.

    ``heading_hints`` (from the source's formatting, see
    :func:`~eduwriter.core.readers.read_source`): a line hinted 0 is a document title, a
    line hinted 1 or more is a heading and never taken for a title."""
    hints = heading_hints or {}
    removed: list[str] = []
    lines = _join_broken_titles(lines, hints)
    lines, body_only = _dedupe_page_titles(lines, removed)
    collection = any(is_separator(ln.text) is not None for ln in lines)
    docs: list[RawDocument] = []
    current = RawDocument(None)
    top_max = 0  # highest 一、-style ordinal seen in the current document
    skip_next = False
    for i, ln in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        text = ln.text
        if i in body_only:  # a page heading kept under its title
            current.lines.append(text)
            continue
        hint = hints.get(heading_key(text)) if hints else None
        if hint == 0:
            if current.lines or current.title is not None:
                docs.append(current)
            current = RawDocument(text)
            top_max = 0
            continue
        sep = is_separator(text)
        if sep is not None:
            if current.lines or current.title is not None:
                docs.append(current)
            title = sep or None
            if not sep and i + 1 < len(lines) and _title_like(lines[i + 1].text):
                title = lines[i + 1].text
                skip_next = True
            current = RawDocument(title, separator=True)
            top_max = 0
            continue
        if (
            hint is None
            and not current.lines
            and current.title is None
            and i + 1 < len(lines)
            and (_title_like(text) or _repeated_headline(lines, i))
            and len(text) <= 40
            and match_marker(text) is None
            and not _SALUTATION_START.match(text)
            and (
                (not _COMMA.search(text) and len(lines[i + 1].text) > len(text))
                or _is_doc_title(lines, i, False, False)
                or _content_follows(lines, i)
                or _names_its_type(text)
            )
        ):
            current.title = text
            continue
        if (
            hint is None
            and (
                _is_doc_title(lines, i, collection, has_headings=current.marked)
                or (
                    # 一、 again after 二、…; or a first 一、 list under a document numbered
                    # so far only 1. 2. (its own list would have begun at 一、)
                    (top_max >= 2 or (top_max == 0 and current.marked))
                    and _restarts_under_title(lines, i, collection)
                )
            )
            and (current.lines or current.title)
            and not _cover_so_far(current)
        ):
            docs.append(current)
            current = RawDocument(_unwrap_title(text))
            top_max = 0
            continue
        m = match_marker(text)
        if m is not None and m.style == "cn":
            if m.ordinal == 1 and top_max >= 3:
                k = _restart_point(current.lines)
                if k is not None:
                    docs.append(RawDocument(current.title, current.lines[:k], current.separator))
                    tail = current.lines[k:]
                    current = RawDocument(None, tail, marked=any(match_marker(x) for x in tail))
                    top_max = 0
            top_max = max(top_max, m.ordinal)
        if m is not None or hint is not None:
            current.marked = True
        current.lines.append(text)
    if current.lines or current.title is not None:
        docs.append(current)
    docs = _tidy(docs, collection, removed)
    return docs, removed


_SHARED_RUN = 8


def _shares_head(title: str, doc: RawDocument) -> bool:
    """``title`` and the head of ``doc`` (its title and first two lines) share a run of at
    least :data:`_SHARED_RUN` characters."""
    head = " ".join([doc.title or "", *doc.lines[:2]])
    m = SequenceMatcher(None, title, head, autojunk=False).find_longest_match()
    return m.size >= _SHARED_RUN


_STATUS_SUFFIX = re.compile(
    r"\s?[(（](?:征求意见稿|讨论稿|送审稿|草案|初稿|试行|修订稿|修订)[)）]$"
)


def _names_its_type(text: str) -> bool:
    """A first line that ends with its document type (…发展规划, …方案), a status such as
    (征求意见稿) or（试行）after it allowed: the title, even over a cover or a contents list."""
    return not _COMMA.search(text) and bool(_TYPE_END.search(_STATUS_SUFFIX.sub("", text)))


def _restart_point(doc_lines: list[str]) -> int | None:
    """Index where an untitled document starts: after a concluding paragraph that follows
    the last top-level heading of the current document."""
    last_top = None
    for idx in range(len(doc_lines) - 1, -1, -1):
        m = match_marker(doc_lines[idx])
        if m is not None and m.style == "cn":
            last_top = idx
            break
    if last_top is None:
        return None
    for idx in range(last_top + 1, len(doc_lines)):
        if _CONCLUSION.match(doc_lines[idx]):
            return idx + 1 if idx + 1 <= len(doc_lines) else None
    return None


def _letterhead(d: RawDocument) -> bool:
    """A "document" that is only a 红头 and/or 发文字号 line(s): the head of the next one."""
    if not d.title or len(d.lines) > 2:
        return False
    head = [d.title, *d.lines]
    return any(_RED_HEAD.match(x) or DOC_NUMBER.search(x) for x in head) and all(
        len(x) <= 40 and not _SENT.search(x) for x in head
    )


def _tidy(docs: list[RawDocument], collection: bool, removed: list[str]) -> list[RawDocument]:
    # a 红头 and 发文字号 standing above a title belong to that document (kept, as content)
    merged: list[RawDocument] = []
    for d in docs:
        if merged and _letterhead(merged[-1]) and d.title:
            head = merged.pop()
            d.lines[:0] = [head.title or "", *head.lines]
        merged.append(d)
    docs = merged
    # a collection's page title and blurb before the first separator
    if collection and docs and not docs[0].separator and len(docs) > 1:
        head = docs[0]
        body = ([head.title] if head.title else []) + head.lines
        if len(body) <= 4 and sum(map(len, body)) < 400 and not any(match_marker(x) for x in body):
            removed.extend(Removed(b, "blurb") for b in body)
            docs = docs[1:]
    # a title repeated as the first line of its document
    for d in docs:
        if (
            d.title
            and d.lines
            and _key(d.lines[0]) == _key(d.title)
            and not d.lines[0].startswith("—")
        ):
            removed.append(Removed(d.lines.pop(0), "page_title"))
    # a title with no body before the next document is a site name or an orphan heading;
    # one that shares a long run of words with the next document's head is that document's
    # page heading (某局长在…的讲话 over 着力建设… / ——在…的讲话): kept as its first line
    if len(docs) > 1:
        kept = []
        carry: list[str] = []
        for idx, d in enumerate(docs):
            if carry:
                d.lines[:0] = carry
                carry = []
            if d.title and not d.lines:
                nxt = docs[idx + 1] if idx + 1 < len(docs) else None
                if nxt is not None and _shares_head(d.title, nxt):
                    carry.append(d.title)
                else:
                    removed.append(Removed(d.title, "page_title"))
            else:
                kept.append(d)
        docs = kept or docs[-1:]
    # a tiny untitled fragment (an editor's note) belongs to the document after it
    out: list[RawDocument] = []
    pending: list[str] = []
    for idx, d in enumerate(docs):
        tiny = (
            d.title is None
            and idx + 1 < len(docs)
            and len(d.lines) <= 3
            and sum(map(len, d.lines)) < 200
            and not any(match_marker(x) for x in d.lines)
        )
        if tiny:
            pending.extend(d.lines)
            continue
        if pending:
            d.lines[:0] = pending
            pending = []
        out.append(d)
    if pending:
        if out:
            out[-1].lines.extend(pending)
        else:
            out.append(RawDocument(None, pending))
    return out
