"""Reusable phrasings: splitting, cleanliness checks, function classification, slots, scores.

The pieces here are pure functions over strings; :mod:`eduwriter.core.extract` walks the
imported documents and uses them to build :class:`~eduwriter.core.items.Phrasing` items.

* :func:`normalise_text` turns half-width punctuation inside Chinese text into full-width and
  repairs conversion artefacts (〝〞 quotes, stray spaces).
* :func:`split_sentences` cuts a paragraph after 。！？； (never inside quotes or brackets, and
  never in the middle of a word, because it only cuts after punctuation).
* :func:`problems` lists why a candidate is not clean (boilerplate, unbalanced brackets, cut
  word, dangling particle, …); a phrasing is kept only when the list is empty.
* :func:`classify_sentence` gives a function (开头, 过渡, 结尾, 措施, 成效, 问题, 打算) from the
  position in the document, the role of its section and cue words.
* :func:`find_word_runs` finds 常用词组 (听从指挥、齐心协力、尽职尽责).
* :func:`heading_family` finds the shared pattern of parallel headings
  (以“德”为先，铸造品格之魂 / 以“智”为基，夯实学业之本 -> 以“【】”为…，…之…).
* :func:`specifics_to_slots` replaces placeholders and specifics (years, dates, counts, places,
  schools) by typed slots 【年份】【日期】【数量】【地区】【单位】.
* :func:`reuse_score` rates how reusable a phrasing is.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections.abc import Collection

# --------------------------------------------------------------------------------------------
# Characters and normalisation

_CJK = "\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{_CJK}]")
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
_PAGE_COUNT = re.compile(r"\d+\s*页(?![面码])|页码|共\s*\d+\s*页")


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
    text = re.sub(r"\(([^()]*[" + _CJK + r"][^()]*)\)", r"（\1）", text)

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

    text = re.sub(r"[,;?!:]", _punct, text)
    wide = f"{_CJK}，。；：、！？“”（）《》【】"
    text = re.sub(f"(?<=[{wide}])\\s+(?=[{wide}\\d])|(?<=[{wide}\\d])\\s+(?=[{wide}])", "", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text


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
    r"|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
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
    return out


#: A run-in enumeration started after a lead-in clause (…同时，一是…) …
_RUN_IN_FIRST = re.compile(r"[，：；]\s*(?:一是|其一[，是]|第一[，、是])")
#: … and its continuation; without one the sentence was cut after the first item.
_RUN_IN_NEXT = re.compile(r"二是|其二|第二|其次|再次")


def _strip_known_latin(text: str) -> str:
    return re.sub(r"(?i)\b(?:PPT|APP|AI|STEM|STEAM|PM|GDP|QQ|CEO|VR|AR|5G|IT|App)\b", "", text)


# --------------------------------------------------------------------------------------------
# Functions of sentences

_OPENING_RE = re.compile(
    r"^(?:为(?:了)?(?:全面|深入|进一步|认真|切实|更好|扎实|加快|持续|积极|推动|贯彻|落实|做好|加强|提高|促进|深化|确保)"
    r"|根据|按照|依据|遵照|为贯彻|为落实|以[^，。]{2,40}为指导|在[^，。]{2,30}(?:领导下|指导下|关心下|支持下)"
    r"|今天，?我们|同志们|各位|尊敬的|过去的一年|回顾|[^，。]{0,10}以来，)"
)
_OPENING_END_RE = re.compile(
    r"(?:制定|制订|拟定|拟订)[^。，；]{0,20}(?:计划|方案|意见|办法|细则|规划|举措)[。！]?$"
)
_TRANSITION_RE = re.compile(
    r"(?:如下[：。]?$|总结如下|汇报如下|报告如下|安排如下|意见如下|通知如下|具体如下"
    r"|以下(?:几|[一二三四五六七八九十两]+)(?:个)?方面|(?:讲|谈)(?:几|[一二三四五六七八九十两]+)点"
    r"|下面，|现将|^下面|^接下来|^一是要|^为此，|^对此，|^基于此|^具体来说|^总体来看|^主要做法|主要从以下)"
)
_CLOSING_RE = re.compile(
    r"^(?:总之|总而言之|综上|展望|最后|同志们|让我们|我们相信|相信|新的一年|新的征程|新征程|新学期|今后，|在今后)"
    r"|(?:努力奋斗|而努力|而奋斗|再创佳绩|再创辉煌|新的更大|新的贡献|贡献力量|作出(?:新的|更大)|谱写|新篇章|开创[^。]{0,10}新局面)"
)
#: Openings that close a text wherever they stand (让我们…, 总之…).
_CLOSING_START_RE = re.compile(
    r"(?:让我们|总之|总而言之|综上所述|展望未来|展望新的一年|同志们，让我们)"
)
_PROBLEM_RE = re.compile(
    r"(?:不足(?![\d【一二两三四五六七八九十百千万半常])|存在的问题|存在问题|问题和短板|短板|薄弱环节|有待(?:进一步)?(?:提高|加强|完善|提升)|仍需|尚需|还需|不够|不到位|不平衡|不充分|滞后|差距|欠缺|困难和问题|较为突出|亟待|不强|不高|偏低|偏少|不足之处"
    r"|紧张|缺口|失衡|短缺|匮乏|缺乏|不均衡|不规范|不完善|不健全|不明显|落后|隐患|压力较大|任务繁重|参差不齐"
    r"|薄弱(?!学校|校|地区|学科|环节)|问题(?:依然|仍然|仍|还)存在)"
)
_PLAN_RE = re.compile(
    r"(?:下一步|今后|明年|新学年|新的一年|下半年|将继续|将进一步|将着力|将加快|将全面|将持续|将重点|将以|我们将|力争|计划于|拟于|着手|下阶段|下一阶段)"
)
#: Verbs that turn a problem word into a task (破解…问题, 补齐短板): a measure, not a problem.
_SOLVING_RE = re.compile(
    r"(?:破解|解决|弥补|补齐|化解|克服|破除|针对|问题导向|防止|杜绝|避免|整改)"
)
_PLAN_STRONG_RE = re.compile(r"^(?:下一步|今后|下阶段|下一阶段|明年|新的一年)|我们将|将继续")
_RESULT_RE = re.compile(
    r"(?:取得了|取得[^。]{0,6}(?:成效|成绩|进展|突破)|成效显著|显著提升|明显提升|明显改善|稳步提升|得到[^。]{0,10}(?:认可|肯定|好评|表彰)"
    r"|荣获|获评|被评为|被认定为|被命名为|实现了|完成了|达到|覆盖率|合格率|优秀率|满意度|累计|共计|圆满完成|位居|居全[省市县区]|名列)"
)
_MEASURE_START_RE = re.compile(
    r"^(?:要|必须|继续|坚持|坚决|加强|加快|加大|完善|健全|建立|构建|推进|推动|深化|深入|强化|落实|严格|扎实|切实|全面|持续|积极|着力|大力|不断|进一步|认真|做好|抓好|开展|实施|推行|优化|提升|提高|创新|探索|统筹|规范|建设|打造|实行|组织|指导|鼓励|支持|引导|确保|保障|保证|狠抓|聚焦|围绕|以)"
)
_PAST_RE = re.compile(r"(?:(?<![为除])了(?!解)|已|已经|先后|相继|累计|共(?:有|计|【|\d)|均已|顺利)")

#: Section roles -> the function a plain sentence under that role gets.
ROLE_FUNCTION = {
    "开头": "开头",
    "指导思想": "措施",
    "基本原则": "措施",
    "工作目标": "打算",
    "主要任务": "措施",
    "实施步骤": "措施",
    "保障措施": "措施",
    "工作要求": "措施",
    "主要成绩": "成效",
    "存在问题": "问题",
    "下一步打算": "打算",
    "结尾": "结尾",
}


#: A sentence announcing a list of problems (存在以下问题： / 主要表现在：).
_PROBLEM_LEAD_RE = re.compile(
    r"(?:问题|不足|困难|短板|差距)[^。]{0,12}(?:：|主要(?:表现|体现)在)|(?:存在|面临)(?:以下|如下|一些|不少)"
)


#: A definition or rule (代课数：替人代上的课为代课…): not a problem statement.
_DEFINITION_RE = re.compile(r"^[^，。；：]{1,15}：[^。；]{0,40}?(?:为|是指|指的是)")


def is_problem_statement(text: str) -> bool:
    """True when ``text`` states a shortcoming (资源依然紧张, 有待提高) rather than a task."""
    return (
        bool(_PROBLEM_RE.search(text))
        and not _SOLVING_RE.search(text)
        and not _DEFINITION_RE.search(text)
    )


def announces_problems(text: str) -> bool:
    """True for a lead-in to a list of problems (存在的问题主要有： / 工作中还存在一些不足：)."""
    if _SOLVING_RE.search(text):
        return False
    if text.endswith("：") and re.search(r"问题|困难|不足|挑战|短板|差距|面临|存在", text):
        return True
    return bool(_PROBLEM_LEAD_RE.search(text))


def classify_sentence(
    text: str,
    *,
    role: str,
    genre: str,
    doc_first: bool = False,
    in_preamble: bool = False,
    doc_last: bool = False,
    section_first: bool = False,
) -> tuple[str, bool]:
    """Return ``(function, strong)`` for a body sentence.

    ``strong`` is True when a cue word (not just the section role or genre) decided it.
    ``role`` is the role of the enclosing section ('开头' for text before the first heading);
    ``doc_first``/``in_preamble``/``doc_last`` give the position in the document.
    """
    if _TRANSITION_RE.search(text) and text.endswith(("：", "。", "；")) and len(text) <= 70:
        if text.endswith("：") or "如下" in text or "点意见" in text or "方面" in text:
            return "过渡", True
    if (doc_first or in_preamble) and (_OPENING_RE.search(text) or _OPENING_END_RE.search(text)):
        return "开头", True
    if doc_last and _CLOSING_RE.search(text):
        return "结尾", True
    if _CLOSING_START_RE.match(text):
        return "结尾", True
    if role == "存在问题" and not _SOLVING_RE.search(text):
        return "问题", False
    if role == "下一步打算":
        return "打算", False
    if role not in ("主要任务", "保障措施", "工作目标", "指导思想") and is_problem_statement(text):
        if re.search(r"(?:存在|仍|还|尚|依然|仍然|一些|(?<![过余大])部分|个别|但)", text):
            return "问题", True
    if genre == "summary" and _PLAN_RE.search(text):
        if role not in ("主要成绩",) or _PLAN_STRONG_RE.search(text):
            return "打算", True
    if doc_first:
        return "开头", False
    if doc_last and re.search(r"(?:努力|奋斗|贡献|开创|谱写|迈进|前进)", text):
        return "结尾", False
    if role == "指导思想" and _OPENING_RE.search(text):
        return "开头", False
    if role in ("主要成绩", "开头") or (role not in ROLE_FUNCTION and genre == "summary"):
        if _RESULT_RE.search(text):
            return "成效", True
        if genre == "summary" and _PAST_RE.search(text) and not _MEASURE_START_RE.search(text):
            return "成效", False
        return "措施", bool(_MEASURE_START_RE.search(text))
    fixed = ROLE_FUNCTION.get(role)
    if fixed:
        return fixed, False
    if _RESULT_RE.search(text) and _PAST_RE.search(text):
        return "成效", True
    return "措施", bool(_MEASURE_START_RE.search(text))


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
                it[0] in _DANGLING or it[-1] in "的了和与及或" or _OPENER_OK.match(it)
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


def _is_set_phrase(clause: str) -> bool:
    """A four-character clause that reads like a set phrase (no particles, not a connective)."""
    if len(clause) != 4 or not re.fullmatch(f"[{_CJK}]{{4}}", clause):
        return False
    if any(ch in "的了和与及在是为我你他她这那其之着过吗呢吧" for ch in clause):
        return False
    return not _OPENER_OK.match(clause)


# --------------------------------------------------------------------------------------------
# Heading families


def _lcs(a: str, b: str) -> str:
    """Longest common subsequence of two short strings."""
    if not a or not b:
        return ""
    prev = [""] * (len(b) + 1)
    for ca in a:
        cur = [""]
        for j, cb in enumerate(b):
            if ca == cb:
                cur.append(prev[j] + ca)
            else:
                cur.append(cur[j] if len(cur[j]) >= len(prev[j + 1]) else prev[j + 1])
        prev = cur
    return prev[-1]


def _pattern_for(first: str, common: str) -> tuple[str, int]:
    """Write ``first`` with the characters outside ``common`` replaced by …/【】; longest kept run."""
    out: list[str] = []
    k = 0
    gap = False
    run = best = 0
    for ch in first:
        if k < len(common) and ch == common[k]:
            if gap:
                out.append("【】" if out and out[-1] in OPENERS else "…")
                gap = False
            out.append(ch)
            k += 1
            if ch in OPENERS or ch in CLOSERS:
                run = 0
            else:
                run += 1
                best = max(best, run)
        else:
            gap = True
            run = 0
    if gap:
        out.append("…")
    return "".join(out), best


_MAX_FAMILY = 40
#: Words too common to make headings one family on their own.
_GENERIC_WORDS = {
    "工作",
    "建设",
    "发展",
    "教育",
    "管理",
    "学校",
    "学生",
    "教师",
    "活动",
    "质量",
    "水平",
}
_MAX_FAMILY_HEADING = 40


def heading_family(headings: list[str]) -> str:
    """The shared pattern of parallel headings, or '' when they are not one family.

    ``以“德”为先，铸造品格之魂`` and ``以“智”为基，夯实学业之本`` give ``以“【字】”为【…】，【…】之【…】``
    (【字】: a differing quoted character, 【…】: other differing parts).
    Headings must have the same number of clauses and share a run of at least two characters
    (or a quoted slot) besides punctuation.
    """
    texts = [h.strip().rstrip("。；;，,：:") for h in headings]
    texts = [t for t in texts if t]
    if len(texts) < 2 or len(set(texts)) < len(texts):
        return ""
    if len(texts) > _MAX_FAMILY or any(len(t) > _MAX_FAMILY_HEADING for t in texts):
        return ""
    clause_lists = [re.split(r"[，,]", t) for t in texts]
    if len({len(c) for c in clause_lists}) != 1 or len(clause_lists[0]) > 3:
        return ""
    parts: list[str] = []
    shared = 0
    best_run = 0
    for pos in range(len(clause_lists[0])):
        column = [c[pos] for c in clause_lists]
        common = column[0]
        for other in column[1:]:
            common = _lcs(common, other)
        pattern, run = _pattern_for(column[0], common)
        if not pattern.strip("…"):
            pattern = "…"
        parts.append(pattern)
        shared += sum(1 for ch in common if ch not in OPENERS and ch not in CLOSERS)
        best_run = max(best_run, run)
    pattern = "，".join(parts)
    avg = sum(len(t) for t in texts) / len(texts)
    has_quote_slot = "【】" in pattern
    if "…" not in pattern and not has_quote_slot:
        return ""
    fixed = [seg for seg in re.split(r"…|【】|，", pattern) if seg.strip("“”‘’（）《》")]
    prefix = len(re.split(r"…|【】", pattern)[0].strip("“‘（《"))
    ratio = shared / avg
    words = sum(len(seg) for seg in fixed if len(seg.strip("“”‘’（）《》")) >= 2)
    if has_quote_slot:
        ok = shared >= 2
    elif prefix >= 2:
        ok = ratio >= 0.1 or len(texts) >= 3
    else:
        ok = best_run >= 2 and len(fixed) >= 2 and words >= 4 and ratio >= 0.2
        if not ok and len(texts) >= 3 and len(parts) >= 2 and fixed:
            # paired headings sharing a structural word: 健全机制，自身建设不断加强 / 加强学习，素质水平不断提升
            longest = max((seg.strip("“”‘’（）《》") for seg in fixed), key=len)
            ok = len(longest) >= 2 and longest not in _GENERIC_WORDS
    if len(texts) == 2 and not has_quote_slot:
        ok = ok and ratio >= 0.3
    if not ok:
        return ""
    return pattern.replace("【】", "【字】").replace("…", "【…】")


# --------------------------------------------------------------------------------------------
# Slots

_UNIT = "年月日号届周区市省县镇乡村户名个所人次篇幅期场批班节项校条堂轮家元万千余多%"
_PH = r"(?<![A-Za-z])(?:\d{0,3}[Xx]+|_{2,}|[*＊]+)(?![A-Za-z])"
_SLOT_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), kind, keep)
    for p, kind, keep in (
        # placeholders
        (r"〔\s*(?:\d{0,4}[Xx]+|\d{4})\s*〕\s*(?:\d+|[Xx]+)\s*号", "文号", ""),
        (r"(?<![\d.])(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?", "日期", ""),
        (r"(?<![A-Za-z])(?:\d{1,2}|[Xx]{1,2})月(?:\d{1,2}|[Xx]{1,2})日", "日期", ""),
        (r"(?<![A-Za-z\d])(?:20|19)(?:[Xx]{2}|\d[Xx]|__)年", "年份", "年"),
        (
            r"(?<![A-Za-z])[Xx×]+(?:省|市|区|县|镇|乡|村)(?:[Xx×]+(?:省|市|区|县|镇|乡|村))*",
            "地区",
            "",
        ),
        (r"(?<![A-Za-z])[Xx×]{2,}(?:小学|中学|学校|幼儿园|大学|学院|教育局|局)", "单位", ""),
        (
            f"(?<![{_CJK}])[{_CJK}]{{2,4}}(?:路|街)(?:第[一二三四五六七八九十]+|实验|中心)?(?:小学|中学|幼儿园|学校)",
            "单位",
            "",
        ),
        (r"(?<![\d.])\d{1,2}中(?=[、，。和与])", "单位", ""),
        (r"(?<![A-Za-z])[Xx]{2,4}年", "年份", "年"),
        (r"(?<![A-Za-z])[Xx]{1,2}月(?:份)?(?![Xx\d])", "日期", ""),
        (_PH + r"(?=[名个所人次篇幅期场批班节项条堂轮家元万千余多%])", "数量", ""),
        (_PH + r"(?=[年月日号届周])", "数量", ""),
        (r"_{2,}", "待填", ""),
        # specifics a writer must replace
        (r"(?<![\d.])(?:19|20)\d{2}(?:—|-|－|~|至)(?:19|20)?\d{2}(?=学年|年)", "年份", ""),
        (r"(?<![\d.])(?:19|20)\d{2}(?=年|学年|年度|届)", "年份", ""),
        # two-digit years: 09年 (a count is not written with a leading zero), 12年3月, 自15年
        (r"(?<![\d.])0\d(?=年(?!级|龄|代|限|纪))", "年份", ""),
        (
            r"(?<![\d.])[1-9]\d(?=年(?:\d{1,2}月|度|初|底|末|春|秋|上半年|下半年|暑假|寒假))"
            r"|(?<=[自从于至])[1-9]\d(?=年(?!来|间|多|左右|以上|以下))",
            "年份",
            "",
        ),
        (r"(?<![\d.])\d{1,2}月\d{1,2}日", "日期", ""),
        (
            r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?=\s*(?:%|％|余|多|万|亿|千|百|名|个|所|人|次|篇|幅|期|场|批|班|节|项|条|堂|轮|家|元|户|间|台|套|册|本|平方米|米|公里|小时|天|课时|学时|分|周年|届|年))",
            "数量",
            "",
        ),
        (r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?=[%％])", "数量", ""),
        # any placeholder left (XX, ***, ___ without a unit; a single _ as in 赴_支教)
        (r"(?<![A-Za-z])(?:[Xx×]{2,}|[*＊]+|_{2,})(?![A-Za-z])", "待填", ""),
        (r"(?<![A-Za-z\d_])_(?![A-Za-z\d_])", "待填", ""),
    )
)

_PLACE_RE = re.compile(
    f"(?<![{_CJK}])([{_CJK}]{{2,3}})(省|市|县|区)(?=教育局|教育厅|教体局|教育和体育局|人民政府|委员会|第[一二三四五六七八九十\\d]+(?:中学|小学)|实验(?:中学|小学|学校))"
)
_NOT_PLACE = set("全本各我该城社校园片辖景灾疫新老一二三四五六七八九十两每整省市县区乡镇村")


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶贺顾毛郝龚邵钱严覃武戴莫孔汤盛"
_PERSON_RE = re.compile(
    f"(?<![{_CJK}])([{_SURNAMES}][{_CJK}]{{0,2}}?)(?=副?(?:书记|市长|县长|区长|局长|校长|厅长|省长|部长|主任|同志|巡视员|调研员|处长|科长|院长|老师)(?![{_CJK}]{{0,1}}们))"
    f"|(?<=[学习向和与及、厅局])([{_SURNAMES}][{_CJK}]{{0,2}}?)(?=副?(?:书记|市长|县长|区长|局长|校长|厅长|省长|部长|巡视员|调研员))"
)
_LEARN_PLACE_RE = re.compile(
    f"(?<![{_CJK}])([{_CJK}]{{2}})(?:省|市|县|区)"
    r"(?=第[一二三四五六七八九十\d]+|教育|人民|委|政府|实验|中学|小学|幼儿园|劳动模范|优秀|首批|重点|[，。、；：）》])"
)
_NOT_PLACE_NAMES = {
    "城市",
    "都市",
    "超市",
    "上市",
    "门市",
    "开发",
    "高新",
    "示范",
    "试验",
    "实验",
    "新城",
    "老城",
    "城乡",
    "社区",
    "校区",
    "园区",
    "片区",
    "学区",
    "山区",
    "灾区",
    "景区",
    "市区",
    "县区",
    "城区",
    "辖区",
    "地区",
    "郊区",
    "湾区",
    "省市",
    "各省",
    "全省",
    "全市",
    "全县",
    "全区",
    "本市",
    "本县",
    "本区",
    "我市",
    "我县",
    "我区",
    "我省",
    "该市",
    "该县",
    "各市",
    "各县",
    "各区",
    "疫区",
    "牧区",
    "林区",
    "矿区",
    "街区",
    "厂区",
    "营区",
    "小区",
    "考区",
    "选区",
    "保护",
    "自治",
    "行政",
    "特区",
}


#: Characters that start verbs and function words, not place names (按照市…, 做好区…).
_NOT_PLACE_FIRST = set(
    "按围根完协做抓列迎精居为是在对并个篇依遵结通经加推到由向从赴获把将被让使请要以与和及或等如"
)


def learn_places(text: str) -> set[str]:
    """Place names a document names with a suffix (绍兴市第一中学, 合肥市教育局 -> 绍兴, 合肥).

    The bare name can then be replaced everywhere in that document (绍兴教育 -> 【地区】教育).
    """
    names = set()
    for m in _LEARN_PLACE_RE.finditer(text):
        name = m.group(1)
        if name in _NOT_PLACE_NAMES or name[0] in _NOT_PLACE or name[0] in _NOT_PLACE_FIRST:
            continue
        if name[-1] in "的了和与及在是为全各本该":
            continue
        names.add(name)
    return names


_SLOT_HINT = re.compile(r"[\dXx×*＊_]|路|街")


@functools.lru_cache(maxsize=16)
def _places_re(places: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(p) for p in places), key=len, reverse=True))
    return re.compile(f"(?:{alternatives})(?:省|市|县|区)?")


def specifics_to_slots(text: str, places: Collection[str] = ()) -> tuple[str, list[str]]:
    """Replace placeholders (20XX年, X月X日, XX区, XXX名, ＊万, 〔X〕X号, ___) and specifics
    (2022年, 3月5日, 36915人, 95%, 马卫光书记) by typed slots 【年份】【日期】【地区】【单位】
    【数量】【文号】【姓名】.  ``places``: names learnt from the document (:func:`learn_places`),
    replaced wherever they occur.

    Returns the new text and the slot kinds in order.  A unit after a count or a year stays in
    the text (【数量】名, 【年份】年) so the writer types only the number.
    """
    kinds: list[str] = []
    rules = _SLOT_RULES if _SLOT_HINT.search(text) else ()
    for pattern, kind, keep in rules:
        if not pattern.search(text):
            continue

        def _sub(m: re.Match[str], kind: str = kind, keep: str = keep) -> str:
            kinds.append(kind)
            return f"【{kind}】{keep}"

        text = pattern.sub(_sub, text)

    def _place(m: re.Match[str]) -> str:
        name = m.group(1)
        if name[0] in _NOT_PLACE or "【" in name:
            return m.group(0)
        kinds.append("地区")
        return "【地区】"

    text = _PLACE_RE.sub(_place, text)
    if places:
        text = _places_re(frozenset(places)).sub("【地区】", text)

    def _person(m: re.Match[str]) -> str:
        kinds.append("姓名")
        return "【姓名】"

    text = _PERSON_RE.sub(_person, text)
    text = re.sub(r"【(地区|单位)】(?:【\1】)+", r"【\1】", text)
    return text, slot_kinds(text)


def slot_kinds(text: str) -> list[str]:
    """Slot kinds written in ``text`` as 【kind】, in order."""
    return re.findall(r"【([^【】]{1,4})】", text)


# --------------------------------------------------------------------------------------------
# Scores and ids

FORMULA_WORDS = (
    "贯彻",
    "落实",
    "坚持",
    "深入",
    "扎实",
    "切实",
    "全面",
    "进一步",
    "着力",
    "持续",
    "不断",
    "积极",
    "推进",
    "推动",
    "加强",
    "完善",
    "健全",
    "构建",
    "提升",
    "提高",
    "确保",
    "强化",
    "深化",
    "统筹",
    "机制",
    "体系",
    "高质量",
    "立德树人",
    "为指导",
    "为根本",
    "为目标",
    "为抓手",
    "为重点",
    "为核心",
    "为载体",
    "为契机",
    "围绕",
    "聚焦",
    "紧扣",
    "始终",
    "牢固树立",
    "营造",
    "形成",
    "合力",
    "氛围",
    "长效",
    "常态化",
    "规范化",
    "制度化",
    "实效",
    "成效",
    "显著",
    "有序",
    "有效",
    "稳步",
    "新时代",
    "教育方针",
    "人民满意",
    "结合",
    "实际",
    "根据",
    "按照",
    "要求",
    "部署",
    "工作",
    "水平",
    "质量",
    "能力",
    "建设",
    "发展",
    "保障",
    "重点",
    "全力",
    "大力",
    "努力",
    "认真",
    "充分发挥",
    "作用",
    "引领",
    "示范",
)
#: Wording typical of one function (a problem statement is formulaic in its own way).
_FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "问题": (
        "存在",
        "仍然",
        "依然",
        "不足",
        "薄弱",
        "有待",
        "差距",
        "短板",
        "不够",
        "不到位",
        "滞后",
        "部分",
        "个别",
    ),
    "打算": ("下一步", "将", "继续", "力争", "进一步", "着力", "今后"),
    "成效": ("取得", "显著", "明显", "稳步", "实现", "圆满", "荣获", "获评"),
    "结尾": ("总之", "展望", "努力奋斗", "贡献", "新篇章", "再创"),
    "过渡": ("如下", "以下", "几点", "方面"),
}
_CASUAL_RE = re.compile(r"(?:你|咱|吧|呗|啦|哈|呀|哦|嘛|觉得|其实|也许|或许|真的|好像|感觉)")


def reuse_score(
    text: str, function: str, *, strong: bool = False, genre: str = "", slots: int = 0
) -> float:
    """How reusable a phrasing is, in 0..1 before recurrence is added.

    Formulaic official wording, a sensible length and a clear function score high; chatty
    wording, questions, many specifics and leftover numbers score low.
    """
    body = re.sub(r"【[^】]*】", "甲", text)
    n = len(_CJK_RE.findall(body))
    if function == "常用词组":
        base = 0.55 + 0.05 * min(4, body.count("、"))
        return round(min(1.0, base), 3)
    if function == "标题":
        length = 1.0 if 6 <= n <= 24 else 0.6 if n <= 32 else 0.3
    elif n < 8:
        length = 0.2
    elif n < 12:
        length = 0.6
    elif n <= 60:
        length = 1.0
    elif n <= 90:
        length = 0.7
    else:
        length = 0.4
    hits = sum(1 for w in FORMULA_WORDS if w in text)
    hits += sum(1 for w in _FUNCTION_WORDS.get(function, ()) if w in text)
    formulaic = min(1.0, hits / (2 if function == "标题" else 5))
    score = 0.45 * formulaic + 0.35 * length + (0.15 if strong else 0.05)
    if function in ("开头", "过渡", "结尾") and strong:
        score += 0.1
    score -= 0.06 * slots + (0.15 if slots > 3 else 0)
    if re.search(r"\d", body):
        score -= 0.1
    if "？" in text or "?" in text:
        score -= 0.2
    if _CASUAL_RE.search(text):
        score -= 0.2
    if "……" in text or "…" in text:
        score -= 0.1
    if genre == "article":
        score -= 0.15
    if re.match(r"^(?:如|例如|比如|譬如)", text):
        score -= 0.15  # an example from one place, not a reusable statement
    return round(max(0.0, min(1.0, score)), 3)


def normalised_key(text: str) -> str:
    """The text with punctuation and spaces removed, slots kept: equal keys mean the same phrasing."""
    return re.sub(r"[^\w【】]", "", text).lower()


def stable_id(prefix: str, *parts: str) -> str:
    """A stable id: ``prefix`` + 16 hex digits of SHA-1 over the normalised parts."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{h}"


