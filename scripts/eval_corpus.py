"""Score the importer against gold annotations.

Usage::

    python scripts/eval_corpus.py DIR            # DIR/raw/*.txt + DIR/gold/*.json (corpus layout)
    python scripts/eval_corpus.py --samples      # bundled samples vs tests/data/gold

Prints, per file: document count (ours/gold), heading precision/recall/F1 (marker + text,
whitespace and trailing punctuation ignored, matched in order), level accuracy over matched
headings, gold boilerplate strings still present in the output, gold placeholders found as
slots, run-in item recall (prefix match), and "lost": input lines missing from the output
that were not reported as removed (text dropped silently; should be 0). ``-v`` lists the
mismatches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eduwriter.core.importer import analyze_file  # noqa: E402
from eduwriter.core.model import FileResult  # noqa: E402

_TRAIL = " \u00a0\u3000。．.：:；;，,、"
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub("", text.rstrip(_TRAIL).strip())


def our_headings(res: FileResult) -> list[tuple[str, int]]:
    out = []
    for doc in res.documents:
        for b in doc.blocks:
            if b.kind == "heading":
                out.append((norm(b.marker + b.text), b.level))
    return out


def gold_headings(gold: dict) -> list[tuple[str, int]]:
    return [(norm(h["text"]), h["level"]) for d in gold["documents"] for h in d["headings"]]


def match(ours: list[tuple[str, int]], gold: list[tuple[str, int]]):
    sm = SequenceMatcher(None, [t for t, _ in ours], [t for t, _ in gold], autojunk=False)
    pairs = []
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            pairs.append((blk.a + k, blk.b + k))
    return pairs


def output_text(res: FileResult) -> tuple[str, set[str]]:
    lines = []
    block_lines = set()
    for doc in res.documents:
        if doc.title:
            lines.append(doc.title)
        for b in doc.blocks:
            lines.append((b.marker + b.text) if b.kind == "heading" else b.text)
            block_lines.add(lines[-1])
    return "\n".join(lines), block_lines


def score(res: FileResult, gold: dict, verbose: bool = False) -> dict:
    ours, gh = our_headings(res), gold_headings(gold)
    pairs = match(ours, gh)
    tp = len(pairs)
    p = tp / len(ours) if ours else 1.0
    r = tp / len(gh) if gh else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    lvl = sum(1 for a, b in pairs if ours[a][1] == gh[b][1]) / tp if tp else 1.0
    text, line_set = output_text(res)
    bp = gold.get("boilerplate", gold.get("boilerplate_samples", []))
    left = []
    for b in bp:
        if len(b) <= 8:  # short strings: whole-line match (they also occur inside content)
            if b.strip() in line_set:
                left.append(b)
        elif b in text:
            left.append(b)
    slots = {s.raw for d in res.documents for s in d.slots}
    ph = gold.get("placeholders", [])
    missing_ph = [x for x in ph if x not in slots]
    gold_titles = [d.get("title") for d in gold["documents"]]
    our_titles = [d.title for d in res.documents]
    gold_runin = [x for d in gold["documents"] for x in d.get("run_in_items", [])]
    our_runin = [norm(i.marker + i.text) for d in res.documents for i in d.run_in_items]
    found = sum(1 for g in gold_runin if any(o.startswith(norm(g)[:12]) for o in our_runin))
    if verbose:
        matched_a = {a for a, _ in pairs}
        matched_b = {b for _, b in pairs}
        for i, (t, lv) in enumerate(ours):
            if i not in matched_a:
                print(f"    FP  L{lv} {t}")
        for i, (t, lv) in enumerate(gh):
            if i not in matched_b:
                print(f"    FN  L{lv} {t}")
        for a, b in pairs:
            if ours[a][1] != gh[b][1]:
                print(f"    LVL ours {ours[a][1]} gold {gh[b][1]} {gh[b][0]}")
        print(f"    titles ours {our_titles}")
        print(f"    titles gold {gold_titles}")
        for x in left:
            print(f"    BOILERPLATE LEFT {x!r}")
        for x in missing_ph:
            print(f"    PLACEHOLDER MISSING {x!r}")
    return {
        "docs": (len(res.documents), len(gold["documents"])),
        "titles_ok": [_tnorm(t) for t in our_titles] == [_tnorm(t) for t in gold_titles],
        "genres_ok": all("genre" not in g for g in gold["documents"])
        or [d.genre for d in res.documents] == [g.get("genre") for g in gold["documents"]],
        "p": p,
        "r": r,
        "f1": f1,
        "level": lvl,
        "boilerplate_left": len(left),
        "boilerplate_total": len(bp),
        "placeholders": (len(ph) - len(missing_ph), len(ph)),
        "run_in": (found, len(gold_runin)),
    }


_PUNCT = re.compile(r"[\s。．.：:；;，,、！!？?]+")


def lost_lines(res: FileResult, raw_text: str) -> list[str]:
    """Input lines missing from the output that were not reported as removed (and are not
    collection separators, whose title is kept): text the importer dropped silently."""
    from eduwriter.core.clean import normalize_chars
    from eduwriter.core.segment import is_separator

    def squash(text: str) -> str:
        return _PUNCT.sub("", normalize_chars(text))

    out = squash(
        "\n".join(
            (d.title or "") + "\n" + "\n".join(b.marker + b.text for b in d.blocks)
            for d in res.documents
        )
    )
    removed = sorted((squash(r) for r in res.removed), key=len, reverse=True)
    lost = []
    for line in raw_text.splitlines():
        s = squash(line)
        if not s or s in out or is_separator(normalize_chars(line).strip()) is not None:
            continue
        rest = s
        for r in removed:
            rest = rest.replace(r, "")
        if rest and rest not in out:
            lost.append(line)
    return lost


def _tnorm(t: str | None) -> str | None:
    return None if t is None else _WS.sub("", t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", help="folder with raw/ and gold/")
    ap.add_argument("--samples", action="store_true", help="score the bundled samples")
    ap.add_argument("-v", "--verbose", action="store_true")
    ns = ap.parse_args(argv)
    if ns.samples:
        pairs = [
            (p, ROOT / "tests/data/gold" / (p.stem + ".json"))
            for p in sorted((ROOT / "resources/samples").glob("*.txt"))
        ]
    elif ns.corpus:
        base = Path(ns.corpus)
        pairs = [
            (p, base / "gold" / (p.stem + ".json")) for p in sorted((base / "raw").glob("*.txt"))
        ]
    else:
        ap.error("give a corpus folder or --samples")
    rows = []
    print(
        f"{'file':28} {'docs':>7} {'P':>5} {'R':>5} {'F1':>5} {'lvl':>5} {'bp left':>8} {'slots':>7} {'run-in':>7} titles genres"
    )
    for raw, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        res = analyze_file(raw)
        if res.error:
            print(f"{raw.name}: ERROR {res.error}")
            continue
        if ns.verbose:
            print(f"== {raw.name}")
        s = score(res, gold, ns.verbose)
        lost = lost_lines(res, raw.read_text(encoding="utf-8", errors="replace"))
        s["lost"] = len(lost)
        if ns.verbose:
            for line in lost:
                print(f"    LOST {line[:60]!r}")
        rows.append(s)
        print(
            f"{raw.name[:28]:28} {s['docs'][0]:>3}/{s['docs'][1]:<3} {s['p']:5.2f} {s['r']:5.2f} {s['f1']:5.2f} "
            f"{s['level']:5.2f} {s['boilerplate_left']:>3}/{s['boilerplate_total']:<4} "
            f"{s['placeholders'][0]:>3}/{s['placeholders'][1]:<3} {s['run_in'][0]:>3}/{s['run_in'][1]:<3} "
            f"{s['lost']:>4} "
            f"{'ok' if s['titles_ok'] else 'DIFF':6} {'ok' if s['genres_ok'] else 'DIFF'}"
        )
    if rows:
        n = len(rows)
        print(
            f"{'MEAN':28} {sum(1 for s in rows if s['docs'][0] == s['docs'][1])}/{n} docs ok "
            f"F1 {sum(s['f1'] for s in rows) / n:.3f} level {sum(s['level'] for s in rows) / n:.3f} "
            f"boilerplate left {sum(s['boilerplate_left'] for s in rows)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
