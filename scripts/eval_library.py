"""Build a library from the files given on the command line and check what came out.

Usage::

    python scripts/eval_library.py /path/to/corpus/raw/*.txt [--with-samples] [--show 5]

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


def main() -> int:
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
