"""Specifics a writer must replace -> typed slots, from words, never from verbs or common words.

A sample names its own places, schools, people, years and figures; a reusable phrasing has
typed 【slots】 there instead.  Two kinds of evidence are used:

* **Placeholders and figures** (regular expressions: they are not words): 20XX年, X月X日,
  〔20XX〕X号, XXX名, ___; years (2022年 → 【年份】年), dates, counts (36915人 → 【数量】人),
  percentages (98.5% → 【百分比】), money (3000万元 → 【金额】).
* **Names** (the shared segmenter :mod:`eduwriter.core.words`, jieba with part-of-speech tags and
  the 公文 user dictionary): a word tagged as a place (``ns``) that carries an administrative
  suffix (伊通县, 海淀区) or is followed by a local body (绍兴教育局) → 【地区】; a school —
  a proper name (place, ``nz``, person name) plus a school word (…小学/中学/幼儿园/学院/大学) →
  【学校】; a person's name (``nr``) followed by a title (书记, 校长, 同志) → 【姓名】.
  Verbs and common words are never names: 学习区委 cuts as 学习 / 区委, and neither is a place.

A name the document gives with its suffix (绍兴市) is learnt, so the bare name (绍兴教育) becomes a
slot too (:func:`learn_places`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from eduwriter.core import words
from eduwriter.core.slots import slot_kinds, slot_label

__all__ = ["learn_places", "name_spans", "specifics_to_slots"]

_CJK = "\u4e00-\u9fff"
_COUNT_UNITS = (
    "余|多|万|亿|千|百|名|个|所|人|次|篇|幅|期|场|批|班|节|项|条|堂|轮|家|户|间|台|套|册|本"
    "|平方米|米|公里|小时|天|课时|学时|分|周年|届|年|公斤|千克|斤|亩|吨"
)
#: A masked figure: XX, 3X, x.xx (a masked decimal), x-x (a masked range), ___, ***.
_PH = (
    r"(?<![A-Za-z])(?:(?:[Xx]+[-—~])?\d{0,3}[Xx]+(?:\.[Xx\d]+)?|_{2,}|[*＊]+)"
    r"(?![A-Za-z])"
)
_NUM = r"(?<![\d.A-Za-z])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,A-Za-z])\d+(?:\.\d+)?"

#: (pattern, kind, text kept after the marker); applied in this order.
_RULES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), kind, keep)
    for p, kind, keep in (
        # placeholders
        (r"〔\s*(?:\d{0,4}[Xx]+|\d{4})\s*〕\s*(?:\d+|[Xx]+)\s*号", "文号", ""),
        (r"(?<![\d.])(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?", "日期", ""),
        (r"(?<![A-Za-z])(?:\d{1,2}|[Xx]{1,2})月(?:\d{1,2}|[Xx]{1,2})日", "日期", ""),
        (r"(?<![A-Za-z\d])(?:20|19)(?:[Xx]{2}|\d[Xx]|__)年", "年份", "年"),
        # XX县委, XX市政府: the place is the slot, the body stays
        (r"(?<![A-Za-z])[Xx×]+(?=[省市区县镇乡](?:委|政府|人民政府|人大|政协))", "地区", ""),
        (r"(?<![A-Za-z])[Xx×]+[省市区县镇乡村](?:[Xx×]+[省市区县镇乡村])*", "地区", ""),
        # **县, ＊＊市 (a place masked with asterisks; not **风 where a word was masked)
        (
            r"[*＊]{1,4}(?=[省市区县镇乡](?:委|政府|人民政府|人大|政协|教育|教体|财政|[，、]))",
            "地区",
            "",
        ),
        (r"[*＊]{1,4}[省市区县镇乡](?=[^\s，。；：、]|$)", "地区", ""),
        # XX中心小学, x小学, XX实验学校, X第一中学: the masked name and the school word
        (
            r"(?<![A-Za-z])[Xx×]+(?:中心|实验|附属|第[一二三四五六七八九十]+)?"
            r"(?:小学|中学|学校|幼儿园|大学|学院|完小|初中|高中)",
            "学校",
            "",
        ),
        (r"(?<![A-Za-z])[Xx×]{2,}(?:教育局|局|中心|委员会|公司)", "单位", ""),
        (r"(?<![\d.])\d{1,2}中(?=[、，。和与])", "学校", ""),
        # xx年左右, x年内: a masked number of years, not a year
        (
            r"(?<![A-Za-z])(?:[Xx]+[-—~])?[Xx]{1,3}(?=年(?:左右|以上|以内|之内|内|多|来|间|时间))",
            "数量",
            "",
        ),
        (r"(?<![A-Za-z])[Xx]{2,4}年", "年份", "年"),
        # X年X月, X年度, X年上半年: a masked year however short the mask
        (
            r"(?<![A-Za-z])[Xx]年(?=[Xx\d]{1,2}月|【日期】|度|初|底|末|[上下]半年|[春秋]季|[寒暑]假)",
            "年份",
            "年",
        ),
        (r"(?<![A-Za-z])[Xx]{1,2}月(?:份)?(?![Xx\d])", "日期", ""),
        (_PH + r"\s*[%％]", "百分比", ""),
        (_PH + r"\s*(?:[万亿千]*元)", "金额", ""),
        (
            _PH + r"(?=[名个所人次篇幅期场批班节项条堂轮家户亩吨斤万千余多]|公斤|千克|平方米|公里)",
            "数量",
            "",
        ),
        (_PH + r"(?=[年月日号届周])", "数量", ""),
        (r"_{2,}", "待填", ""),
        # figures
        (r"(?<![\d.])(?:19|20)\d{2}(?:—|-|－|~|至)(?:19|20)?\d{2}(?=学年|年)", "年份", ""),
        (r"(?<![\d.])(?:19|20)\d{2}(?=年|学年|年度|届)", "年份", ""),
        (r"(?<![\d.])0\d(?=年(?!级|龄|代|限|纪))", "年份", ""),
        (
            r"(?<![\d.])[1-9]\d(?=年(?:\d{1,2}月|度|初|底|末|春|秋|上半年|下半年|暑假|寒假))"
            r"|(?<=[自从于至])[1-9]\d(?=年(?!来|间|多|左右|以上|以下))",
            "年份",
            "",
        ),
        (r"(?<![\d.])\d{1,2}月\d{1,2}日", "日期", ""),
        (f"(?:{_NUM})\\s*[%％]", "百分比", ""),
        (f"(?:{_NUM})\\s*(?:[万亿千]*元)", "金额", ""),
        (f"(?:{_NUM})(?=\\s*(?:{_COUNT_UNITS}))", "数量", ""),
        # any placeholder left (XX, ***, ___ without a unit; a single _ as in 赴_支教)
        (r"(?<![A-Za-z])(?:[Xx×]{2,}|[*＊]+|_{2,})(?![A-Za-z])", "待填", ""),
        (r"(?<![A-Za-z\d_])_(?![A-Za-z\d_])", "待填", ""),
    )
)
_RULE_HINT = re.compile(r"[\dXx×*＊_]")

#: Administrative units a place name carries.
_ADMIN = "省市县区镇乡村州旗盟"
#: Words naming a school; a proper name before one makes a school's name.
_SCHOOL_WORDS = (
    "附属中学",
    "附属小学",
    "实验学校",
    "职业学校",
    "中学",
    "小学",
    "幼儿园",
    "学院",
    "大学",
    "学校",
    "附中",
    "附小",
    "一中",
    "二中",
    "三中",
)
#: Words that may stand inside a school's name between the proper name and the school word.
_SCHOOL_INNER = re.compile(
    r"^(?:第[一二三四五六七八九十\d]+|实验|附属|外国语|师范|职业|技术|中心|民族|育才|高级|初级|九年一贯制|"
    r"[一二三四五六七八九十]+)$"
)
#: Prefixes that make a school word generic (中小学, 各级学校, 民办幼儿园).
_GENERIC_SCHOOL_PREFIX = re.compile(
    r"^(?:中|小|中小|大中小|高|普通|民办|公办|各级|各类|全日制|寄宿制|农村|乡村|城区|城镇|薄弱|"
    r"特殊教育|职业|高等|新建|优质|示范|重点|附属|师范|实验|中等|初级|高级|学前|义务教育|普惠|"
    r"德育|特色|标准化|家长|四点)"
)
#: Words before a school word that make it a kind of school or a determiner, never a name
#: (全区中小学, 这所学校, 我校, 文明学校, 德育学校): checked on every word of a school's name.
_NOT_A_SCHOOL_NAME = re.compile(
    r"^(?:全[国省市区县镇乡]|各|每|这|那|一(?:所|批|些)|本(?:校|地|区|市|县)|我|该|此|其|所有|所在|"
    r"部分|周边|兄弟|城乡|乡镇|县城|市直|区属|县属|中小学|高中|初中|文明|德育|平安|和谐|绿色|书香|"
    r"智慧|数字|美丽|现代|新型|未来|标杆|先进|模范|星级|达标|规范|品牌|名校|小规模|建立|健全|完善|"
    r"加强)"
)
#: Places that are never a writer's specifics.
_NATIONAL = {"中国", "中华", "全国", "中央", "国家", "祖国", "亚洲", "世界", "全球", "华夏"}
#: What may follow a bare place name for it to be a local body (绍兴教育局, 浙江教育).
_LOCAL_BODY = re.compile(
    r"^(?:教育局|教育厅|教体局|教育|人民政府|政府|市委|区委|县委|省委|实验|第)"
)
#: Titles after a person's name.
_TITLES = re.compile(
    r"^(?:副|总)?(?:书记|校长|局长|厅长|部长|主任|市长|县长|区长|省长|镇长|乡长|院长|处长|科长|"
    r"园长|同志|老师|教师|教授|委员|代表|主席|巡视员|调研员|督学)"
)
#: A line that may name a place with its administrative unit.
_ADMIN_HINT = re.compile(f"[{_ADMIN}]")
#: A cheap test before segmenting: a text without these characters names nothing.
_NAME_HINT = re.compile(
    f"[{_ADMIN}]|小学|中学|大学|学院|学校|幼儿园|附中|附小|[一二三四五六七八九十]中"
    r"|书记|长|主任|同志|老师|教师|教授|委员|代表|主席|巡视员|调研员|督学"
    r"|表示|介绍|指出|强调|认为|谈到|说[，：]|记者|通讯员"
)
#: What a person says in news text (王明表示，…): a reliable context for a tagged name.
_SAYS = re.compile(r"^(?:表示|介绍|指出|强调|认为|谈到|说[，：])")


def _tagged(text: str) -> tuple[words.Word, ...]:
    """The words of ``text`` (cached per dictionary generation: a writer's new word counts)."""
    return _tagged_in(text, words.generation())


@lru_cache(maxsize=8192)
def _tagged_in(text: str, _generation: int) -> tuple[words.Word, ...]:
    return tuple(words.tagged(text))


def _is_place(word: words.Word) -> bool:
    return word.tag == "ns" and word.text not in _NATIONAL and len(word.text) >= 2


def _admin_place(text: str) -> bool:
    return (
        len(text) >= 3
        and text[-1] in _ADMIN
        and text[0] not in "全各本我该每"
        and not text.endswith(_NOT_ADMIN_ENDINGS)
    )


#: Words ending in an administrative character that name no place (文明城市, 示范区).
_NOT_ADMIN_ENDINGS = (
    "城市",
    "都市",
    "超市",
    "门市",
    "示范区",
    "开发区",
    "新区",
    "园区",
    "社区",
    "家乡",
    "故乡",
    "城乡",
    "下乡",
    "老乡",
    "返乡",
    "乡村",
    "农村",
    "山村",
)


def _school_end(word: str) -> str:
    if not word.endswith(_SCHOOL_WORDS):  # most words: one C-level test
        return ""
    return next((s for s in _SCHOOL_WORDS if word.endswith(s)), "")


def name_spans(text: str, places: Collection[str] = ()) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the names in ``text``: 地区, 学校, 姓名 (see the module doc).

    ``places``: bare place names learnt from the document (绍兴), slots wherever they stand.
    """
    if not _NAME_HINT.search(text) and not (places and any(p in text for p in places)):
        return []
    ws = _merge_admin(_tagged(text))
    spans = _school_spans(ws)
    covered = {k for start, end, _ in spans for k in range(start, end)}
    last = len(ws) - 1
    for i, w in enumerate(ws):
        if w.start in covered:
            continue
        # the next two words read together (副 / 市长)
        nxt = (ws[i + 1].text if i < last else "") + (ws[i + 2].text if i + 1 < last else "")
        if _is_place(w):
            if _admin_place(w.text) or w.text in places or _LOCAL_BODY.match(nxt):
                spans.append((w.start, w.end, "地区"))
        elif w.text in places and w.tag not in ("v", "vn", "a", "d"):
            spans.append((w.start, w.end, "地区"))
        elif _person_word(w) and (
            _TITLES.match(nxt)
            or _after_title(ws, i)
            or (w.text[0] in _STRICT_SURNAMES and _SAYS.match(nxt))
        ):
            spans.append((w.start, w.end, "姓名"))
        elif w.tag == "nr" and w.text[0] in _STRICT_SURNAMES and _TITLES.match(w.text[1:]):
            spans.append((w.start, w.start + 1, "姓名"))  # 王老师: the surname
        elif (
            w.text in _STRICT_SURNAMES
            and _TITLES.match(nxt)
            and (i == 0 or ws[i - 1].tag in _BOUNDARY_TAGS)
        ):
            spans.append((w.start, w.end, "姓名"))  # 马校长: a surname before a title
        elif _TITLES.match(w.text) and w.tag == "n" and i >= 1:
            span = _unknown_name_before(ws, i)
            if span and span[0] not in covered and not any(s[0] == span[0] for s in spans):
                spans.append((*span, "姓名"))
    return sorted(spans)


#: Common surnames: a name the tagger does not know is recognised by one before a title.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶苏魏吕丁沈姚卢"
    "姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶贺顾毛郝龚邵钱严覃武戴莫孔汤盛"
    "黎易常温施牛洪龙万樊乔殷庞文麦欧阳关祝岳金石柳吉包"
)
#: Surnames that are not also common one-character words (于, 常, 文… are left out).
_STRICT_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶苏魏吕丁沈姚卢"
    "姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶贺顾毛郝龚邵钱严覃"
)
#: Tags of a word that closes off a name on its left (punctuation, conjunction, preposition…).
_BOUNDARY_TAGS = ("x", "c", "p", "uj", "r")


def _person_word(w: words.Word) -> bool:
    """A word the tagger calls a person's name that looks like one: 2-3 characters after a
    common surname (the tagger also calls 建立健全 and 德育 names)."""
    return w.tag == "nr" and 2 <= len(w.text) <= 3 and w.text[0] in _SURNAMES


def _after_title(ws: list[words.Word], i: int) -> bool:
    """``ws[i]`` follows a title (副校长李明)."""
    return i > 0 and ws[i - 1].tag == "n" and bool(_TITLE_END.search(ws[i - 1].text))


_TITLE_END = re.compile(
    r"(?:书记|校长|局长|厅长|部长|主任|市长|县长|区长|院长|园长|处长|科长|记者|通讯员)$"
)


def _unknown_name_before(ws: list[words.Word], t: int) -> tuple[int, int] | None:
    """A name of 2-3 characters the tagger split (盛阅 / 春) right before the title ``ws[t]``:
    it starts with a common surname and runs back to a boundary (、 和 与 ， or a verb of
    addressing such as 学习)."""
    k = t
    chars = 0
    while k > 0 and chars < 3 and ws[k - 1].tag not in _BOUNDARY_TAGS:
        if ws[k - 1].tag in ("nr", "ns", "nt", "m") or len(ws[k - 1].text) > 2:
            return None
        k -= 1
        chars += len(ws[k].text)
    if not (2 <= chars <= 3) or k == t or ws[k].text[0] not in _SURNAMES:
        return None
    if k > 0 and ws[k - 1].tag not in _BOUNDARY_TAGS:
        return None
    name = "".join(w.text for w in ws[k:t])
    if len(words.cut(name)) < 2:
        return None  # a word of the dictionary (关心, 培训), not a name it does not know
    return ws[k].start, ws[t - 1].end


def _merge_admin(ws: tuple[words.Word, ...]) -> list[words.Word]:
    """A place followed by a one-character unit or street (伊通 / 县, 西苑 / 路) is one word."""
    out: list[words.Word] = []
    for w in ws:
        if (
            out
            and out[-1].tag in ("ns", "nz")
            and len(out[-1].text) >= 2
            and len(w.text) == 1
            and w.text in _ADMIN + "路街"
        ):
            out[-1] = words.Word(out[-1].text + w.text, "ns", out[-1].start)
        else:
            out.append(w)
    return out


def _proper_name(w: words.Word) -> bool:
    """A place, another proper noun, or a person's name (a school named after one)."""
    if w.text in _NATIONAL:
        return False
    return w.tag in ("ns", "nz") or (w.tag in ("nr", "nrt") and _person_word(w))


def _school_name_word(w: words.Word) -> bool:
    """A word the tagger takes for a name (育英, 明德, 向阳花, 王府井) right before a school
    word: the school's own name, unless it is a determiner or a kind of school (文明学校)."""
    return (
        w.tag in ("nr", "nrt", "nz", "ns")
        and 2 <= len(w.text) <= 4
        and w.text not in _NATIONAL
        and not _NOT_A_SCHOOL_NAME.match(w.text)
        and not _GENERIC_SCHOOL_PREFIX.fullmatch(w.text)
        and w.text[-1] not in "性制型类级式化"  # 普惠性, 寄宿制, 新型: a kind of school
    )


def _school_spans(ws: list[words.Word]) -> list[tuple[int, int, str]]:
    """Schools: a proper name (place, ``nz``, person) and inner words before a school word."""
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        end_word = _school_end(w.text)
        if not end_word:
            i += 1
            continue
        prefix = w.text[: -len(end_word)]
        start = w.start
        proper = len(prefix) >= 2 and w.tag in ("nt", "ns", "nz")
        proper = proper and not _GENERIC_SCHOOL_PREFIX.match(prefix)
        k = i - 1
        if not prefix and k >= 0 and _school_name_word(ws[k]):
            # 育英 / 小学: a name the tagger guessed, right before the school word
            proper = True
            start = ws[k].start
            k -= 1
        while k >= 0 and (
            _SCHOOL_INNER.match(ws[k].text)
            or (
                _proper_name(ws[k])
                and not _GENERIC_SCHOOL_PREFIX.match(ws[k].text)
                and not _NOT_A_SCHOOL_NAME.match(ws[k].text)
            )
            or (ws[k].tag == "nt" and _school_end(ws[k].text))
        ):
            if ws[k].tag in ("ns", "nz", "nr", "nrt", "nt"):
                proper = True
            start = ws[k].start
            k -= 1
        if not proper:
            i += 1
            continue
        # a school word right after (北京师范大学附属中学) belongs to the same name
        j = i + 1
        while j < len(ws) and _school_end(ws[j].text) and ws[j].tag in ("n", "nt"):
            j += 1
        spans.append((start, ws[j - 1].end, "学校"))
        i = j
    return spans


def learn_places(text: str) -> set[str]:
    """Place names a document gives with their suffix (绍兴市, 伊通县 -> 绍兴, 伊通): the bare
    name may then stand alone elsewhere in the document (绍兴教育 -> 【地区】教育)."""
    names: set[str] = set()
    if not _NAME_HINT.search(text):
        return names
    for line in text.splitlines():
        for w in _merge_admin(_tagged(line)) if _ADMIN_HINT.search(line) else ():
            if _is_place(w) and _admin_place(w.text) and len(w.text) >= 3:
                bare = w.text[:-1]
                if len(bare) >= 2 and bare not in _NATIONAL:
                    names.add(bare)
    return names


def specifics_to_slots(text: str, places: Collection[str] = ()) -> tuple[str, list[str]]:
    """Replace placeholders, figures and names by typed slots (see the module doc).

    Returns the new text and the slot kinds in order.  A unit after a count or a year stays in
    the text (【数量】名, 【年份】年) so the writer types only the number; a percentage or a sum
    of money is one slot (【百分比】, 【金额】).
    """
    if _RULE_HINT.search(text):
        for pattern, kind, keep in _RULES:
            if pattern.search(text):
                text = pattern.sub(f"{slot_label(kind)}{keep}", text)
    spans = name_spans(text, places)
    if spans:
        parts: list[str] = []
        pos = 0
        for start, end, kind in spans:
            if start < pos or "【" in text[start:end] or "】" in text[start:end]:
                continue
            parts.append(text[pos:start])
            parts.append(slot_label(kind))
            pos = end
        parts.append(text[pos:])
        text = "".join(parts)
    text = re.sub(r"【(地区|单位|学校)】(?:【\1】)+", r"【\1】", text)
    text = re.sub(r"【地区】【学校】", "【学校】", text)
    return text, slot_kinds(text)
