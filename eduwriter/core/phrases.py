"""Sentences of a sample text: normalising, splitting, cleanliness checks, 常用词组.

The pieces here are pure functions over strings; :mod:`eduwriter.core.extract` walks the
imported documents and uses them with :mod:`~eduwriter.core.functions` (what a sentence does),
:mod:`~eduwriter.core.specifics` (names and quantities -> typed slots),
:mod:`~eduwriter.core.families` (parallel headings) and :mod:`~eduwriter.core.scoring`.

* :func:`normalise_text` turns half-width punctuation inside Chinese text into full-width and
  repairs conversion artefacts (〝〞 quotes, stray spaces).
* :func:`split_sentences` cuts a paragraph after 。！？； (never inside quotes or brackets, and
  never in the middle of a word, because it only cuts after punctuation).
* :func:`problems` lists why a candidate is not clean (boilerplate, unbalanced brackets, cut
  word, dangling particle, footnote label, masked name, …); a phrasing is kept only when the
  list is empty.
* :func:`find_word_runs` finds 常用词组 (听从指挥、齐心协力、尽职尽责).
"""

from __future__ import annotations

import re
from functools import lru_cache

from eduwriter.core.slots import only_slots

# --------------------------------------------------------------------------------------------
# Characters and normalisation

_CJK = "\u4e00-\u9fff"
CJK_RE = re.compile(f"[{_CJK}]")
_CJK_RE = CJK_RE
OPENERS = "“‘（《【〔「『"
CLOSERS = "”’）》】〕」』"
PAIRS = dict(zip(OPENERS, CLOSERS, strict=True))
_CLOSER_TO_OPENER = {c: o for o, c in PAIRS.items()}
#: Where a sentence ends.
TERMINATORS = "。！？；"
#: Punctuation a phrasing may never start with.
_LEADING_BAD = set("，。、；：！？”’）》】〕」』…—·,.;:!?)]}%")
#: Characters that cannot start a sentence or clause (they bind to the word before).
_DANGLING = set("的了地得着过吗呢吧啊嘛之和与及或等并")
#: Words starting with a dangling character that are fine at the start of a sentence.
_DANGLING_OK = (
    "与此同时",
    "与会",
    "之所以",
    "和谐",
    "等到",
    "地方",
    "地区",
    "地处",
    "得益于",
    "得到",
    "着力",
    "着眼",
    "着重",
    "着手",
    "过去",
    "过程",
    "及时",
    "或者",
    "的确",
    "了解",
    "并列",
    "并行",
    "并重",
)
_HALF_TO_FULL = {",": "，", ";": "；", "?": "？", "!": "！", ":": "："}

#: Words that betray web boilerplate (download sites, navigation, editorial blurbs).
BOILERPLATE_WORDS = (
    "下载",
    "小编",
    "本站",
    "本网",
    "上一篇",
    "下一篇",
    "相关推荐",
    "免费查看",
    "隐藏内容",
    "格式",
    "上传",
    "手机阅读",
    "阅读全文",
    "点击",
    "登录",
    "注册",
    "评论",
    "收藏",
    "浏览",
    "版权",
    "联系删除",
    "转载",
    "范文",
    "文档",
    "您可能",
    "希望大家",
    "希望对你",
    "仅供参考",
    "可供参考",
    "以资借鉴",
    "推荐阅读",
    "责任编辑",
    "来源：",
    "作者：",
    "首页",
    "网址",
    "扫码",
    "公众号",
    "KB",
    "kb",
    "http",
    "www",
    ".com",
    "^v^",
    "\ufffd",
)
_HALF_PARENS = re.compile(r"\(([^()]*[" + _CJK + r"][^()]*)\)")
_HALF_PUNCT = re.compile(r"[,;?!:]")
_WIDE = f"{_CJK}，。；：、！？“”（）《》【】"
_SPACE_IN_CHINESE = re.compile(
    f"(?<=[{_WIDE}])\\s+(?=[{_WIDE}\\d])|(?<=[{_WIDE}\\d])\\s+(?=[{_WIDE}])"
)
_SPACES = re.compile(r"\s{2,}")
_PAGE_COUNT = re.compile(r"\d+\s*页(?![面码])|页码|共\s*\d+\s*页")


