"""发文字号 and 附件说明 rules (GB/T 9704-2012 §7.2.4 发文字号, §7.3.4 附件说明).

``docno.format`` 示卫发[2026]第05号 → 示卫发〔2026〕5号 · ``attachment.format`` punctuation after
an attachment name, 1、 numbering · ``attachment.missing`` the text cites 附件3 but the 附件说明
lists fewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.compose.checks.finding import CheckDoc
from eduwriter.compose.checks.registry import Hit, rule
from eduwriter.compose.checks.text import HAN

#: The year-and-number part of a 发文字号, after the agency code: 〔2026〕5号, [2026]第05号.
_DOCNO = re.compile(
    "(?<=[" + HAN + r"])\s*([〔\[［(（【])\s*(\d{4})\s*([〕\]］)）】])\s*(第?)\s*(\d{1,4})\s*号"
)


@rule("docno.format", "docno.format", "error", "发文字号格式", "Document number format")
def docno_format(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _DOCNO.finditer(p.text):
            number = str(int(m.group(5)))
            fixed = f"〔{m.group(2)}〕{number}号"
            if m.group(0) == fixed:
                continue
            problems_zh, problems_en = [], []
            if m.group(1) != "〔" or m.group(3) != "〕":
                problems_zh.append("年份用六角括号〔〕")
                problems_en.append("the year goes in 〔〕")
            if m.group(4):
                problems_zh.append("序号前不加“第”")
                problems_en.append("no 第 before the number")
            if m.group(5) != number:
                problems_zh.append("序号不编虚位")
                problems_en.append("no leading zeros")
            if not problems_zh:
                problems_zh.append("不加空格")
                problems_en.append("no spaces")
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"发文字号格式：{'，'.join(problems_zh)}，写作“{fixed}”。",
                f"Document number: {', '.join(problems_en)}; write “{fixed}”.",
                fixed,
                True,
            )


_ATTACH_PREFIX = re.compile(r"^附\s*件\s*[:：]\s*")
_ITEM_NUMBER = re.compile(r"(\d{1,2})\s*([.．、，,]?)\s*")
_NAME_END = "。；，、.;,"


@rule("attachment.format", "attachment.format", "error", "附件说明格式", "Attachment list format")
def attachment_format(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.role != "attachment":
            continue
        text = p.text.rstrip()
        m = _ATTACH_PREFIX.match(text)
        at = m.end() if m else 0
        n = _ITEM_NUMBER.match(text, at)
        if n and n.group(2) and n.group(2) != ".":
            yield Hit(
                pi,
                n.start(2),
                n.end(2),
                f"附件顺序号用“{n.group(1)}.”，不用“{n.group(1)}{n.group(2)}”。",
                f"Number attachments “{n.group(1)}.”, not “{n.group(1)}{n.group(2)}”.",
                ".",
                True,
            )
        if text and text[-1] in _NAME_END and len(text) > at + 1:
            yield Hit(
                pi,
                len(text) - 1,
                len(text),
                f"附件名称后不加标点，删去“{text[-1]}”。",
                f"No punctuation after an attachment name; remove “{text[-1]}”.",
                "",
                True,
            )


_CITE = re.compile(r"(?<![》的])附\s*件\s*(\d{1,2})(?!\d)")
_CITE_BARE = re.compile(r"(?:详见|参见|见)附件(?!\s*\d)")


def _attachment_count(doc: CheckDoc) -> int:
    count = 0
    for p in doc.paragraphs:
        if p.role == "attachment":
            rest = _ATTACH_PREFIX.sub("", p.text)
            count += 1 if rest.strip() else 0
    return count


@rule(
    "attachment.missing",
    "attachment.missing",
    "error",
    "正文提到的附件没有列出",
    "Cited attachment not listed",
)
def attachment_missing(doc: CheckDoc) -> Iterator[Hit]:
    count = _attachment_count(doc)
    for pi, p in enumerate(doc.paragraphs):
        if p.role in ("date", "signer"):
            break  # after the signature come the attachments themselves
        if p.role not in ("paragraph", "heading"):
            continue
        for m in _CITE.finditer(p.text):
            if int(m.group(1)) > count:
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    f"正文提到“{m.group(0)}”，附件说明里只有{count}个附件。",
                    f"The text cites “{m.group(0)}” but the attachment list has {count}.",
                )
        if count == 0:
            for m in _CITE_BARE.finditer(p.text):
                yield Hit(
                    pi,
                    m.start(),
                    m.end(),
                    "正文提到附件，但没有附件说明。",
                    "The text cites an attachment but there is no attachment list.",
                )
