"""Build a library from the files given on the command line and check what came out.

Usage::

    python scripts/eval_library.py /path/to/corpus/raw/*.txt [--with-samples] [--show 5]
    python scripts/eval_library.py --judged [--split dev|heldout|blind|blind3|blind4|all]

``--judged`` runs the judged evaluation of issue 11: the public texts in
``tests/data/library_eval/sources`` (origins in ``manifest.tsv``) are extracted and every
phrasing is matched with its hand label in ``labels.tsv``; printed are the precision per
function, the slot-span precision, the usable / edit / junk shares and the documents' domains,
for the development split, the held-out split (labelled after the rules were frozen) and all.

The library is built in a temporary database (the user's library is never touched), from the
given files only (``--with-samples`` adds the bundled samples as the built-in part). Printed:
per-file import results, counts by kind / function / genre, merged skeletons, search timings,
and an independent cleanliness check of the phrasings — web boilerplate (navigation, footers,
editor notes), unbalanced quotes or brackets, a start in the middle of a word — with examples.
Evaluation material (e.g. the team's annotated corpus) is read only through these paths.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eduwriter.library import ingest  # noqa: E402
from eduwriter.library.store import LibraryStore  # noqa: E402

BOILERPLATE = (
    "首页",
    "当前位置",
    "版权所有",
    "ICP",
    "Copyright",
    "copyright",
    "点击",
    "浏览次数",
    "发布时间",
    "来源：",
    "责任编辑",
    "上一篇",
    "下一篇",
    "相关推荐",
    "相关文章",
    "小编",
    "本站",
    "手机阅读",
    "登录",
    "评论",
    "联系删除",
    "隐藏内容",
    "下载",
    "格式:",
    "上传",
    "阅读次数",
    "打印本页",
    "关闭窗口",
    "分享到",
    "扫一扫",
    "技术支持",
    "地址：",
    "邮编",
    "电话：",
)
PAIRS = ("“”", "‘’", "（）", "()", "《》", "【】", "〔〕", "「」", "[]")
BAD_START = set("的了着地得们性化之而且并或与及和、，。；：！？）》】”’")
#: Words that begin with one of those characters and may well start a sentence.
GOOD_STARTS = (
    "着力",
    "着眼",
    "着手",
    "着重",
    "着实",
    "而且",
    "并且",
    "化解",
    "地方",
    "得益于",
    "性别",
    "与会",
    "和谐",
    "或者",
    "之所以",
    "且",
)


def problems(text: str) -> list[str]:
    out = []
    hits = [w for w in BOILERPLATE if w in text]
    if hits:
        out.append("boilerplate:" + "/".join(hits))
    for pair in PAIRS:
        if text.count(pair[0]) != text.count(pair[1]):
            out.append(f"unbalanced {pair}")
    if text and text[0] in BAD_START and not text.startswith(GOOD_STARTS):
        out.append(f"starts with {text[0]}")
    if re.search(r"https?://|www\.|\.com|\.cn", text):
        out.append("url")
    return out


def _booktitle(title: str) -> str:
    return title if title.startswith("《") else f"《{title}》"


EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "library_eval"
#: The labelled batches, oldest first (see manifest.tsv and labels.tsv).
SPLITS = ("dev", "heldout", "blind", "blind3", "blind4")
#: Batches labelled on a random sample of their phrasings: items outside the sample are
#: counted, not an error.
SAMPLED = ("blind3", "blind4")


def _table(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def judged(split: str) -> int:
    """The judged evaluation (see the module doc); returns 1 when items lack a label."""
    from eduwriter.core.extract import extract_library
    from eduwriter.core.importer import analyze_files
    from eduwriter.core.slots import slot_kinds

    manifest = {r[0]: r for r in _table(EVAL_DIR / "manifest.tsv")}
    labels = {(r[1], r[2]): r for r in _table(EVAL_DIR / "labels.tsv")}
    splits = list(SPLITS) if split == "all" else [split]
    missing_total = 0
    for name in [*splits, *(["all"] if split == "all" else [])]:
        chosen = splits if name == "all" else [name]
        files = [EVAL_DIR / "sources" / f for f, r in sorted(manifest.items()) if r[1] in chosen]
        t0 = time.perf_counter()
        results = analyze_files(files)
        lib = extract_library(results)
        took = time.perf_counter() - t0
        print(f"\n=== {name}: {len(files)} sources, {len(lib.phrasings)} phrasings ({took:.1f} s)")
        judged_items, missing = [], []
        for p in lib.phrasings:
            label = next(
                (labels[(s.file, p.text)] for s in p.sources if (s.file, p.text) in labels), None
            )
            (judged_items if label else missing).append((p, label))
        outside = [m for m in missing if m[0].sources[0].file.split("_")[0] in SAMPLED]
        missing = [m for m in missing if m not in outside]
        missing_total += len(missing)
        if outside:
            print(f"   {len(outside)} phrasings of sampled batches outside the labelled sample")
        n = len(judged_items)
        if not n:
            print("   no labelled items")
            for p, _lab in missing:
                print(f"   UNLABELLED [{p.function}] {p.sources[0].file}: {p.text}")
            continue
        use = Counter(lab[4] for _p, lab in judged_items)
        print(
            "usability: "
            + ", ".join(
                f"{k} {use[k]} ({100 * use[k] / n:.1f} %)" for k in ("usable", "edit", "junk")
            )
            + f"  [n={n}]"
        )
        right = sum(1 for p, lab in judged_items if p.function == lab[3])
        print(f"function labels right: {right}/{n} ({100 * right / n:.1f} %)")
        by_fn: dict[str, list[bool]] = {}
        for p, lab in judged_items:
            by_fn.setdefault(p.function, []).append(p.function == lab[3])
        for fn, oks in sorted(by_fn.items(), key=lambda kv: -len(kv[1])):
            print(f"   precision {fn}: {sum(oks)}/{len(oks)} ({100 * sum(oks) / len(oks):.0f} %)")
        slots = sum(len(slot_kinds(p.text)) for p, _lab in judged_items)
        wrong = sum(int(lab[5]) for _p, lab in judged_items)
        missed = sum(int(lab[6]) for _p, lab in judged_items)
        prec = 100 * (slots - wrong) / slots if slots else 100.0
        print(
            f"slot spans: {slots - wrong}/{slots} right ({prec:.1f} %), {missed} specifics missed"
        )
        stale = sum(1 for p, _lab in judged_items if "stale" in p.flags)
        print(f"flagged stale: {stale}")
        docs = [(Path(r.path).name, d) for r in results for d in r.documents]
        ok = sum(1 for f, d in docs if d.domain == manifest[f][2])
        print(f"document domains right: {ok}/{len(docs)}")
        wrong_edu = [
            p.text[:30]
            for p, _lab in judged_items
            if p.domain == "education"
            and all(manifest[s.file][2] != "education" for s in p.sources)
        ]
        print(f"items from non-education documents shown as education: {len(wrong_edu)}")
        for p, _lab in missing:
            print(f"   UNLABELLED [{p.function}] {p.sources[0].file}: {p.text}")
    return 1 if missing_total else 0


def main() -> int:
    if "--judged" in sys.argv[1:]:
        ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        ap.add_argument("--judged", action="store_true")
        ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
        return judged(ap.parse_args().split)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--with-samples", action="store_true")
    ap.add_argument("--show", type=int, default=4, help="examples per function / problem")
    ns = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = LibraryStore.open(Path(tmp) / "eval.db")
        t0 = time.perf_counter()
        if ns.with_samples:
            ingest.ensure_builtin(store)
        report = ingest.import_files(store, [Path(p) for p in ns.paths])
        took = time.perf_counter() - t0
        print(
            f"built in {took:.2f} s: {len(report.files_ok)} files imported, "
            f"{len(report.errors)} failed"
        )
        for path, msg in report.errors:
            print(f"  FAILED {path}: {msg}")
        stats = store.stats()
        print(f"\nitems: {stats['total']}  by kind: {stats['by_kind']}")
        print(f"by origin: {stats['by_origin']}")
        print(
            f"phrasings by function ({len(stats['by_function'])} functions): {stats['by_function']}"
        )
        print(f"by genre: {stats['by_genre']}")
        print(
            f"skeletons by genre: {stats['skeletons_by_genre']}; merged: "
            f"{stats['merged_skeletons_by_genre']}"
        )

        print("\n== documents")
        for f in store.documents():
            for d in f.documents:
                print(
                    f"  {Path(f.file).name}: {_booktitle(d.item.title)} {d.item.genre}, "
                    f"{len(d.children)} top-level sections"
                )

        phrasings = store.items(kind="phrasing")
        flagged = [(p, problems(p.text)) for p in phrasings]
        flagged = [(p, pr) for p, pr in flagged if pr]
        share = 100 * len(flagged) / max(len(phrasings), 1)
        print(
            f"\n== cleanliness: {len(flagged)} of {len(phrasings)} phrasings flagged "
            f"({share:.1f} %)"
        )
        kinds = Counter(pr.split(":")[0] for _p, prs in flagged for pr in prs)
        print(f"   by problem: {dict(kinds)}")
        for p, prs in flagged[: ns.show * 4]:
            print(f"   [{p.function}] {p.text[:70]}  <- {', '.join(prs)}  ({p.sources[0].file})")

        print("\n== examples per function")
        by_fn: dict[str, list] = {}
        for p in phrasings:
            by_fn.setdefault(p.function, []).append(p)
        for fn, items in by_fn.items():
            items.sort(key=lambda p: -float(p.data.get("score", 0) or 0))
            print(f"-- {fn} ({len(items)})")
            for p in items[: ns.show]:
                print(f"   {p.text[:90]}")

        print("\n== merged skeletons")
        for sk in store.items(kind="skeleton"):
            if sk.data.get("merged"):
                parts = " → ".join(p["role"] for p in sk.data.get("parts", []))
                print(f"   {sk.genre}: {sk.title}: {parts}")

        print("\n== search")
        for q in ("教育", "安全", "学", "zdsx", "jiaoyu", "党建", "量子力学"):
            t = time.perf_counter()
            hits = store.search(q, limit=20)
            ms = (time.perf_counter() - t) * 1000
            first = (hits[0].title or hits[0].text)[:40] if hits else "-"
            print(f"   {q!r}: {len(hits)} hits in {ms:.1f} ms; first: {first}")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