@lru_cache(maxsize=32768)
def normalise_text(text: str) -> str:
    """Full-width punctuation inside Chinese text, repaired quotes, no stray spaces.

    ``,`` ``;`` ``:`` ``?`` ``!`` become ``，；：？！`` when next to a Chinese character (a time such
    as 8:30 keeps its colon); ``(…)`` holding Chinese becomes ``（…）``; straight and 〝〞 quotes
    become “”; spaces between Chinese characters go.
    """
    if not text:
        return text
    text = text.replace("\u00a0", " ").replace("\u3000", " ").strip()
    text = text.replace("〝", "“")
    # 〞 is used as both quotes by some converters: alternate when no 〝/“ pairs them.
    if "〞" in text:
        out: list[str] = []
        open_ = text.count("“") > text.count("”")
        for ch in text:
            if ch == "〞":
                out.append("”" if open_ else "“")
                open_ = not open_
            else:
                if ch == "“":
                    open_ = True
                elif ch == "”":
                    open_ = False
                out.append(ch)
        text = "".join(out)
    if '"' in text:
        parts = text.split('"')
        if len(parts) % 2 == 1:
            text = "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1]))
            text += parts[-1]
    text = _HALF_PARENS.sub(r"（\1）", text)

    def _punct(m: re.Match[str]) -> str:
        ch = m.group(0)
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == ":" and before.isdigit() and after.isdigit():
            return ch
        if ch in ",." and before.isdigit() and after.isdigit():
            return ch
        if _is_cjkish(before) or _is_cjkish(after) or not after:
            return _HALF_TO_FULL[ch]
        return ch

    text = _HALF_PUNCT.sub(_punct, text)
    text = _SPACE_IN_CHINESE.sub("", text)
    return _SPACES.sub(" ", text)


def _is_cjkish(ch: str) -> bool:
    return bool(ch) and (
        bool(_CJK_RE.match(ch)) or ch in OPENERS or ch in CLOSERS or ch in "，。、"
    )


# --------------------------------------------------------------------------------------------
# Splitting


def split_sentences(paragraph: str) -> list[str]:
    """Cut a paragraph into sentences after 。！？；, never inside quotes or brackets.

    Closing quotes/brackets right after the terminator stay with the sentence (…。” ).  When the
    paragraph's brackets do not balance (a stray “), quotes are ignored for cutting so a single
    stray mark spoils one sentence rather than the rest of the paragraph.
    """
    sentences = _split(paragraph, respect_pairs=True)
    if sentences is None:
        sentences = _split(paragraph, respect_pairs=False) or []
    return [s for s in (x.strip() for x in sentences) if s]


def _split(text: str, respect_pairs: bool) -> list[str] | None:
    out: list[str] = []
    stack: list[str] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if respect_pairs:
            if ch in PAIRS:
                stack.append(PAIRS[ch])
            elif ch in _CLOSER_TO_OPENER:
                if stack and stack[-1] == ch:
                    stack.pop()
                elif ch in stack:
                    while stack and stack[-1] != ch:
                        stack.pop()
                    stack.pop()
        if ch == "：" and not stack and _ENUM_AFTER_COLON.match(text, i + 1):
            out.append(text[start : i + 1])
            start = i + 1
            i += 1
            continue
        if ch in TERMINATORS and not stack:
            j = i + 1
            while j < n and (text[j] in TERMINATORS or text[j] in "”’）」』"):
                j += 1
            out.append(text[start:j])
            start = j
            i = j
            continue
        i += 1
    if start < n:
        out.append(text[start:])
    if respect_pairs and stack:
        return None
    return out


_ENUM_AFTER_COLON = re.compile(
    r"[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]是|第[一二三四五六七八九十][，、是]|[（(][一二三四五六七八九十\d][)）]|\d[.、．](?!\d)"
)


def split_clauses(sentence: str) -> list[str]:
    """Cut a sentence at ，；： (outside quotes and brackets); the marks are dropped."""
    out: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in sentence:
        if ch in PAIRS:
            depth += 1
        elif ch in _CLOSER_TO_OPENER and depth:
            depth -= 1
        if ch in "，；：。！？" and depth == 0:
            if cur:
                out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    if cur:
        out.append("".join(cur))
    return [c.strip() for c in out if c.strip()]


