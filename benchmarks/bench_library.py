"""The library at scale (issue 13): build, add 5, database size, ``analyze --json``, each beside
a plain SQLite + FTS5 insert of the same texts measured in the same run.

Usage::

    python benchmarks/bench_library.py [--sizes 500,5000] [--seed 13] [--json-mb 15]

The documents are generated but realistic: paragraphs and headings of the bundled samples and of
the judged evaluation texts, recombined under numbered headings (一、（一）1.) with a fixed seed,
each with its own school and place names. Each build runs in a child process, so its peak
memory (``ru_maxrss``) is its own. Printed per size: build time, items, items/s, peak memory and
database size; the time to add 5 new documents to the built library; and the anchor, a plain
SQLite database with one FTS5 table holding the same texts. Then ``analyze --json`` on one large
file beside a naive read + split + regex over the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])")
_NUMS = "一二三四五六七八九十"
_PLACES = ["江宁", "海曙", "柯桥", "余杭", "鼓楼", "天河", "武侯", "雁塔", "江北", "历下"]
_TOPICS = ["德育", "安全", "教学", "教研", "体育", "艺术", "后勤", "招生", "师资", "信息化"]
_FORMS = ["工作计划", "工作总结", "实施方案", "工作要点", "自查报告"]


def _material() -> tuple[list[str], list[str]]:
    """Paragraphs and heading texts (numbering removed) of the samples and evaluation texts."""
    files = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    files += sorted((ROOT / "tests" / "data" / "library_eval" / "sources").glob("*.txt"))
    paras, heads = [], []
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="ignore").splitlines():
            line = line.strip()
            if not line:
                continue
            m = _HEAD.match(line)
            if m and len(line) <= 30:
                heads.append(line[m.end() :].strip("。 "))
            elif len(line) >= 30:
                paras.append(line)
    return paras, heads


def generate(n: int, folder: Path, seed: int, start: int = 0) -> list[Path]:
    """``n`` documents written to ``folder`` (recombined paragraphs, a fixed seed)."""
    paras, heads = _material()
    rng = random.Random(seed * 100_003 + start)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(start, start + n):
        place = rng.choice(_PLACES)
        school = f"{place}区第{_NUMS[k % 10]}中学"
        topic, form = rng.choice(_TOPICS), rng.choice(_FORMS)
        lines = [f"{school}{2015 + k % 10}年{topic}{form}"]
        lines.append(rng.choice(paras))
        for i in range(rng.randint(3, 5)):
            lines.append(f"{_NUMS[i]}、{rng.choice(heads)}")
            for j in range(rng.randint(0, 3)):
                lines.append(f"（{_NUMS[j]}）{rng.choice(heads)}")
                lines.extend(rng.sample(paras, rng.randint(1, 3)))
            lines.extend(rng.sample(paras, rng.randint(1, 2)))
        lines.append(f"{school}\n{2015 + k % 10}年{1 + k % 12}月{1 + k % 28}日")
        path = folder / f"{k:05d}_{school}{topic}{form}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


# --------------------------------------------------------------------------------------------
# Child processes: one job each, printing JSON


def _child_build(db: str, folder: str) -> dict:
    from eduwriter.library import ingest
    from eduwriter.library.store import LibraryStore

    files = sorted(Path(folder).glob("*.txt"))
    t = time.perf_counter()
    with LibraryStore.open(db) as store:
        report = ingest.import_files(store, files)
        items = store.count()
    took = time.perf_counter() - t
    return {"seconds": took, "items": items, "errors": len(report.errors), **_peak()}


def _child_add(db: str, folder: str) -> dict:
    from eduwriter.library import ingest
    from eduwriter.library.store import LibraryStore

    files = sorted(Path(folder).glob("*.txt"))
    t = time.perf_counter()
    with LibraryStore.open(db) as store:
        before = store.count()
        ingest.import_files(store, files)
        added = store.count() - before
    return {"seconds": time.perf_counter() - t, "added": added, **_peak()}


def _child_fts(db: str, folder: str) -> dict:
    files = sorted(Path(folder).glob("*.txt"))
    t = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(name, body)")
    with conn:
        for f in files:
            conn.execute("INSERT INTO docs VALUES (?,?)", (f.name, f.read_text(encoding="utf-8")))
    conn.close()
    return {"seconds": time.perf_counter() - t, **_peak()}


def _peak() -> dict:
    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run(job: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", job, *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6


def bench_size(n: int, seed: int, tmp: Path) -> None:
    docs = tmp / f"docs{n}"
    generate(n, docs, seed)
    more = tmp / f"more{n}"
    generate(5, more, seed, start=n)
    fts = _run("fts", str(tmp / f"fts{n}.db"), str(docs))
    fts_mb = _size_mb(tmp / f"fts{n}.db")
    db = tmp / f"lib{n}.db"
    build = _run("build", str(db), str(docs))
    lib_mb = _size_mb(db)
    add = _run("add", str(db), str(more))
    alone = _run("build", str(tmp / f"alone{n}.db"), str(more))
    rate = build["items"] / build["seconds"]
    print(f"\n== {n} documents")
    print(
        f"build: {build['seconds']:.1f} s, {build['items']:,} items = {rate:,.0f} items/s, "
        f"peak {build['peak_mb']:.0f} MB, database {lib_mb:.1f} MB"
    )
    if n == 5000:
        print("   goals: >= 5,000 items/s on one core; 5,000 documents in <= 30 s, <= 300 MB peak")
    print(
        f"   anchor, SQLite + FTS5 insert of the same texts: {fts['seconds']:.2f} s "
        f"({build['seconds'] / fts['seconds']:.1f}x faster), peak {fts['peak_mb']:.0f} MB, "
        f"{fts_mb:.1f} MB (the library is {lib_mb / fts_mb:.1f}x its size)"
    )
    print(
        f"add 5 documents to the {n}-document library: {add['seconds']:.2f} s "
        f"(+{add['added']} items), peak {add['peak_mb']:.0f} MB; anchor, building those 5 "
        f"alone: {alone['seconds']:.2f} s (goal at 5,000: <= 2 s; database <= 2x the anchor)"
    )


def bench_analyze_json(mb: int, seed: int, tmp: Path) -> None:
    parts = sorted(generate(200, tmp / "json-src", seed, start=900_000))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in parts)
    big = tmp / "big.txt"
    reps = max(1, int(mb * 1e6 / len(text.encode("utf-8"))))
    big.write_text("\n\n".join([text] * reps), encoding="utf-8")
    size = big.stat().st_size / 1e6
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "eduwriter.cli.main", "analyze", "--json", str(big)],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    took = time.perf_counter() - t
    t = time.perf_counter()
    raw = big.read_text(encoding="utf-8")
    lines = raw.split("\n")
    heads = sum(1 for line in lines if _HEAD.match(line))
    naive = time.perf_counter() - t
    print(f"\n== analyze --json, {size:.1f} MB")
    print(
        f"{size / took:.1f} MB/s ({took:.1f} s, process start included); anchor, naive read + "
        f"split + regex: {size / naive:.1f} MB/s ({heads} headings)"
    )


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        job, db, folder = sys.argv[2:5]
        fn = {"build": _child_build, "add": _child_add, "fts": _child_fts}[job]
        print(json.dumps(fn(db, folder)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,5000")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json-mb", type=int, default=15)
    ns = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in (int(s) for s in ns.sizes.split(",") if s):
            bench_size(n, ns.seed, tmp)
        if ns.json_mb:
            bench_analyze_json(ns.json_mb, ns.seed, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
