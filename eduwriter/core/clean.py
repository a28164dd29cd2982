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


# --- boilerplate -------------------------------------------------------------------------

# Whole lines that are site chrome. Each alternative is anchored or needs a specific
# combination, so ordinary sentences do not match. All patterns are linear (no nested
# quantifiers over the same characters).
# Whole lines that are site chrome. Each alternative is anchored at the line start or needs
# a specific combination, so ordinary sentences do not match. All patterns are linear (no
# nested quantifiers over the same characters). Split in two for speed: the anchored ones
# are tried at the line start only.
_CHROME_WORDS = (
    "打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|加入收藏|设为首页|"
    "分享|推荐给朋友|我要纠错|纠错|举报|【打印】|【关闭】|【收藏】|【返回】|【打印本页】|【关闭窗口】"
)
_BOILERPLATE_START = re.compile(
    "|".join(
        [
            r"(?:上一篇|下一篇|上一页|下一页|上一章|下一章|上一条|下一条)(?:[:：\s]|$)",
            r"(?:【[^】]{1,40}】)?(?:相关推荐|推荐阅读|相关阅读|相关文章|相关文档|热门推荐|猜你喜欢|精彩推荐|热门文章|最新文章|延伸阅读|"
            r"您可能关注的文档|你可能关注的文档|您可能感兴趣的|你可能感兴趣的|相关范文|更多范文|热门标签)"
            r"\s*[:：]?\s*$",
            r"评论\s*\(\d+\)",
            r"(?:登录|注册)\s*[|｜/]\s*(?:登录|注册)\s*$",
            r"(?:登录|注册|搜索|首页|返回首页|返回顶部|回到顶部|网站首页|网站地图|设为首页|加入收藏|收藏本站|"
            r"打印本页|关闭窗口|打印|关闭|收藏|分享|分享到|手机阅读|手机版|电脑版|查看更多|更多|展开全文|阅读全文|"
            r"点击查看全文|文档介绍|文档简介|下载文档|免费下载|立即下载|举报|纠错|字号|大\s*中\s*小)\s*[:：]?\s*$",
            # a site header's date line: 今天是 alone (its date filled in by script) or with
            # a date and weekday; a sentence that starts with 今天是 is content
            r"今天是\s*[:：]?\s*(?:\d{4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?)?\s*"
            r"(?:(?:星期|周)[一二三四五六日天])?\s*$",
            r"[^|｜。，]{1,12}(?:\s?[|｜]\s?[^|｜。，]{1,12}){2,}$",
            r"扫一扫|微信扫一扫",
            r"(?:【(?:打印正文|打印|关闭窗口|关闭|收藏|返回顶部|大|中|小|字号)】\s*)+$",
            r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前位置是)\s*[:：]",
            r"(?:页码|页数|字数)\s*[:：]",
            r"[^。，,>]{1,12}(?:\s?(?:>>|>|»|＞|›)\s?[^。，,>»＞›]{1,24}){2,}$",
            r"(?:标签|TAGS|Tags|tags|关键词)\s*[:：][^。]{0,60}$",
            r"(?:文章|信息|新闻|稿件)?(?:来源|出处)\s*[:：][^。，,]{0,30}$",
            r"作者\s*[:：][^。，,]{0,20}$",
            r"(?:录入|审核|初审|复审|终审|发布者|发布人|撰稿|供稿|摄影|编辑|校对|责编)\s*[:：][^。]{0,40}$",
            r"点击\s*[:：]?\s*\d+\s*次?\s*$",
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]\s*$",
            r"您是(?:本站)?第\s*\d+\s*位访(?:问者|客)",
            r"[-—\s]*第\s*\d{1,4}\s*页\s*(?:[,，/]?\s*共\s*\d{1,4}\s*页)?[-—\s]*$",
            r"共\s*\d{1,4}\s*页\s*[,，]?\s*(?:第\s*\d{1,4}\s*页)?\s*$",
            rf"(?:{_CHROME_WORDS})(?:\s*[|｜/·]?\s*(?:{_CHROME_WORDS}))+\s*$",
            r"(?:分享到|返回列表|返回上一页|点击排行|热门排行|本文(?:地址|链接|网址))\s*[:：]?",
            r"更多(?:相关|精彩)?(?:文章|推荐|范文|内容|资料)\s*[:：>》]*\s*$",
            r"(?:温馨提示|特别声明|版权声明)\s*[:：]",
            r"-?\s*\d{4}-\d{1,2}-\d{1,2}[^。，,]{0,30}?(?:发布|上传|小编|编辑|\d{1,2}:\d{2})",
            r"-?\s*\d+(?:\.\d+)?\s*(?:KB|MB|kb|mb|K|M)\s*\|?\s*$",
            r"-?\s*\d+\s*页\s*\|?\s*$",
            r"地址\s*[:：][^。]{0,80}?(?:电话|邮编|传真)",
            r"(?:以上|本文)?(?:内容)?(?:仅|可)供(?:大家)?参考[。！!.]?$",
        ]
    )
)
_BOILERPLATE_ANY = re.compile(
    "|".join(
        [
            r"发表回复|发表评论|登录后才能评论|我要评论|网友评论|评论列表",
            r"扫码(?:关注|阅读|下载)",
            r"版权所有|Copyright|copyright|COPYRIGHT|All Rights Reserved|All rights reserved|©|ICP备|ICP证|公网安备|"
            r"技术支持\s*[:：]",
            r"来源\s*[:：][^。]{0,40}?(?:作者|发布|时间|点击|日期)",
            r"发布时间\s*[:：]|点击数\s*[:：]|点击量\s*[:：]|浏览次数|阅读次数|阅读量\s*[:：]|责任编辑\s*[:：]|"
            r"上传日期|上传时间|上传者|文档格式|下载地址|下载次数|下载积分|发布日期\s*[:：]|更新时间\s*[:：]|"
            r"更新日期\s*[:：]|录入时间\s*[:：]|发表时间\s*[:：]|人气\s*[:：]|浏览\s*[:：]\s*\d|"
            r"下载(?:本文|文档|全文|word|Word|WORD)|展开阅读全文|点击展开全文|关注(?:微信)?公众号",
            r"格式\s*[:：]\s*(?:DOC|DOCX|PDF|TXT|WPS|PPT)",
            r"小编\s*[:：]",
            r"申明敬告|免责声明|本站不保证|本站不予受理",
            r"收集整理[^。]{0,40}?(?:删除|观点|转载|侵权)|不代表本站观点|联系删除|如若转载|转载请注明|侵权请联系|侵删",
            r"主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|备案号\s*[:：]",
            r"字体\s*[:：]\s*【?\s*大\s*中\s*小|字号\s*[:：]\s*【?\s*大\s*中\s*小",
            r"\[\s*\d{1,2}-\d{1,2}\s*\]\s*$",
        ]
    )
)

