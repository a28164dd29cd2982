"""Check benchmark: a 50-page report checked as the writer types.

Usage::

    python benchmarks/bench_check.py [--pages 50] [--runs 7]

The report is built from the sentences of the bundled 范文 samples (a GB/T 9704 page holds
22 lines of 28 characters): four levels of headings over paragraphs of three to six
sentences, with 主送机关, 附件说明, 署名 and 成文日期.  Printed: the median time of
``check_report`` over ``--runs`` runs, and beside it, measured in the same run, an anchor: one
plain regular-expression scan of the same paragraphs for half-width commas (the cheapest check
one could write).  The segmenter's dictionary is loaded before timing (the window does so at
start-up).  Goal: ≤ 200 ms for 50 pages.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eduwriter.compose.checks import check_report  # noqa: E402
from eduwriter.compose.report import Report, ReportBlock, ReportMeta  # noqa: E402
from eduwriter.core import words  # noqa: E402
from eduwriter.resources_path import sample_files  # noqa: E402

PAGE_CHARS = 22 * 28


def sample_sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sample_files())
    parts = re.split(r"[。！？；\n]", text)
    return [p.strip() for p in parts if 8 <= len(p.strip()) <= 100]


def make_report(pages: int, seed: int = 3) -> Report:
    rnd = random.Random(seed)
    sents = sample_sentences()
    report = Report(
        "关于做好2026年教育重点工作的实施方案",
        ReportMeta(
            "各区（县）教育局，局属各学校",
            ["工作任务分解表", "联系人名单"],
            "示范市教育局",
            "2026年11月22日",
        ),
    )
    chars = 0
    level = 1
    while chars < pages * PAGE_CHARS:
        heading = rnd.choice(sents)[:18]
        report.blocks.append(ReportBlock("heading", heading, level))
        chars += len(heading)
        for _ in range(rnd.randint(1, 3)):
            para = "。".join(rnd.choice(sents) for _ in range(rnd.randint(3, 6))) + "。"
            report.blocks.append(ReportBlock("paragraph", para))
            chars += len(para)
        level = rnd.choice([lv for lv in (1, 2, 3, 4) if lv <= level + 1])
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description="time the checker on a long report")
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--runs", type=int, default=7)
    ns = ap.parse_args()
    report = make_report(ns.pages)
    texts = [b.text for b in report.blocks]
    chars = sum(len(t) for t in texts)
    words.warm_up()
    check_report(report)  # compile the patterns once
    comma = re.compile(r"(?<=[\u4e00-\u9fff]),|,(?=[\u4e00-\u9fff])")
    check_times, anchor_times = [], []
    findings = []
    for _ in range(ns.runs):
        t0 = time.perf_counter()
        anchor_hits = sum(len(comma.findall(t)) for t in texts)
        t1 = time.perf_counter()
        findings = check_report(report)
        t2 = time.perf_counter()
        anchor_times.append(t1 - t0)
        check_times.append(t2 - t1)
    check_ms = statistics.median(check_times) * 1000
    anchor_ms = statistics.median(anchor_times) * 1000
    print(
        f"report: {len(report.blocks)} blocks, {chars} characters = {chars / PAGE_CHARS:.1f} pages"
    )
    print(f"check_report: {check_ms:.1f} ms median of {ns.runs} ({len(findings)} findings)")
    print(
        f"anchor (one regex scan for half-width commas): {anchor_ms:.1f} ms "
        f"({anchor_hits} hits); check / anchor = {check_ms / max(anchor_ms, 1e-6):.0f}×"
    )
    print(f"goal ≤ 200 ms: {'met' if check_ms <= 200 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
