"""Number and date rules (GB/T 15835-2011 出版物上数字用法; GB/T 9704-2012 §7.3.5 成文日期).

``number.year_short`` 25年3月 · ``number.date_padding`` 01月05日 in a 成文日期 ·
``number.date_chinese`` 二〇二六年一月五日 as a 成文日期 · ``number.fullwidth_digit`` １２３ ·
``number.hao_date`` 4月1号 · ``number.jiezhi`` 截止 for 截至 · ``number.percent_range`` 10～20%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.compose.checks.finding import CheckDoc
from eduwriter.compose.checks.markers import cjk_value
from eduwriter.compose.checks.registry import Hit, rule

_SHORT_YEAR = re.compile(
    r"(?<![\d０-９.．/\-－—～~])(\d{2})年(?=\d{1,2}月|度|上半年|下半年|春季|秋季|寒假|暑假|"
    r"第[一二三四]季度|[—－-]\d{2}年)"
)
_SHORT_YEAR_RANGE = re.compile(r"(?<=\d{4}[—－-])(\d{2})(?=年)")


@rule("number.year_short", "number.year_short", "error", "年份简写", "Abbreviated year")
def year_short(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _SHORT_YEAR.finditer(p.text):
            yy = int(m.group(1))
            full = f"{2000 + yy if yy <= 50 else 1900 + yy}"
            yield Hit(
                pi,
                m.start(1),
                m.end(1),
                f"年份应写全，“{m.group(1)}年”写作“{full}年”。",
                f"Write the year in full: “{full}年”, not “{m.group(1)}年”.",
                full,
                yy <= 50,
            )
        for m in _SHORT_YEAR_RANGE.finditer(p.text):
            full = p.text[m.start() - 5 : m.start() - 3] + m.group(1)
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"起止年份的后一个也应写全：“{full}年”。",
                f"Write both years of a span in full: “{full}年”.",
                full,
                True,
            )


_PADDED = re.compile(r"(?<=年)0(\d)(?=月)|(?<=月)0(\d)(?=日)")
_DATE_ROLES = ("date",)


@rule("number.date_padding", "number.date_padding", "error", "日期虚位补零", "Zero-padded date")
def date_padding(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.role not in _DATE_ROLES:
            continue
        for m in _PADDED.finditer(p.text):
            digit = m.group(1) or m.group(2)
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"成文日期的月、日不编虚位：“0{digit}”写作“{digit}”。",
                f"No leading zero in the month or day of a document date: “{digit}”.",
                digit,
                True,
            )


_CJK_DATE = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_DIGIT.update({"零": "0", "○": "0", "Ｏ": "0"})


@rule(
    "number.date_chinese",
    "number.date_chinese",
    "error",
    "成文日期用汉字数字",
    "Document date in Chinese numerals",
)
def date_chinese(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.role != "date":
            continue
        for m in _CJK_DATE.finditer(p.text):
            month, day = cjk_value(m.group(2)), cjk_value(m.group(3))
            if not month or not day:
                continue
            year = "".join(_DIGIT[c] for c in m.group(1))
            arabic = f"{year}年{month}月{day}日"
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"成文日期用阿拉伯数字（GB/T 9704-2012）：写作“{arabic}”。",
                f"The document date uses Arabic numerals (GB/T 9704-2012): “{arabic}”.",
                arabic,
                True,
            )


_FULLWIDTH = re.compile(r"[０-９]+(?:[．.][０-９]+)?")
_TO_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")


@rule("number.fullwidth_digit", "number.fullwidth_digit", "error", "全角数字", "Full-width digits")
def fullwidth_digit(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _FULLWIDTH.finditer(p.text):
            ascii_ = m.group(0).translate(_TO_ASCII)
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"阿拉伯数字用半角：“{m.group(0)}”写作“{ascii_}”。",
                f"Write Arabic numerals half-width: “{ascii_}”.",
                ascii_,
                True,
            )


_HAO = re.compile(
    r"(?<=月)(\d{1,2}|[一二三四五六七八九十]{1,3})号(?![楼院线文令馆门机厅房车码台室床位])"
)


@rule("number.hao_date", "number.hao_date", "error", "日期用“号”", "号 for 日 in a date")
def hao_date(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _HAO.finditer(p.text):
            end = m.end()
            yield Hit(
                pi,
                end - 1,
                end,
                f"公文日期写“{m.group(1)}日”，不写“{m.group(1)}号”。",
                f"Write “{m.group(1)}日” in a document, not “{m.group(1)}号”.",
                "日",
                True,
            )


_JIEZHI = re.compile(
    r"截止(?:到)?(?=\s*(?:\d|[０-９]|[〇一二三四五六七八九十]{1,4}年|目前|今年|去年|上年|本年|"
    r"本月|上月|当前|现在|今天|昨天|年底|年末|月底|发稿|本学期|上学期|本周|上周))"
)


@rule("number.jiezhi", "number.jiezhi", "error", "“截止”与“截至”", "截止 for 截至")
def jiezhi(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _JIEZHI.finditer(p.text):
            yield Hit(
                pi,
                m.start(),
                m.end(),
                "“截至”后接时间点（截至目前、截至2026年底）；“截止”是到期停止（报名截止）。",
                "截至 (up to) takes a point in time; 截止 means “closes” (报名截止).",
                "截至",
                True,
            )


_PCT_RANGE = re.compile(r"(?<![\d.%％])(\d+(?:\.\d+)?)(\s*[～~—\-－至到]\s*)(\d+(?:\.\d+)?)([%％])")


@rule("number.percent_range", "number.percent_range", "error", "百分数范围", "Percentage range")
def percent_range(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _PCT_RANGE.finditer(p.text):
            pct = m.group(4)
            fixed = f"{m.group(1)}{pct}"
            yield Hit(
                pi,
                m.start(1),
                m.end(1),
                f"百分数范围的前一个数也要带百分号：“{fixed}{m.group(2)}{m.group(3)}{pct}”。",
                f"Both ends of a percentage range take %: “{fixed}{m.group(2)}{m.group(3)}{pct}”.",
                fixed,
                True,
            )
