"""What a sentence does in its document: its phrasing function.

Seventeen functions: the nine of version one (开头, 过渡, 结尾, 标题, 措施, 成效, 问题, 打算, 常用词组)
and eight a writer looks for (表态/号召, 意义/认识, 政策依据, 数据表述, 经验体会, 基本情况, 工作要求,
主持词/称呼).  :func:`classify_sentence` decides in two steps, described in docs/extraction.md:

1. **The frame** (the first nine): position in the document (first / preamble / last), the role of
   the enclosing section (存在问题 → 问题, 下一步打算 → 打算, …) and strong cue words (如下：, 总之,
   存在…不足) give a base function and whether a cue decided it.
2. **Cue features** for the other eight, shipped as data in
   ``resources/dictionaries/function_cues.tsv`` (function, weight, pattern): the weights of the
   cues a sentence matches, plus the section's role (基本情况, 经验体会, 工作要求 sections) and the
   number of figures it states, add up per function; the best function with at least 1.0 wins,
   unless a cue already made the sentence a transition or a problem statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eduwriter.core.section_functions import RETROSPECTIVE_GENRES, ROLE_FUNCTION, role_function
from eduwriter.resources_path import resources_dir

__all__ = [
    "EXTRA_FUNCTIONS",
    "ROLE_FUNCTION",
    "announces_problems",
    "classify_sentence",
    "cue_scores",
    "is_problem_statement",
]

#: The functions decided by cue features (after the frame of the first nine).
EXTRA_FUNCTIONS = (
    "表态/号召",
    "意义/认识",
    "政策依据",
    "数据表述",
    "经验体会",
    "基本情况",
    "工作要求",
    "主持词/称呼",
)


_OPENING_RE = re.compile(
    r"^(?:为(?:了)?(?:全面|深入|进一步|认真|切实|更好|扎实|加快|持续|积极|推动|贯彻|落实|做好|加强|提高|促进|深化|确保)"
    r"|根据|按照|依据|遵照|为贯彻|为落实|以[^，。]{2,40}为(?:指导|指引|引领|统领)|在[^，。]{2,30}(?:领导下|指导下|关心下|支持下)"
    r"|今天，?我们|同志们|各位|尊敬的|过去的一年|回顾|[^，。]{0,10}以来，"
    r"|(?:一年|半年|几年|多年|近年|近几年)来，"
    r"|本(?:计划|方案|规划|意见|办法|细则|总结|报告)(?:旨在|的目的))"
)
#: What makes the first sentence of a document's opening paragraph an opening wherever it stands
#: in it: the leadership it works under (在…领导下 / 关心支持下), the guide it follows (以…为指导),
#: the period it looks back on (一年来 / 【年份】年，), the year's place (开局之年), the purpose or
#: basis it starts from (为… / 根据… / 按照…), a meeting opened (今天，我们召开…).
_OPENING_ANYWHERE_RE = re.compile(
    r"(?:领导下|指导下|关心(?:和|与)?支持下|支持和帮助下|为指导|为统领|为引领|为主线|为目标|为宗旨|围绕"
    r"|以来|一年来|开局之年|关键之年|收官之年|决胜之年|攻坚之年|之年|召开|根据|按照|依据|遵照"
    r"|^(?:【年份】年|【日期】|本学期|上半年|今年|去年)(?:度|以来|[^，。]{0,6})?，)"
)
_OPENING_END_RE = re.compile(
    r"(?:(?:制定|制订|拟定|拟订)[^。，；]{0,20}(?:计划|方案|意见|办法|细则|规划|举措)"
    r"|提出(?:以下|如下)[^。，；]{0,8}(?:意见|措施|要求)|(?:方案|意见|办法)如下)[。！：]?$"
)
#: A lead-in to a list that follows (学校希望同学们在假期做到： / 具体安排是：).
_LIST_LEAD_RE = re.compile(r"^[^。；！？]{4,40}(?:做到|如下|以下|安排|要求|是|有|为)：$")
_TRANSITION_RE = re.compile(
    r"(?:如下[：。]?$|总结如下|汇报如下|报告如下|安排如下|意见如下|通知如下|具体如下"
    r"|以下(?:几|[一二三四五六七八九十两]+)(?:个)?方面"
    r"|(?:讲|谈|强调|提|说)(?:以下)?(?:几|[一二三四五六七八九十两]+)(?:点|个问题|个方面)"
    r"|下面，|现将|^下面|^接下来|^一是要|^为此，|^对此，|^基于此|^具体来说|^总体来看|^主要做法|主要从以下)"
)
_CLOSING_RE = re.compile(
    r"^(?:总之|总而言之|综上|展望|最后|同志们|让我们|我们相信|相信|新的一年|新的征程|新征程|新学期|今后，|在今后)"
    r"|(?:努力奋斗|而努力|而奋斗|再创佳绩|再创辉煌|新的更大|新的贡献|贡献力量|作出(?:新的|更大)|谱写|新篇章|开创[^。]{0,10}新局面)"
)
#: A speaker announcing the points of a talk (我讲三点意见 / 下面我讲三个问题).
_TALK_POINTS = re.compile(
    r"(?:讲|谈|强调|提|说)(?:以下)?(?:几|[一二三四五六七八九十两]+)(?:点|个问题|个方面)"
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
    r"(?:破解|解决|弥补|补齐|化解|克服|破除|针对|问题导向|防止|杜绝|避免|整改"
    # problems as the object of an analysis (分析…存在的问题, 查找不足): a task, not a shortcoming
    r"|(?:分析|研判|查找|排查|梳理|剖析|查摆|正视|反思|提出了?)[^，。；]{0,20}"
    r"(?:问题|不足|短板|差距|困难))"
)
_PLAN_STRONG_RE = re.compile(r"^(?:下一步|今后|下阶段|下一阶段|明年|新的一年)|我们将|将继续")
_RESULT_RE = re.compile(
    r"(?:取得了|取得[^。]{0,6}(?:成效|成绩|进展|突破)|成效显著|显著提升|明显提升|明显改善|稳步提升|得到[^。]{0,10}(?:认可|肯定|好评|表彰)"
    r"|荣获|获评|被评为|被认定为|被命名为|实现了|完成了|达到|覆盖率|合格率|优秀率|满意度|累计|共计|圆满完成|位居|居全[省市县区]|名列"
    r"|已(?:经)?(?:实现|完成|建成|形成|覆盖)|顺利通过|得到[^。]{0,8}(?:提升|提高|改善|加强|认可)"
    # a success or a completed count: 成功立项/入选/创建…, 完成…培训【数量】人次
    r"|成功(?:立项|入选|创建|举办|承办|申报|获批|通过|打造)|完成[^，。；]{0,14}(?:【数量】|\d+(?![\d.]*年)|[xX]{1,4}(?![xX]*年)))"
)
_MEASURE_START_RE = re.compile(
    r"^(?:要|必须|继续|坚持|坚决|加强|加快|加大|完善|健全|建立|构建|推进|推动|深化|深入|强化|落实|严格|扎实|切实|全面|持续|积极|着力|大力|不断|进一步|认真|做好|抓好|开展|实施|推行|优化|提升|提高|创新|探索|统筹|规范|建设|打造|实行|组织|指导|鼓励|支持|引导|确保|保障|保证|狠抓|聚焦|围绕|以)"
)
_PAST_RE = re.compile(r"(?:(?<![为除])了(?!解)|已|已经|先后|相继|累计|共(?:有|计|【|\d)|均已|顺利)")


#: A sentence announcing a list of problems (存在以下问题： / 主要表现在：).
_PROBLEM_LEAD_RE = re.compile(
    r"(?:问题|不足|困难|短板|差距)[^。]{0,12}(?:：|主要(?:表现|体现)在)|(?:存在|面临)(?:以下|如下|一些|不少)"
)


#: A definition or rule (代课数：替人代上的课为代课…): not a problem statement.
_DEFINITION_RE = re.compile(r"^[^，。；：]{1,15}：[^。；]{0,40}?(?:为|是指|指的是)")


#: A later clause stating what the work achieved (…，公共卫生体系补短板全面提速 / …获批准实施).
_OUTCOME_CLAUSE_RE = re.compile(
    r"，[^，。；]{0,16}(?:全面提速|提速|获[^，。；]{0,8}(?:批准|批复|认定)|胜利召开|顺利召开|投入使用|已[^，。；]{1,8})"
    r"|^[^，。]{0,10}以来，"
)
#: A sentence that names the year or term it plans for (【年份】年，… / 本学期，…).
_YEAR_START_RE = re.compile(
    r"^(?:(?:【年份】|\d{4}|[xX]{2,4})年|今年|本学期|本学年|新学期|新学年|新的一年)[^，。]{0,4}，"
)
#: A sentence that opens with a directive (要…, 必须…, 务必…).
_DIRECTIVE_START_RE = re.compile(r"^(?:要|必须|务必|应当?)(?!求)")


#: A sentence that looks back over a period (一年来…, “十五”期间…, 过去几年中…).
_RETROSPECT_RE = re.compile(
    r"^(?:一年来|过去一年|近年来|多年来|[^，。]{0,10}(?:以来|期间|过去几年中?))"
)


def _looks_back(text: str) -> bool:
    """Work done and results reached, whatever the section: a result with a past marker, or a
    retrospective opening with one, and not a task's start (要…, 坚持…)."""
    if _MEASURE_START_RE.match(text) or not _PAST_RE.search(text):
        return False
    return bool(_RESULT_RE.search(text) or _RETROSPECT_RE.match(text))


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


