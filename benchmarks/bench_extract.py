"""Library extraction from the bundled samples: seconds, beside an anchor measured in the same run.

Usage::

    python benchmarks/bench_extract.py [--repeat 3]

Printed: the one-off load of the segmenter's dictionaries (jieba, with the 公文 user dictionary),
then per round the import of the five samples (the anchor: no segmenter involved) and the
extraction of phrasings and skeletons from them (word-level slots use the segmenter). Times are
process CPU seconds (the machine is shared); the best round is reported.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eduwriter.core import specifics, words  # noqa: E402
from eduwriter.core.extract import extract_library  # noqa: E402
from eduwriter.core.importer import analyze_files  # noqa: E402
from eduwriter.resources_path import sample_files  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ns = ap.parse_args()
    t = time.process_time()
    words.warm_up()
    print(f"segmenter load (once per process): {time.process_time() - t:.2f} s")
    best_import = best_extract = float("inf")
    n = 0
    for _ in range(ns.repeat):
        specifics._tagged.cache_clear()  # every round segments the sentences afresh
        t = time.process_time()
        results = analyze_files(sample_files())
        best_import = min(best_import, time.process_time() - t)
        t = time.process_time()
        lib = extract_library(results)
        best_extract = min(best_extract, time.process_time() - t)
        n = len(lib.phrasings)
    print(f"anchor — import of the samples: {best_import:.2f} s")
    print(
        f"extraction: {best_extract:.2f} s ({n} phrasings; "
        f"{best_extract / max(best_import, 1e-6):.0f}x the anchor)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