# An editorial blurb about the collection: a site word plus a wish/recommendation word.
_BLURB_SITE = re.compile(
    r"小编|本站|范文|以下是|下面是一些|为大家整理|为你整理|精心准备|精心整理|精选"
)
_BLURB_WISH = re.compile(
    r"希望|喜欢|仅供参考|以供参考|以资借鉴|借鉴|收藏|有所帮助|帮助到|欢迎阅读|欢迎深入阅读"
)
_BLURB_MAX = 250

# Pieces removed from inside content lines.
_INLINE_PIECES = re.compile(
    "|".join(
        [
            r"当前隐藏内容免费查看",
            r"(?:下面|以下)是?小编[^。！!？?\n]{0,120}?(?:希望|祝|欢迎)[^。！!？?\n]{0,40}?[。！!]",
            r"本站小编为你精心准备了[^。！!\n]{0,120}?[。！!]",
            r"(?:查看更多|展开全文|阅读全文|点击查看全文|点击下载|下载全文)\s*$",
            r"来源[:：]网络[^。\n]{0,20}?(?:删除|侵权)",
        ]
    )
)

_READER = re.compile(
    r"欢迎(?:深入)?(?:阅读|收藏|下载|参考|借鉴)|希望[^。！!]{0,20}(?:喜欢|帮助|有用)|仅供参考|以资借鉴|敬请关注"
)
_SENTENCE_FINAL = ("。", "！", "？", "!", "?", "…", "”", "」", "）", ")")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")
# A signature date (2019.12.18) or a line of blanks to fill (20XX.XX.XX, ______) has no CJK
# character but is content.
_DATE_OR_BLANK_LINE = re.compile(
    r"^\s*(?:\d{4}\s?[.\-/]\s?\d{1,2}\s?[.\-/]\s?\d{1,2}|[\dXx×_*]{2,4}\s?[.\-/]\s?[\dXx×_*]{1,2}\s?[.\-/]"
    r"\s?[\dXx×_*]{1,2}|[Xx×]{2,}|_{2,})\s*$"
)
_NAV_ITEM = re.compile(r"^[\u3400-\u9fff—]{1,6}$")
_RELATED_HEADER = re.compile(
    r"^(?:【[^】]{1,40}】)?(?:相关推荐|推荐阅读|相关阅读|相关文章|相关文档|热门推荐|猜你喜欢|精彩推荐|热门文章|最新文章|延伸阅读|"
    r"您可能关注的文档|你可能关注的文档|您可能感兴趣的|你可能感兴趣的|相关范文|更多范文|"
    r"更多(?:相关|精彩)?(?:文章|推荐|范文|内容|资料))"
)
_LINK_ITEM = re.compile(r"\[\s*\d{1,2}-\d{1,2}\s*\]\s*$|(?<=[^\d\s\-])\d{1,2}-\d{1,2}\s*$")
_LINK_MAX = 40
_NOT_LINK = re.compile(r"[。！？；;!?]")
_NAV_RUN_MIN = 4


#: Boilerplate lines are short; longer lines are body text (and are not scanned).
_BOILERPLATE_MAX = 300