def _frame_function(
    text: str,
    *,
    role: str,
    genre: str,
    doc_first: bool = False,
    in_preamble: bool = False,
    doc_last: bool = False,
    section_first: bool = False,
    in_opening: bool = False,
) -> tuple[str, bool]:
    """Return ``(function, strong)`` for a body sentence.

    ``strong`` is True when a cue word (not just the section role or genre) decided it.
    ``role`` is the role of the enclosing section ('开头' for text before the first heading);
    ``doc_first``/``in_preamble``/``doc_last`` give the position in the document.
    """
    if _TRANSITION_RE.search(text) and text.endswith(("：", "。", "；")) and len(text) <= 70:
        if text.endswith("：") or "如下" in text or "方面" in text or _TALK_POINTS.search(text):
            return "过渡", True
    if (doc_first or in_preamble) and (_OPENING_RE.search(text) or _OPENING_END_RE.search(text)):
        return "开头", True
    if doc_first and genre != "article" and _OPENING_ANYWHERE_RE.search(text):
        return "开头", True
    if doc_last and _CLOSING_RE.search(text):
        return "结尾", True
    if _CLOSING_START_RE.match(text):
        return "结尾", True
    if in_opening and genre != "article" and not is_problem_statement(text):
        # a later sentence of the opening paragraph (这次会议的主要任务是… / 紧紧围绕…)
        return "开头", bool(_OPENING_ANYWHERE_RE.search(text))
    if _LIST_LEAD_RE.match(text) and not announces_problems(text):
        return "过渡", True
    if role == "存在问题" and not _SOLVING_RE.search(text):
        return "问题", False
    if role == "下一步打算":
        return "打算", False
    if role not in ("主要任务", "保障措施", "工作目标", "指导思想") and is_problem_statement(text):
        if re.search(r"(?:存在|仍|还|尚|依然|仍然|一些|(?<![过余大])部分|个别|但)", text):
            return "问题", True
    looks_back = genre in RETROSPECTIVE_GENRES
    if looks_back and _PLAN_RE.search(text):
        if role not in ("主要成绩",) or _PLAN_STRONG_RE.search(text):
            return "打算", True
    if doc_first:
        return "开头", False
    if doc_last and re.search(r"(?:努力|奋斗|贡献|开创|谱写|迈进|前进)", text):
        return "结尾", False
    if role == "指导思想" and (_OPENING_RE.search(text) or _YEAR_START_RE.match(text)):
        return "开头", False
    if genre == "notice" and _DIRECTIVE_START_RE.match(text):
        return "工作要求", True  # a notice's 要…/必须… addresses its recipients
    if role in ("主要成绩", "开头") or (role not in ROLE_FUNCTION and looks_back):
        if _RESULT_RE.search(text):
            return "成效", True
        if looks_back and _PAST_RE.search(text) and not _MEASURE_START_RE.search(text):
            return "成效", False
        if genre == "report" and role == "主要成绩" and _OUTCOME_CLAUSE_RE.search(text):
            return "成效", False  # a work report's review: the work, then what it achieved
        return "措施", bool(_MEASURE_START_RE.search(text))
    if role not in ("存在问题", "下一步打算", "工作目标") and _looks_back(text):
        return "成效", False
    fixed = role_function(role, genre)
    if fixed:
        return fixed, False
    if _RESULT_RE.search(text) and _PAST_RE.search(text):
        return "成效", True
    return "措施", bool(_MEASURE_START_RE.search(text))


