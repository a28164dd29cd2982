"""Measure the checker on documents it was not written from: plant problems, count finds.

    python scripts/eval_checks.py FOLDER [--sites 3] [--seed 1] [--verbose]

FOLDER holds plain-text 公文 (.txt, one paragraph a line) that are NOT in the repository (the
rules must not be tuned to them).  For each document and each category of issue 16 the
script plants one problem at up to ``--sites`` places chosen at random, one copy of the
document per planted problem, and checks the copy: the problem is *found* when a finding of
its category overlaps the planted span.  The unplanted documents give the *errors on clean
text*; they are listed for review (a real defect of the source is not a false alarm), and
the rate is printed per 10 pages (a GB/T 9704 page holds 22 lines of 28 characters).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eduwriter.compose.checks import check_text

PAGE_CHARS = 22 * 28
HAN = "\u4e00-\u9fff"


@dataclass
class Plant:
    lines: list[str]
    line: int  # 0-based
    start: int
    end: int


def _sub_at(lines: list[str], i: int, m: re.Match[str], new: str, rel: tuple[int, int]) -> Plant:
    out = list(lines)
    out[i] = lines[i][: m.start()] + new + lines[i][m.end() :]
    return Plant(out, i, m.start() + rel[0], m.start() + rel[1])


def _sites(lines: list[str], pattern: str, body_only: bool = True) -> list[tuple[int, re.Match]]:
    """Matches of ``pattern``; ``body_only``: in body lines of the document itself (not the
    title, not a document appended after the signature)."""
    rx = re.compile(pattern)
    out = []
    end = _date_line(lines) if body_only else None
    for i, line in enumerate(lines):
        if body_only and (i == 0 or len(line) < 20 or (end is not None and i > end)):
            continue
        out += [(i, m) for m in rx.finditer(line)]
    return out


def _replace(pattern: str, make: Callable[[re.Match], str], body_only: bool = True):
    """A planter replacing a match of ``pattern`` by ``make(match)``; the span is all of it."""

    def plant(lines: list[str], rnd: random.Random) -> Plant | None:
        sites = _sites(lines, pattern, body_only)
        if not sites:
            return None
        i, m = rnd.choice(sites)
        new = make(m)
        return _sub_at(lines, i, m, new, (0, len(new)))

    return plant


def _insert_sentence(sentence: str, at_start: bool = False):
    """A planter putting ``sentence`` after a 。 of a body line (or at its start)."""

    def plant(lines: list[str], rnd: random.Random) -> Plant | None:
        pattern = rf"^(?=[{HAN}])" if at_start else "。(?=.)"
        sites = _sites(lines, pattern)
        if not sites:
            return None
        i, m = rnd.choice(sites)
        keep = m.group(0)
        return _sub_at(lines, i, m, keep + sentence, (len(keep), len(keep) + len(sentence)))

    return plant


def _heading_lines(lines: list[str], marker: str) -> list[int]:
    return [i for i, t in enumerate(lines) if re.match(marker, t)]


def plant_skip(lines, rnd):
    heads = _heading_lines(lines, r"^[一二三四五六七八九十]+、")
    if not heads:
        return None
    i = rnd.choice(heads)
    out = lines[: i + 1] + ["1.统筹推进各项工作落实。"] + lines[i + 1 :]
    return Plant(out, i + 1, 0, 2)


def plant_gap(lines, rnd):
    heads = _heading_lines(lines, r"^[二三四五六七八九]、")
    if not heads:
        return None
    i = rnd.choice(heads)
    nxt = "三四五六七八九十"["二三四五六七八九".index(lines[i][0])]
    out = list(lines)
    out[i] = nxt + lines[i][1:]
    return Plant(out, i, 0, 2)


def plant_mixed(lines, rnd):
    heads = _heading_lines(lines, r"^(?:\d+\.|（[一二三四五六七八九十]+）)")
    if len(heads) < 2:
        return None
    i = rnd.choice(heads)
    out = list(lines)
    t = lines[i]
    m = re.match(r"^(\d+)\.", t)
    out[i] = f"{m.group(1)}、{t[m.end() :]}" if m else "(" + t[1:].replace("）", ")", 1)
    return Plant(out, i, 0, 2)


def plant_pairs(lines, rnd):
    sites = _sites(lines, r"[”》）]")
    if not sites:
        return None
    i, m = rnd.choice(sites)
    opening = {"”": "“", "》": "《", "）": "（"}[m.group(0)]
    at = lines[i].rfind(opening, 0, m.start())
    if at < 0:
        return None
    out = list(lines)
    out[i] = lines[i][: m.start()] + lines[i][m.end() :]
    return Plant(out, i, at, at + 1)


def plant_heading_end(lines, rnd):
    out = list(lines)
    out[0] = lines[0] + "。"
    return Plant(out, 0, len(lines[0]), len(lines[0]) + 1)


def _date_line(lines):
    for i, t in enumerate(lines):
        if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t):
            return i
    return None


def plant_date_padding(lines, rnd):
    i = _date_line(lines)
    if i is None:
        return None
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", lines[i])
    out = list(lines)
    out[i] = f"{m.group(1)}年{int(m.group(2)):02d}月{int(m.group(3)):02d}日"
    if out[i] == lines[i]:
        return None
    return Plant(out, i, 5, len(out[i]))


def plant_date_chinese(lines, rnd):
    from eduwriter.compose.numbering import cjk_numeral

    i = _date_line(lines)
    if i is None:
        return None
    y, mo, d = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", lines[i]).groups()
    year = "".join("〇一二三四五六七八九"[int(c)] for c in y)
    out = list(lines)
    out[i] = f"{year}年{cjk_numeral(int(mo))}月{cjk_numeral(int(d))}日"
    return Plant(out, i, 0, len(out[i]))


def plant_attachment_missing(lines, rnd):
    return _insert_sentence("具体要求见附件3。")(lines, rnd)


def plant_attachment_format(lines, rnd):
    i = _date_line(lines)
    if i is None:
        return None
    signer = i - 1
    out = lines[:signer] + ["附件：1、工作任务分解表", "2.联系人名单"] + lines[signer:]
    return Plant(out, signer, 4, 5)


def plant_genre(lines, rnd):
    title = lines[0]
    out = list(lines)
    if title.endswith("通知") or title.endswith("报告"):
        i = _date_line(lines)
        at = (i - 1) if i is not None else len(lines)
        out = lines[:at] + ["妥否，请批示。"] + lines[at:]
        return Plant(out, at, 0, 6)
    out[0] = "关于" + title + "的请示报告"
    return Plant(out, 0, len(out[0]) - 4, len(out[0]))


def plant_direction(lines, rnd):
    title = lines[0]
    out = list(lines)
    if not re.search(r"(通知|请示|报告|函)$", title):
        out[0] = title + "的报告"
        word, insert = "你局", "恳请你局给予支持。"
    elif title.endswith("通知"):
        word, insert = "贵局", "请贵局认真落实。"
    elif title.endswith("函"):
        word, insert = "你局", "请你局给予支持。"
    else:
        word, insert = "你局", "恳请你局给予支持。"
    p = _insert_sentence(insert)(out, rnd)
    if p is None:
        return None
    at = p.lines[p.line].index(word, p.start)
    return Plant(p.lines, p.line, at, at + 2)


PLANTERS: dict[str, Callable[[list[str], random.Random], Plant | None]] = {
    "structure.skip": plant_skip,
    "structure.gap": plant_gap,
    "structure.mixed": plant_mixed,
    "punct.halfwidth": _replace(rf"(?<=[{HAN}])，(?=[{HAN}])", lambda m: ","),
    "punct.repeat": _replace(rf"(?<=[{HAN}])，(?=[{HAN}])", lambda m: "，，"),
    "punct.ellipsis_dash": _replace(rf"(?<=[{HAN}])等(?=[{HAN}])", lambda m: "..."),
    "punct.pairs": plant_pairs,
    "punct.heading_end": plant_heading_end,
    "number.year_short": _replace(r"20(\d{2})年(?=\d{1,2}月)", lambda m: m.group(1) + "年"),
    "number.date_padding": plant_date_padding,
    "number.date_chinese": plant_date_chinese,
    "number.fullwidth_digit": _replace(
        r"\d+", lambda m: m.group(0).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    ),
    "number.hao_date": _insert_sentence("请于5月10号前报送。"),
    "number.jiezhi": _insert_sentence("截止目前，各项工作进展顺利。"),
    "number.percent_range": _insert_sentence("合格率提高10～15%。"),
    "docno.format": _replace(
        r"〔(\d{4})〕(\d+)号", lambda m: f"[{m.group(1)}]第{int(m.group(2)):02d}号", False
    ),
    "attachment.format": plant_attachment_format,
    "attachment.missing": plant_attachment_missing,
    "genre.conflict": plant_genre,
    "wording.direction": plant_direction,
    "wording.spun": _replace(r"服务|基础", lambda m: {"服务": "效劳", "基础": "根底"}[m.group(0)]),
    "wording.stale": _replace(r"二十大精神", lambda m: "十九大精神"),
    "wording.repeat": _replace(rf"(?<=[{HAN}])的(?=[{HAN}])", lambda m: "的的"),
    "slot.unfilled": _replace(r"\d+(?=[所人个名])", lambda m: "【数量】"),
}


def _found(lines: list[str], plant: Plant, category: str) -> bool:
    doc, findings = check_text("\n".join(plant.lines))
    for f in findings:
        if f.category != category or f.line != plant.line + 1:
            continue
        if (f.column or 0) < plant.end and plant.start < (f.column or 0) + len(f.text) + (
            f.end == f.start
        ):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--sites", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", action="store_true")
    ns = ap.parse_args(argv)
    files = sorted(Path(ns.folder).glob("*.txt"))
    if not files:
        print(f"no .txt files in {ns.folder}", file=sys.stderr)
        return 2
    rnd = random.Random(ns.seed)
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    chars = 0
    clean_errors = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = [t.strip() for t in text.splitlines() if t.strip()]
        chars += sum(len(t) for t in lines)
        _doc, base = check_text("\n".join(lines))
        clean_errors += [(path.name, f) for f in base if f.severity == "error"]
        for category, planter in PLANTERS.items():
            for _ in range(ns.sites):
                plant = planter(lines, rnd)
                if plant is None:
                    break
                planted[category] += 1
                if _found(lines, plant, category):
                    found[category] += 1
                elif ns.verbose:
                    print(
                        f"MISSED {category} {path.name}:{plant.line + 1}: "
                        f"{plant.lines[plant.line][max(0, plant.start - 10) : plant.end + 10]}"
                    )
    pages = chars / PAGE_CHARS
    print(f"{'category':24} planted found")
    for category in PLANTERS:
        print(f"{category:24} {planted[category]:7} {found[category]:5}")
    total, hit = sum(planted.values()), sum(found.values())
    print(f"found {hit}/{total} planted problems = {100 * hit / max(total, 1):.1f}%")
    print(
        f"clean text: {len(files)} documents, {chars} characters = {pages:.1f} pages; "
        f"{len(clean_errors)} errors = {10 * len(clean_errors) / max(pages, 0.1):.2f} "
        "per 10 pages (review them below)"
    )
    for name, f in clean_errors:
        print(f"  {name}:{f.line}: [{f.rule}] {f.text} — {f.message_zh}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