def is_boilerplate_line(line: str) -> bool:
    """True when a whole line carries a site-boilerplate signal."""
    if len(line) > _BOILERPLATE_MAX:
        return False
    if _BOILERPLATE_START.match(line) or _BOILERPLATE_ANY.search(line):
        return True
    if not _CJK.search(line) and len(line) <= 80 and not _DATE_OR_BLANK_LINE.match(line):
        return True
    return _is_blurb(line) and not _INLINE_PIECES.search(line)


def _is_link_item(line: str) -> bool:
    return (
        len(line) <= _LINK_MAX + 6 and bool(_LINK_ITEM.search(line)) and not _NOT_LINK.search(line)
    )


def _is_content(line: str) -> bool:
    return len(line) >= 20 and bool(_SENTENCE_PUNCT.search(line))


def _cut_inline(text: str) -> tuple[str, list[str]]:
    pieces: list[str] = []

    def _cut(m: re.Match[str]) -> str:
        pieces.append(m.group(0).strip())
        return ""

    new = _WS_RUN.sub(" ", _INLINE_PIECES.sub(_cut, text)).strip()
    return new, [p for p in pieces if p]


def _is_blurb(text: str) -> bool:
    return len(text) <= _BLURB_MAX and bool(_BLURB_SITE.search(text) and _BLURB_WISH.search(text))


def _line_verdict(text: str) -> tuple[str | None, list[str]]:
    """``(kept_text or None, removed_pieces)`` for one line."""
    if is_boilerplate_line(text):
        return None, [text]
    if _INLINE_PIECES.search(text):
        new, pieces = _cut_inline(text)
        fragment = len(new) < 60 and not new.endswith(_SENTENCE_FINAL)
        if not new or is_boilerplate_line(new) or _READER.search(new) or fragment:
            return None, [text]  # the line was an editorial blurb around the teaser
        return new, pieces
    return text, []


def _clean_pass(
    lines: list[CleanLine],
    removed: list[str],
    memo: dict[str, tuple[str | None, list[str]]],
    repeated: frozenset[str] = frozenset(),
) -> list[CleanLine]:
    # 1. run-together lines -> paragraphs
    split: list[CleanLine] = []
    for line in lines:
        split.extend(_split_run_together(line))
    # 2. whole boilerplate lines, pieces inside lines
    seq: list[tuple[CleanLine, bool]] = []  # (line, removed as boilerplate)
    for line in split:
        verdict = memo.get(line.text)
        if verdict is None:
            verdict = _line_verdict(line.text)
            memo[line.text] = verdict
        kept_text, pieces = verdict
        removed.extend(pieces)
        if kept_text is None:
            seq.append((line, True))
        else:
            seq.append((CleanLine(kept_text, line.indented), False))
    # 3. page chrome around the body: menus and repeated short lines. Lines removed in step 2
    # count as part of a menu (they are chrome too), so a second pass decides the same.
    content_idx = [i for i, (ln, gone) in enumerate(seq) if not gone and _is_content(ln.text)]
    drop = [gone for _, gone in seq]
    if content_idx:
        first, last = content_idx[0], content_idx[-1]
        nav = [
            (i < first or i > last) and (gone or bool(_NAV_ITEM.match(ln.text)))
            for i, (ln, gone) in enumerate(seq)
        ]
        counts = Counter(ln.text for ln, gone in seq if not gone and _NAV_ITEM.match(ln.text))
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
                    drop[k] = True
            i = j + 1
        for k, (ln, gone) in enumerate(seq):
            if (
                not gone
                and (k < first or k > last)
                and _NAV_ITEM.match(ln.text)
                and counts[ln.text] >= 2
            ):
                drop[k] = True
            elif not gone and (k < first or k > last) and ln.text in repeated:
                drop[k] = True  # repeated around the body of many files of a batch
            elif not gone and (k < first or k > last) and _is_link_item(ln.text):
                # a link to another article with its date (学校工作总结范文03-20); inside the
                # body such a line is content (活动时间：10-15)
                drop[k] = True
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
                drop[j] = True
                j += 1
    out: list[CleanLine] = []
    for k, (ln, gone) in enumerate(seq):
        if drop[k]:
            if not gone:
                removed.append(ln.text)
        else:
            out.append(ln)
    return out


def clean_lines(
    text: str, repeated: frozenset[str] = frozenset()
) -> tuple[list[CleanLine], list[str]]:
    """Clean ``text``; return its remaining lines and the removed pieces (in file order,
    duplicates kept once). ``repeated``: short lines seen in many files of the same batch
    (see :func:`repeated_lines`); they are removed when they sit outside the body."""
    lines = normalize_lines(text)
    removed: list[str] = []
    memo: dict[str, tuple[str | None, list[str]]] = {}
    for _ in range(8):  # repeat to a fixed point (usually 1-2 passes)
        before = len(removed)
        lines = _clean_pass(lines, removed, memo, repeated)
        if len(removed) == before:
            break
    seen: set[str] = set()
    unique = [r for r in removed if not (r in seen or seen.add(r))]
    return lines, unique


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