# --------------------------------------------------------------------------------------------
# Cue features


@dataclass(frozen=True, slots=True)
class Cue:
    """One line of the cue table: ``pattern`` found in a sentence adds ``weight`` to ``function``."""

    function: str
    weight: float
    pattern: re.Pattern[str]


def parse_cues(text: str) -> tuple[Cue, ...]:
    """Read the cue table (tab-separated FUNCTION, WEIGHT, PATTERN[, NOTE]); bad lines skipped."""
    cues: list[Cue] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] not in EXTRA_FUNCTIONS:
            continue
        try:
            cues.append(Cue(cols[0], float(cols[1]), re.compile(cols[2])))
        except (ValueError, re.error):
            continue
    return tuple(cues)


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The shipped cue table (read once)."""
    try:
        path = resources_dir() / "dictionaries" / "function_cues.tsv"
        return parse_cues(path.read_text(encoding="utf-8-sig"))
    except OSError:
        return ()


#: The role of a section that is itself evidence for a function.
_ROLE_EVIDENCE = {"基本情况": "基本情况", "经验体会": "经验体会", "工作要求": "工作要求"}
#: A figure a writer would replace: a number with a unit, a percentage, a sum, or a placeholder.
_FIGURE = re.compile(
    r"(?:\d+(?:\.\d+)?|[Xx]{1,4}|【(?:数量|百分比|金额)】)\s*(?:%|％|万|亿|元|名|所|人|个|项|次|间|台|套|册|家|户|班)"
    r"|【(?:百分比|金额)】|\d+(?:\.\d+)?\s*[%％]"
)


def cue_scores(text: str, *, role: str = "", doc_first: bool = False) -> dict[str, float]:
    """Evidence per extra function for ``text`` (only functions with some evidence)."""
    scores: dict[str, float] = {}
    for cue in load_cues():
        if cue.pattern.search(text):
            scores[cue.function] = scores.get(cue.function, 0.0) + cue.weight
    figures = len(_FIGURE.findall(text))
    if figures:
        scores["数据表述"] = scores.get("数据表述", 0.0) + (1.0 if figures >= 2 else 0.5)
    else:
        scores.pop("数据表述", None)  # statistics words without a figure state no data
    if role in _ROLE_EVIDENCE:
        fn = _ROLE_EVIDENCE[role]
        scores[fn] = scores.get(fn, 0.0) + 1.0
    if "政策依据" in scores and (doc_first or _OPENING_END_RE.search(text)):
        scores["政策依据"] -= 1.0  # the document's own opening formula (根据…，制定本方案) is 开头
    return scores


def classify_sentence(
    text: str,
    *,
    role: str,
    genre: str,
    doc_first: bool = False,
    in_preamble: bool = False,
    doc_last: bool = False,
    section_first: bool = False,
    in_opening: bool = False,
) -> tuple[str, bool]:
    """Return ``(function, strong)`` for a body sentence (see the module doc).

    ``strong`` is True when a cue word (not just the section role or genre) decided it.
    ``role`` is the role of the enclosing section ('开头' for text before the first heading);
    ``doc_first``/``in_preamble``/``doc_last`` give the position in the document.
    """
    base, strong = _frame_function(
        text,
        role=role,
        genre=genre,
        doc_first=doc_first,
        in_preamble=in_preamble,
        doc_last=doc_last,
        section_first=section_first,
        in_opening=in_opening,
    )
    if strong and base in ("过渡", "问题"):
        return base, strong
    opening = strong and base == "开头" and doc_first
    if opening and not _CLOSING_START_RE.match(text):
        # the document's own opening sentence: its position and cue decide, whatever else it
        # cites or asks (为总结…，根据…通知要求，请各单位…) — a salutation line stays a salutation
        scores = cue_scores(text, role=role, doc_first=doc_first)
        if scores.get("主持词/称呼", 0.0) >= 1.0:
            return "主持词/称呼", True
        return base, strong
    scores = cue_scores(text, role=role, doc_first=doc_first)
    if not scores:
        return base, strong
    best = max(scores, key=lambda f: (scores[f], -EXTRA_FUNCTIONS.index(f)))
    if scores[best] < 1.0:
        return base, strong
    if base == "打算" and (strong or role == "下一步打算") and best in ("表态/号召", "数据表述"):
        return base, strong  # 下一步我们将… / 力争…增长8%: a plan, in words or in figures
    return best, scores[best] >= 1.0 and role not in _ROLE_EVIDENCE or scores[best] >= 2.0