_ENUM_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}是[，,：:]?"
    r"|第[一二三四五六七八九十]{1,3}(?:个是|是|[，,、：:])"
    r"|(?:首先|其次|再次|然后|另外|此外)[，,]"
    r"|[（(〔][一二三四五六七八九十\d]{1,3}[)）〕][、.．]?"
    r"|\d{1,2}[.、．](?!\d)"
    r"|[一二三四五六七八九十]{1,3}、"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    r"|[-–•·▪●◆■](?=\s*[\u4e00-\u9fff]))\s*"
)


def strip_enumerator(text: str) -> tuple[str, str]:
    """Split a leading enumerator (一是 / 第一， / 首先， / （1） / 1. / ①) from ``text``."""
    m = _ENUM_RE.match(text)
    if not m:
        return "", text
    return m.group(0), text[m.end() :]


# --------------------------------------------------------------------------------------------
# Cleanliness


def balanced(text: str) -> bool:
    """True when every “”‘’（）《》【】〔〕「」『』 opens and closes in order."""
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif ch in _CLOSER_TO_OPENER:
            if not stack or stack[-1] != ch:
                return False
            stack.pop()
    return not stack


def boilerplate_hits(text: str) -> list[str]:
    """Boilerplate words found in ``text`` (download-site and navigation vocabulary)."""
    hits = [w for w in BOILERPLATE_WORDS if w in text]
    if _PAGE_COUNT.search(text):
        hits.append("页数")
    return hits


def starts_badly(text: str) -> str:
    """Why ``text`` cannot be the start of a sentence or clause ('' when it can)."""
    if not text:
        return "empty"
    first = text[0]
    if first in _LEADING_BAD:
        return f"starts with punctuation {first}"
    if first in _DANGLING and not text.startswith(_DANGLING_OK):
        return f"starts with dangling particle {first}"
    # a single character glued to a number or placeholder: the tail of a cut word (…资金 -> 金xxx万元)
    if _CJK_RE.match(first) and len(text) > 1 and (text[1].isdigit() or text[1] in "xX*＊_"):
        if first not in "共近约超达逾计仅第全每各有约前后上下近余占":
            return "starts with the tail of a cut word"
    return ""


_OPENER_OK = re.compile(
    r"^(?:展望未来|综上所述|总而言之|总的说来|由此可见|实践证明|事实证明|回顾|面对|为了|只有|唯有|因为|由于|虽然|尽管|如果|不仅|既要|一要|二要|三要|"
    r"我|各|全|本|这|该|今天|今后|下面|接下来|然后|于是|而且|并且|同样|特别是|尤其是|总体看|整体上|一直以来|长期以来|"
    r"下一步|下阶段|上半年|下半年|本学期|本年度|年初|年底|年内|近来|最近|"
    r"目前|同时|今年|去年|明年|为此|对此|此外|另外|首先|其次|再次|最后|总之|当前|现在|如今|因此|所以|但是|然而|同志们|"
    r"第[一二三四五六七八九十]|[一二三四五六七八九十]是|近年|近期|一方面|另一方面|通过|按照|根据|依据|围绕|随着|对于|关于|其中|据统计|总体上|总的来看|一年来|多年来|"
    r"[^，]{0,6}(?:以来|期间|方面|之后|之前|以后|以前|之中|当中|过程中|基础上|前提下|背景下|时候|时)$)"
)


def starts_mid_sentence(text: str) -> bool:
    """True for a paragraph that starts in the middle of a sentence (text cut out before it).

    The first clause of such a paragraph is a short fragment (活动，… / 服务供给，…) rather than
    one of the short openers a sentence may start with (目前，/ 同时，/ 一年来，/ 在…中，).
    """
    first = text.split("，", 1)[0]
    if first == text or len(first) > 4:
        return False
    if first.startswith(("在", "为", "对", "从", "由", "经", "据", "自", "当", "截至", "到")):
        return False
    return not _OPENER_OK.match(first)


