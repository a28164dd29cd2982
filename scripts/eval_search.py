"""Relevance of the library search on the judged query set ``tests/data/search_relevance.json``.

Usage::

    python scripts/eval_search.py [--db PATH] [--show 3]

The bundled library is built in a temporary database (or ``--db`` is read). For each query the
top 10 results are judged by the query's criteria (function, genre, words the title or text must
hold; see the data file). relevance@10 = relevant results in the top 10 / min(10, relevant items
in the whole library): 1.0 when the top 10 is as good as the library allows. A query that finds
nothing follows its first "did you mean" suggestion, as a writer would (marked ``→``). Printed:
one line per query, the mean of the dev part and of the held-out part, and the queries whose
results include an item of another function than the one the query named.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eduwriter.library import ingest  # noqa: E402
from eduwriter.library.store import Item, LibraryStore  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "search_relevance.json"


def is_relevant(item: Item, rel: dict) -> bool:
    if "function" in rel and item.function != rel["function"]:
        return False
    if "genre" in rel and item.genre != rel["genre"]:
        return False
    if "kinds" in rel and item.kind not in rel["kinds"]:
        return False
    words = rel.get("any")
    if words:
        text = f"{item.title}\n{item.text}"
        return any(w in text for w in words)
    return True


def evaluate(store: LibraryStore, queries: list[dict], show: int = 0) -> dict[str, list[float]]:
    everything = store.items()
    index = store._ensure_index()  # the same index store.search uses; find() also gives filters
    scores: dict[str, list[float]] = {}
    print(f"{'split':<8} {'type':<8} {'rel@10':>6} {'found':>5}  query")
    for entry in queries:
        rel = entry["relevant"]
        total = sum(1 for it in everything if is_relevant(it, rel))
        if total == 0:
            print(
                f"{entry['split']:<8} {entry['type']:<8} {'—':>6} {0:>5}  {entry['query']} "
                "(nothing relevant in this library: skipped)"
            )
            continue
        query = entry["query"]
        result = index.find(query, limit=10)
        shown = query
        if not result.hits and result.suggestions:
            shown = f"{query} → {result.suggestions[0]}"
            result = index.find(result.suggestions[0], limit=10)
        items = store.get_many([h.id for h in result.hits])
        good = sum(1 for it in items if is_relevant(it, rel))
        score = good / min(10, total)
        scores.setdefault(entry["split"], []).append(score)
        if "function" in rel and any(it.function != rel["function"] for it in items):
            scores.setdefault("intent leaks", []).append(1.0)
        chips = ",".join(f.word for f in result.query.filters)
        print(
            f"{entry['split']:<8} {entry['type']:<8} {score:>6.2f} {len(items):>5}  {shown}"
            + (f"  [条件: {chips}]" if chips else "")
        )
        for it in items[:show]:
            mark = "+" if is_relevant(it, rel) else "-"
            line = (it.text if it.kind in ("phrasing", "snippet") else it.title).replace("\n", " ")
            print(f"{'':>30}{mark} {it.kind}/{it.function or '-'}/{it.genre or '-'} {line[:50]}")
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="library to evaluate (default: the bundled library, built anew)")
    ap.add_argument("--show", type=int, default=0, help="print the first N results of each query")
    ns = ap.parse_args()
    queries = json.loads(DATA.read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(ns.db) if ns.db else Path(tmp) / "library.db"
        with LibraryStore.open(db) as store:
            if not ns.db:
                ingest.ensure_builtin(store)
            scores = evaluate(store, queries, ns.show)
    print()
    for split in ("dev", "holdout"):
        values = scores.get(split, [])
        if values:
            print(
                f"mean relevance@10, {split}: {statistics.mean(values):.3f} ({len(values)} queries)"
            )
    allv = scores.get("dev", []) + scores.get("holdout", [])
    print(f"mean relevance@10, all: {statistics.mean(allv):.3f} ({len(allv)} queries; goal ≥ 0.8)")
    print(f"intent queries with an item of another function: {len(scores.get('intent leaks', []))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
