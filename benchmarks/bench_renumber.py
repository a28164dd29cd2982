"""Renumbering benchmark: a demote and a section move in a 50-page report (issue 13, item 3).

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_renumber.py [--sections 60] [--runs 40]

The report has ``--sections`` headings (一级 and 二级) over six body paragraphs each (60 sections
≈ 420 blocks ≈ 50 GB/T 9704 pages), in a composer-sized QTextEdit so the document is laid out
as in the window. Printed: p50 and p95 of moving the last section to the top and of demoting
the second heading (each undone between runs), and beside them, measured in the same run, an
anchor: a plain QTextEdit setting the block format of as many blocks as the edit changes.
Goal: ≤ 2 ms p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QTextBlockFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from eduwriter.compose.report import Report, ReportBlock  # noqa: E402
from eduwriter.gui.editor.report_model import ReportDocument  # noqa: E402
from eduwriter.gui.signals import protect_bool_refcounts  # noqa: E402

SENTENCE = "全面贯彻党的教育方针，落实立德树人根本任务，推动教育事业高质量发展。"


def _percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def _time(action: Callable[[], object], undo: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
        undo()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", type=int, default=60)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    protect_bool_refcounts()
    blocks = []
    for i in range(args.sections):
        blocks.append(ReportBlock("heading", f"第{i + 1}部分的标题", 1 if i % 3 == 0 else 2))
        blocks += [ReportBlock("paragraph", SENTENCE * 2) for _ in range(6)]
    rd = ReportDocument()
    rd.set_report(Report(title="某区教育局2026年工作总结", blocks=blocks))
    view = QTextEdit()
    view.setDocument(rd.doc)
    view.resize(800, 600)
    last = rd.headings()[-1].block
    section = rd.section_range(last)
    moved = _time(lambda: rd.move_section(last, 1), rd.undo_stack.undo, args.runs)
    second = rd.headings()[1].block
    demoted = _time(lambda: rd.shift_level(second, 1), rd.undo_stack.undo, args.runs)

    plain = QTextEdit()
    plain.setPlainText("\n".join(b.text for b in blocks))
    plain.resize(800, 600)
    doc = plain.document()
    n = section[1] - section[0]

    def anchor() -> None:
        cur = QTextCursor(doc)
        cur.beginEditBlock()
        for k in range(n):
            cur.setPosition(doc.findBlockByNumber(k).position())
            fmt = QTextBlockFormat()
            fmt.setTextIndent(5)
            cur.setBlockFormat(fmt)
        cur.endEditBlock()

    plain_times = _time(anchor, doc.undo, args.runs)
    rows = [
        ("move last section to top", moved),
        ("demote the second heading", demoted),
        (f"anchor: plain QTextEdit formats {n} blocks", plain_times),
    ]
    print(f"report: {rd.doc.blockCount()} blocks, {len(rd.headings())} headings")
    for label, times in rows:
        p50, p95 = _percentiles(times)
        print(f"{label:42s} p50 {p50:.2f} ms  p95 {p95:.2f} ms")
    del app


if __name__ == "__main__":
    main()
