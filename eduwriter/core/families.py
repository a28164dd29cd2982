"""Families of parallel headings: the shared pattern of sibling headings.

``以“德”为先，铸造品格之魂`` / ``以“智”为基，夯实学业之本`` -> ``以“【字】”为【…】，【…】之【…】``;
``聚焦…`` / ``坚持…`` runs are found the same way (a longest common subsequence per clause).
"""

from __future__ import annotations

import re

from eduwriter.core.phrases import CLOSERS, OPENERS

__all__ = ["heading_family"]


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
        if not ok and len(texts) >= 3 and len(parts) == 1 and len(fixed) == 1:
            # a shared closing word names the kind of every item: 数字新基建攻坚行动 / …提升行动
            tail = fixed[0]
            ok = (
                pattern.endswith(tail)
                and len(tail) >= 2
                and tail not in _GENERIC_WORDS
                and all(t.endswith(tail) for t in texts)
            )
    if len(texts) == 2 and not has_quote_slot:
        ok = ok and ratio >= 0.3
    if not ok:
        return ""
    return pattern.replace("【】", "【字】").replace("…", "【…】")