def problems(text: str, *, need_terminator: bool = True) -> list[str]:
    """Everything that makes ``text`` unfit as a phrasing; empty when it is clean.

    ``need_terminator``: sentences must end with 。！？；： (optionally followed by a closing
    quote/bracket); headings and word runs end at a clause boundary without punctuation.
    """
    out: list[str] = []
    if not text or not text.strip():
        return ["empty"]
    if text != text.strip():
        out.append("surrounding whitespace")
    why = starts_badly(text)
    if why:
        out.append(why)
    if not balanced(text):
        out.append("unbalanced quotes or brackets")
    hits = boilerplate_hits(text)
    if hits:
        out.append("boilerplate: " + ",".join(hits))
    core = text.rstrip("”’）」』】》")
    if need_terminator:
        if not core or core[-1] not in TERMINATORS + "：":
            out.append("does not end at a sentence boundary")
    elif core and core[-1] in "，、（“‘《【":
        out.append("ends inside a clause")
    cjk = len(_CJK_RE.findall(text))
    if cjk < 0.6 * len(text.replace("【", "").replace("】", "")):
        out.append("not Chinese text")
    if re.search(r"[A-Za-z]{2,}", _strip_known_latin(text)):
        out.append("latin fragment")
    if "  " in text or "\n" in text or "\t" in text:
        out.append("layout whitespace")
    if re.search(r"(.)\1{3,}", text):
        out.append("repeated character")
    if re.search(r"[，、；：。][，、；：。]|[.．][，。、；]|[，、][.．]", text):
        out.append("punctuation clash")
    if re.search(r"《【[^】]*】》", text):
        out.append("a title that is only a slot")
    if _RUN_IN_FIRST.search(text) and not _RUN_IN_NEXT.search(text):
        out.append("cut in the middle of an enumeration")
    if _FOOTNOTE.search(text):
        out.append("footnote label")
    if _MASKED.search(text):
        out.append("masked or garbled name")
    if need_terminator and _TRUNCATED.search(text):
        out.append("truncated sentence")
    if need_terminator and _NEEDS_BEFORE.match(text):
        out.append("needs the sentence before it")
    if need_terminator and purpose_only(text):
        out.append("a purpose clause without a main clause")
    if only_slots(text):
        out.append("only slots")
    return out


#: A footnote or reference label: ［1］, [2], 〔注1〕, superscript digits.
_FOOTNOTE = re.compile(r"[［\[]\s*\d{1,3}\s*[］\]]|〔注\d*〕|[¹²³⁴⁵⁶⁷⁸⁹⁰]|①$")
#: What a site's censoring leaves: a leader's title repeated (书记总书记), a blank where a name was
#: masked (考察【待填】, 【待填】总书记), a fixed formula with its name cut out.
_MASKED = re.compile(
    r"(?:书记|主席|总理|委员长)(?:总书记|书记|主席)"
    r"|(?:考察|视察|指示|批示|总书记|书记|主席|同志|以)【待填】"
    r"|^【待填】|【待填】(?:总书记|书记|主席|同志|重要|对|高度|关于|强调|指出|提出|的重要)"
    r"|(?<!习近平)(?<!习近平同志)新时代中国特色社会主义思想"
    r"|(?<![习近平])总书记关于"
)
#: A sentence that stops in the middle (…的。 / …和。 / …、。).
_TRUNCATED = re.compile(r"(?:[的和与及或、]|等等?的)[。！？；]$")