# --------------------------------------------------------------------------------------------
# Near-duplicates


def _shingles(key: str, k: int = 3) -> set[int]:
    if len(key) <= k:
        return {zlib.crc32(key.encode("utf-8"))}
    return {zlib.crc32(key[i : i + k].encode("utf-8")) for i in range(len(key) - k + 1)}


def near_duplicate_groups(
    keys: list[str], threshold: float = 0.65, sketch: int = 6, max_bucket: int = 300
) -> list[int]:
    """Group near-duplicate texts; returns, for each key, the index of its group's first member.

    Each text is reduced to its character 3-gram shingles; texts are bucketed by their
    ``sketch`` smallest shingle hashes (a bottom-k MinHash sketch), and only texts sharing a
    bucket are compared (Jaccard >= ``threshold``).  Near-duplicates share a low hash with high
    probability, so the work stays close to linear instead of comparing all pairs.
    """
    n = len(keys)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets = [_shingles(k) for k in keys]
    buckets: dict[int, list[int]] = {}
    for i, s in enumerate(sets):
        for h in sorted(s)[:sketch]:
            buckets.setdefault(h, []).append(i)
    compared: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        if len(members) > max_bucket:
            # a very common shingle: compare only texts of similar length (sorted neighbours)
            members = sorted(members, key=lambda i: len(keys[i]))
            pairs = [
                (members[j], members[j + d])
                for j in range(len(members))
                for d in (1, 2, 3)
                if j + d < len(members)
            ]
        else:
            pairs = [(a, b) for x, a in enumerate(members) for b in members[x + 1 :]]
        for a, b in pairs:
            if a > b:
                a, b = b, a
            if (a, b) in compared:
                continue
            compared.add((a, b))
            la, lb = len(keys[a]), len(keys[b])
            if min(la, lb) < 0.75 * max(la, lb):
                continue
            sa, sb = sets[a], sets[b]
            inter = len(sa & sb)
            if inter / (len(sa) + len(sb) - inter) >= threshold:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]
