"""Benchmark: DOCX export of a ~130,000-character report (about 100 pages) vs pandoc.

Builds a report from the bundled 范文 samples (headings on four levels, run-in headings,
body paragraphs), writes it as our Markdown, then times on the same Markdown file:

* ours:   read_report(md) + export_report(..., "docx")   (GB/T 9704 layout)
* pandoc: ``pandoc in.md -o out.docx``

and prints both times and the ratio (goal: ours / pandoc <= 1.0).

    python benchmarks/bench_export.py [--chars 130000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eduwriter.compose.markdown_io import read_report, write_report  # noqa: E402
from eduwriter.compose.report import Report, ReportBlock, ReportMeta  # noqa: E402
from eduwriter.export import export_report  # noqa: E402
from eduwriter.resources_path import sample_files  # noqa: E402


def build_report(target_chars: int) -> Report:
    """A report of about ``target_chars`` characters made of the samples' paragraphs."""
    paragraphs: list[str] = []
    for path in sample_files():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if len(line) >= 20:
                paragraphs.append(line)
    if not paragraphs:
        raise SystemExit("no sample text found in resources/samples")
    report = Report(
        title="关于全面推进2026年教育高质量发展的实施方案（基准测试）",
        meta=ReportMeta(
            recipient="各区（县）教育局，局属各学校",
            attachments=["重点任务分解表", "联系人名单"],
            signer="XX市教育局",
            date="2026年11月22日",
        ),
    )
    i = 0
    while count_chars(report) < target_chars:
        text = paragraphs[i % len(paragraphs)]
        if i % 40 == 0:
            report.blocks.append(ReportBlock("heading", f"第{i // 40 + 1}部分工作要求", level=1))
        if i % 12 == 0:
            report.blocks.append(ReportBlock("heading", "强化统筹协调", level=2))
        if i % 6 == 3:
            report.blocks.append(ReportBlock("heading", "压实工作责任。", level=3, body=text[:80]))
        elif i % 9 == 5:
            report.blocks.append(ReportBlock("heading", "细化具体措施", level=4))
        report.blocks.append(ReportBlock("paragraph", text))
        i += 1
    return report


def count_chars(report: Report) -> int:
    return len(report.title) + sum(len(b.text) + len(b.body) for b in report.blocks)


def time_it(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=130_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_export_") as tmp:
        tmpdir = Path(tmp)
        report = build_report(args.chars)
        md = tmpdir / "report.md"
        write_report(report, md)
        n_chars = count_chars(report)
        print(
            f"report: {n_chars:,} characters, {len(report.blocks):,} blocks "
            f"(at least {n_chars / (22 * 28):.0f} full pages of 22×28), markdown {md.stat().st_size:,} bytes"
        )

        ours_out = tmpdir / "ours.docx"

        def ours() -> None:
            export_report(read_report(md), ours_out, fmt="docx")

        ours()  # warm-up (imports, font check cache)
        ours_times = time_it(ours, args.repeat)
        ours_med = statistics.median(ours_times)
        print(
            f"ours   (read .md + GB/T 9704 .docx): median {ours_med * 1000:8.1f} ms "
            f"(min {min(ours_times) * 1000:.1f} ms, {ours_out.stat().st_size:,} bytes)"
        )

        pandoc = shutil.which("pandoc")
        if not pandoc:
            print(
                "pandoc is unavailable on this machine: no comparison (install pandoc to compare)"
            )
            return 0
        pandoc_out = tmpdir / "pandoc.docx"
        cmd = [pandoc, str(md), "-o", str(pandoc_out)]
        subprocess.run(cmd, check=True)  # warm-up
        pandoc_times = time_it(lambda: subprocess.run(cmd, check=True), args.repeat)
        pandoc_med = statistics.median(pandoc_times)
        version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        print(
            f"pandoc ({version.splitlines()[0]}): median {pandoc_med * 1000:8.1f} ms "
            f"(min {min(pandoc_times) * 1000:.1f} ms, {pandoc_out.stat().st_size:,} bytes)"
        )
        ratio = ours_med / pandoc_med
        print(
            f"ratio ours/pandoc: {ratio:.3f}  (goal <= 1.0: {'met' if ratio <= 1.0 else 'NOT met'})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