#: A sentence that leans on the one before it: a pronoun for someone named there (他们强调…), or
#: a continuation (就是要…, 而…, 则…, 其…) — a writer cannot use it on its own.
_NEEDS_BEFORE = re.compile(
    r"^(?:就是要?|他们|她们|它们|他(?![人山])|她|而(?![且言])|则|其(?![中次他余实]))"
)
#: A sentence that opens with its purpose (为…， / …在即，为…，) …
_PURPOSE_START = re.compile(r"^(?:[^，。；]{0,16}，)?为了?(?![止此主人期民何])")
#: … and what makes it a whole sentence: a completed action, a decision or announcement …
_MAIN_ANYWHERE = re.compile(
    r"(?<![为除])了(?!解)|而(?:努力|奋斗)|现将|现就|现结合|特制定|特此|经研究|同意|决定|如下|印发|通知"
    # 为 naming who benefits (为新教师配备…, 为学生搭建舞台): no purpose clause at all
    r"|为[^，。]{1,24}(?:提供|搭建|创造|奠定|营造|打下|配备|挂牌|成立|作出|做出|服务|铺路|助力)"
)
#: … or a clause with its own subject or a main verb after the purpose.
_MAIN_CLAUSE = re.compile(
    r"，(?:现|特|经|请|我们|我[校局区县市镇乡园部]|学校|各|全[区县市镇乡校省国]|本[校园局学年]"
    r"|[区县市镇乡]?政府|教育局|要|将|把|已|结合|根据|按照|依据|坚持|始终|制定|同时|并)"
    # a clause whose subject is an office or a school (…，【地区】教育局多措并举…)
    r"|，(?!确保|保证|保障|提高|提升|促进|推动|维护|加强|做好|实现|让|使)[^，。]{0,8}"
    r"(?:教育局|教育厅|教体局|政府|委员会|关工委|学校|幼儿园|中心|我校|我局)"
)


def purpose_only(text: str) -> bool:
    """True for a sentence that states only a purpose (为了解…现状，提高…质量。): the main
    clause it introduced was cut off or never written."""
    return bool(
        text.endswith("。")
        and _PURPOSE_START.match(text)
        and not _MAIN_ANYWHERE.search(text)
        and not _MAIN_CLAUSE.search(text)
    )


#: A run-in enumeration started after a lead-in clause (…同时，一是…) …
_RUN_IN_FIRST = re.compile(r"[，：；]\s*(?:一是|其一[，是]|第一[，、是])")
#: … and its continuation; without one the sentence was cut after the first item.
_RUN_IN_NEXT = re.compile(r"二是|其二|第二|其次|再次")


def _strip_known_latin(text: str) -> str:
    return re.sub(r"(?i)\b(?:PPT|APP|AI|STEM|STEAM|PM|GDP|QQ|CEO|VR|AR|5G|IT|App)\b", "", text)


# --------------------------------------------------------------------------------------------
# 常用词组


def find_word_runs(sentence: str) -> list[str]:
    """Lists of parallel set phrases that make up a whole clause: 听从指挥、齐心协力、尽职尽责.

    Items must all be Chinese and of the same length: four characters (two or more items) or
    three characters (three or more items, 高标准、高质量、全方位).
    """
    runs: list[str] = []
    for clause in split_clauses(sentence):
        if "、" not in clause:
            continue
        items = clause.split("、")
        lengths = {len(it) for it in items}
        if len(lengths) != 1:
            continue
        size = lengths.pop()
        if not all(re.fullmatch(f"[{_CJK}]+", it) for it in items):
            continue
        if len(set(items)) != len(items):
            continue
        if (size == 4 and 2 <= len(items) <= 8) or (size == 3 and 3 <= len(items) <= 8):
            if not any(
                it[0] in _DANGLING
                or it[-1] in "的了和与及或"
                or _OPENER_OK.match(it)
                or _DATE_OR_COUNT.search(it)
                for it in items
            ):
                runs.append("、".join(items))
    # consecutive four-character clauses: 凝心聚力，鼓劲加油
    clauses = split_clauses(sentence)
    seq: list[str] = []
    for clause in [*clauses, ""]:
        if _is_set_phrase(clause):
            seq.append(clause)
            continue
        if 2 <= len(seq) <= 6 and len(set(seq)) == len(seq):
            runs.append("，".join(seq))
        seq = []
    return runs


#: A date or a count written in Chinese numerals (正月十二, 十三报名, 三月五日): not a set phrase.
_DATE_OR_COUNT = re.compile(
    r"[一二三四五六七八九十百千两]{2}|[正腊一二三四五六七八九十]月|[一二三四五六七八九十]+[日号]"
)


def _is_set_phrase(clause: str) -> bool:
    """A four-character clause that reads like a set phrase (no particles, not a connective)."""
    if len(clause) != 4 or not re.fullmatch(f"[{_CJK}]{{4}}", clause):
        return False
    if _DATE_OR_COUNT.search(clause):
        return False
    if any(ch in "的了和与及在是为我你他她这那其之着过吗呢吧" for ch in clause):
        return False
    return not _OPENER_OK.match(clause)
