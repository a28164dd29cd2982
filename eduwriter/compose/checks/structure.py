"""Outline numbering rules (GB/T 9704-2012 §7.3.3: 一、 （一） 1. （1）, in this order).

``structure.skip`` a level skipped (一、 then 1. with no （一）) · ``structure.gap`` numbers of one
level not consecutive or not starting at one · ``structure.mixed`` several marker forms at one
level (1、 and 1.), or one non-standard form throughout (a suggestion).

In a report of the composer numbers are computed, so only a skipped level can occur; the
other rules matter for text typed or pasted elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from eduwriter.compose.checks.finding import CheckDoc
from eduwriter.compose.checks.markers import STANDARD_STYLE, Marker, match_marker
from eduwriter.compose.checks.registry import Hit, rule

_LEVEL_ZH = {1: "一级（一、）", 2: "二级（（一））", 3: "三级（1.）", 4: "四级（（1））"}
_LEVEL_EN = {1: "first (一、)", 2: "second (（一）)", 3: "third (1.)", 4: "fourth (（1）)"}
_CLOSING_ROLES = ("attachment", "signer", "date")


@dataclass(frozen=True, slots=True)
class _Item:
    paragraph: int
    level: int
    marker: Marker | None  # None for a computed number


def _items(doc: CheckDoc) -> list[list[_Item]]:
    """Numbered headings in order, split into runs (the body; each appended attachment)."""
    runs: list[list[_Item]] = [[]]
    for pi, p in enumerate(doc.paragraphs):
        if p.role in _CLOSING_ROLES:
            if runs[-1]:
                runs.append([])
            continue
        if p.role != "heading" or not p.level:
            continue
        marker = match_marker(p.text) if p.marker_typed else None
        runs[-1].append(_Item(pi, p.level, marker))
    return [r for r in runs if r]


@rule("structure.skip", "structure.skip", "error", "标题层级跳级", "Heading level skipped")
def skip(doc: CheckDoc) -> Iterator[Hit]:
    for run in _items(doc):
        used = {item.level for item in run}
        depth = 0  # the level of the last heading seen
        for item in run:
            if depth and item.level > depth + 1:
                end = len(item.marker.text) if item.marker else 0
                missing = depth + 1
                if missing in used:
                    yield Hit(
                        item.paragraph,
                        0,
                        end,
                        f"{_LEVEL_ZH[depth]}标题下直接用了{_LEVEL_ZH[item.level]}标题，"
                        f"跳过了{_LEVEL_ZH[missing]}（本文其他地方用了这一层）。",
                        f"A {_LEVEL_EN[item.level]} heading follows a {_LEVEL_EN[depth]} "
                        f"heading; the {_LEVEL_EN[missing]} level, used elsewhere, is skipped.",
                    )
                else:  # GB/T 9704 §7.3.3: the numbers *may* be used in this order
                    yield Hit(
                        item.paragraph,
                        0,
                        end,
                        f"{_LEVEL_ZH[depth]}标题下直接用了{_LEVEL_ZH[item.level]}标题。"
                        f"两层结构常这样写；按规范次序应为{_LEVEL_ZH[missing]}。",
                        f"A {_LEVEL_EN[item.level]} heading follows a {_LEVEL_EN[depth]} "
                        f"heading; common in a two-level text, but the standard order has the "
                        f"{_LEVEL_EN[missing]} level in between.",
                        severity="suggestion",
                    )
            depth = item.level  # siblings of a skipped heading are reported once, at the first


@rule("structure.gap", "structure.gap", "error", "序号不连续", "Numbers not consecutive")
def gap(doc: CheckDoc) -> Iterator[Hit]:
    for run in _items(doc):
        last: dict[int, int] = {}
        for item in run:
            for deeper in range(item.level + 1, 5):
                last.pop(deeper, None)
            if item.marker is None:
                last[item.level] = last.get(item.level, 0) + 1
                continue
            n = item.marker.ordinal
            expected = last.get(item.level, 0) + 1
            restart = n == 1 and item.level >= 3  # a second list in one section
            if n != expected and not restart:
                good = Marker(item.marker.text, item.level, expected, item.marker.style)
                fixed = item.marker.style.replace("N", good.standard_number)
                yield Hit(
                    item.paragraph,
                    0,
                    len(item.marker.text),
                    f"序号“{item.marker.text}”不连续，这里应是“{fixed}”。",
                    f"The number “{item.marker.text}” breaks the sequence; “{fixed}” is "
                    "expected here.",
                    fixed,
                    False,
                )
            last[item.level] = n


@rule("structure.mixed", "structure.mixed", "error", "同级序号写法不一", "Mixed number forms")
def mixed(doc: CheckDoc) -> Iterator[Hit]:
    for run in _items(doc):
        styles: dict[int, Counter[str]] = {}
        for item in run:
            if item.marker is not None:
                styles.setdefault(item.level, Counter())[item.marker.style] += 1
        for item in run:
            m = item.marker
            if m is None:
                continue
            seen = styles[m.level]
            standard = STANDARD_STYLE[m.level]
            if len(seen) > 1:
                target = standard if standard in seen else seen.most_common(1)[0][0]
                if m.style == target:
                    continue
                fixed = target.replace("N", m.standard_number)
                yield Hit(
                    item.paragraph,
                    0,
                    len(m.text),
                    f"同一层级的序号写法不一：“{m.text}”与“{fixed}”混用，统一为“{fixed}”。",
                    f"Numbers of one level are written two ways: “{m.text}” and “{fixed}”.",
                    fixed,
                    True,
                )
            elif m.style != standard:
                fixed = m.standard
                yield Hit(
                    item.paragraph,
                    0,
                    len(m.text),
                    f"{_LEVEL_ZH[m.level]}序号的规范写法是“{fixed}”，不是“{m.text}”。",
                    f"The standard form of a {_LEVEL_EN[m.level]} number is “{fixed}”.",
                    fixed,
                    True,
                    "suggestion",
                )
