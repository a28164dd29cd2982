"""Unfilled slots: 【…】 left in, skeleton hints not replaced, XX placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.compose.checks.finding import CheckDoc
from eduwriter.compose.checks.registry import Hit, rule
from eduwriter.compose.render import SLOT_RE

_DOCNO_YEAR = re.compile(r"【\d{4}】\s*第?\s*\d{1,4}\s*号")


@rule("slot.unfilled", "slot.unfilled", "error", "未填写的空位", "Slot left unfilled")
def unfilled(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.hint:
            yield Hit(
                pi,
                0,
                len(p.text),
                "这是框架带来的提示段落，请换成正文或删除。",
                "This is a hint paragraph from a skeleton; replace it with text or delete it.",
            )
            continue
        for m in SLOT_RE.finditer(p.text):
            if _DOCNO_YEAR.match(p.text, m.start()):
                continue  # 【2026】5号: a 发文字号 with the wrong brackets (docno.format)
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"空位“{m.group(0)}”还没有填写。",
                f"The slot “{m.group(0)}” is still to be filled in.",
            )


_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:20[Xx×]{2}|[XxＸｘ×]{2,}|[XxＸｘ×](?=\s*[年月日号个所名人项次]))(?![A-Za-z])"
)


@rule("slot.unfilled:placeholder", "slot.unfilled", "suggestion", "XX 占位符", "XX placeholder")
def placeholder(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        if p.hint:
            continue
        for m in _PLACEHOLDER.finditer(p.text):
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"“{m.group(0)}”像是待填的占位符。",
                f"“{m.group(0)}” looks like a placeholder to fill in.",
            )
