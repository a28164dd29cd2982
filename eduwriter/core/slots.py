"""Slots: one home for the slot marker, the slot kinds and the helpers every layer uses.

A *slot* is a 【kind】 marker a writer fills in (【年份】, 【学校】, 【在此概述…】).  :data:`SLOT_RE`
is the one pattern for a marker everywhere (core, compose, export, gui); :data:`SLOT_MAX` its
longest label.  :data:`SLOT_KINDS` are the typed kinds extraction writes.

A *placeholder* is what a sample text left for the writer (XX, 20XX, x月x日, ___, *, ××);
:data:`PLACEHOLDER_RE` finds them and :func:`replace_with_slots` turns them into markers.

A placeholder has a *core* — a run of X/x not part of a Latin word (optionally after 1-3
digits: 20XX, 201x, 3xx), a run of ``_`` (20__), a run of ``*`` or of ``×`` — and at most one
unit character right after it (年, 名, 所, 省, …). Dates are one token: X月X日. The kind comes
from the unit and the words that follow:

=======  ==========================================================
年份      20XX年, 201x, 20__届, xxxx年
日期      X月X日, x月, X日
地区      XX省, XX市, XX区, xx县, X镇
单位      XX小学, XX中学, XX学校, XX局 (the core only; the name follows)
数量      XXX名, X所
百分比    XX%
金额      *万元, X元
文号      〔X〕X号
待填      anything else (___, XX, xxx)
=======  ==========================================================
"""

from __future__ import annotations

import re

from eduwriter.core.model import Slot

__all__ = [
    "PLACEHOLDER_RE",
    "SLOT_KINDS",
    "SLOT_MAX",
    "SLOT_RE",
    "find_slots",
    "iter_slots",
    "only_slots",
    "replace_with_slots",
    "slot_kinds",
    "slot_label",
    "slot_spans",
    "split_slots",
]

#: The typed kinds extraction writes (a writer's own markers may say anything).
SLOT_KINDS = (
    "年份",
    "日期",
    "地区",
    "单位",
    "学校",
    "姓名",
    "数量",
    "百分比",
    "金额",
    "文号",
    "待填",
)
#: The longest label a marker may have (【在此概述本节的主要内容和做法】 fits).
SLOT_MAX = 40
#: A slot marker: 【label】 on one line; group 1 is the label.
SLOT_RE = re.compile(rf"【([^【】\n]{{1,{SLOT_MAX}}})】")

_UNITS = "年月日号届周区市省县镇乡村户名个所人次篇幅期场批班节项校条堂轮家元万千余多%"
_REGION_UNITS = set("区市省县镇乡村")
_DATE_UNITS = set("月日号")
_YEAR_UNITS = set("年届")

# The "not after a Latin letter or digit" condition is checked in Python (iter_slots): a
# leading look-behind would stop the regex engine from scanning by first character.
PLACEHOLDER_RE = re.compile(
    r"(?P<date>[Xx×]{1,2}月[Xx×]{1,2}[日号])"
    r"|(?P<core>\d{1,3}[Xx]+|[Xx]+|×{2,}|\d{1,3}_+|_+|\*+)"
    r"(?![A-Za-z])"
    rf"(?P<unit>[{_UNITS}])?"
)
_BEFORE_DATE = re.compile(r"[A-Za-z]")
_BEFORE_CORE = re.compile(r"[A-Za-z0-9_*]")

_ORG_AFTER = re.compile(
    r"(?:小学|中学|学校|幼儿园|大学|学院|职校|职高|中心|教育局|局|公司|医院|街道|社区|单位|集团|委员会|办公室|党委|政府|部门)"
)


def slot_label(kind: str) -> str:
    """The marker a slot shows as in the composer: ``【年份】``."""
    return f"【{kind}】"


def slot_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every 【label】 marker in ``text``."""
    return [(m.start(), m.end(), m.group(1)) for m in SLOT_RE.finditer(text)]


def slot_kinds(text: str) -> list[str]:
    """The labels of the markers in ``text``, in order (duplicates kept)."""
    return [m.group(1) for m in SLOT_RE.finditer(text)]


def split_slots(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces ``(piece, is_slot)`` in order (for highlighting)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in SLOT_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


_NOT_CONTENT = re.compile(r"[\s\W\d_第]+")


def only_slots(text: str) -> bool:
    """True when ``text`` has markers and nothing else a reader could keep (【地区】【单位】：)."""
    if not SLOT_RE.search(text):
        return False
    rest = SLOT_RE.sub("", text)
    rest = re.sub(r"[年月日号届名个所人次区市县省镇乡村%％元万亿]", "", rest)
    return not _NOT_CONTENT.sub("", rest)


def _kind(text: str, m: re.Match[str]) -> str:
    if m.group("date"):
        return "日期"
    core = m.group("core")
    unit = m.group("unit") or ""
    digits = len(core) - len(core.lstrip("0123456789"))
    before = text[max(0, m.start() - 1) : m.start()]
    if before in ("〔", "[", "［") or (unit == "号" and before == "〕"):
        return "文号"
    if unit == "号" and text[max(0, m.start() - 2) : m.start()].endswith("〕"):
        return "文号"
    if unit in _YEAR_UNITS or (digits >= 2 and len(core) == 4):
        return "年份"
    if core.lower() in ("xxxx",) and text[m.end() : m.end() + 1] in ("-", "—", "至"):
        return "年份"
    if unit == "%":
        return "百分比"
    if unit == "元" or (unit in "万千" and text[m.end() : m.end() + 1] == "元"):
        return "金额"
    if unit in _DATE_UNITS:
        return "日期"
    if unit in _REGION_UNITS:
        return "地区"
    if unit:
        return "数量"
    if _ORG_AFTER.match(text, m.end()):
        return "单位"
    if digits:
        return "数量"
    return "待填"


_ANY_PLACEHOLDER_CHAR = re.compile(r"[Xx×_*]")


def iter_slots(text: str):
    """Yield ``(start, end, raw, kind, core_end)`` for every placeholder in ``text``."""
    if not _ANY_PLACEHOLDER_CHAR.search(text):
        return
    for m in PLACEHOLDER_RE.finditer(text):
        if m.start() > 0:
            before = text[m.start() - 1]
            if (_BEFORE_DATE if m.group("date") else _BEFORE_CORE).match(before):
                continue
        raw = m.group(0)
        core_end = m.end("core") if m.group("core") else m.end()
        yield m.start(), m.end(), raw, _kind(text, m), core_end


def find_slots(text: str) -> list[Slot]:
    """Distinct placeholders of ``text`` in order of first appearance."""
    seen: set[tuple[str, str]] = set()
    out: list[Slot] = []
    for _, _, raw, kind, _ in iter_slots(text):
        key = (raw, kind)
        if key not in seen:
            seen.add(key)
            out.append(Slot(raw, kind))
    return out


def replace_with_slots(text: str) -> str:
    """Replace each placeholder by its ``【kind】`` marker; the unit character after the core
    stays (``20XX年`` -> ``【年份】年``, ``XXX名`` -> ``【数量】名``); a date token is replaced
    whole (``X月X日`` -> ``【日期】``)."""
    parts: list[str] = []
    pos = 0
    for start, end, _raw, kind, core_end in iter_slots(text):
        parts.append(text[pos:start])
        parts.append(slot_label(kind))
        parts.append(text[core_end:end])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
