"""Evaluate phrasing and skeleton extraction on files given on the command line.

    python scripts/eval_extract.py /path/to/corpus/raw/*.txt [--samples N] [--seed S] [--json]

Runs every file through the importer and ``extract_library``, then prints counts by function,
genre and tag, merged skeletons, samples of phrasings per function, and automatic cleanliness
checks (boilerplate words, cut words, dangling particles, unbalanced quotes or brackets, raw
placeholders, sentence boundaries).  Exits with status 1 when a check fails.

The corpus is evaluation material: it is read only from the paths passed here.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eduwriter.core.extract import extract_library  # noqa: E402
from eduwriter.core.importer import analyze_file  # noqa: E402
from eduwriter.core.items import FUNCTIONS, Phrasing  # noqa: E402
from eduwriter.core.model import Block, Document, FileResult  # noqa: E402
from eduwriter.core.phrases import (  # noqa: E402
    BOILERPLATE_WORDS,
    balanced,
    normalise_text,
    starts_badly,
)
from eduwriter.core.skeletons import document_title  # noqa: E402

_EXTRA_BOILERPLATE = ("版权所有", "ICP", "技术支持", "联系我们", "返回顶部", "打印本页", "关闭窗口")


def check(p: Phrasing) -> list[str]:
    """Independent cleanliness checks of one phrasing (what a user would notice)."""
    t = p.text
    why: list[str] = []
    hits = [w for w in BOILERPLATE_WORDS + _EXTRA_BOILERPLATE if w in t]
    if re.search(r"\d+\s*页|\bKB\b", t):
        hits.append("页数/KB")
    if hits:
        why.append("boilerplate " + ",".join(hits))
    bad_start = starts_badly(t)
    if bad_start:
        why.append(bad_start)
    if not balanced(t):
        why.append("unbalanced quotes/brackets")
    if p.function in ("标题", "常用词组"):
        if re.search(r"[，、“‘（《【：]$", t):
            why.append("ends inside a clause")
    elif not re.search(r"[。！？；：][”’）」』]?$", t):
        why.append("not at a sentence boundary")
    if re.search(r"[Xx]{2,}|\*|_{2,}|\^v\^|\ufffd", t):
        why.append("raw placeholder or artefact")
    if re.search(r"\s", t):
        why.append("whitespace inside")
    if len(t) < 4:
        why.append("too short")
    return why


def _scaled(results: list, repeat: int) -> list:
    """Copies of the analysed files under new names, with a number varied per copy so that
    near-duplicate merging has real work to do."""
    out = []
    for n in range(repeat):
        for r in results:
            docs = [
                Document(
                    title=d.title,
                    genre=d.genre,
                    blocks=[
                        Block(
                            b.kind,
                            b.text.replace("，", f"，{n % 7}" if n % 3 else "，", 1),
                            b.level,
                            b.marker,
                        )
                        for b in d.blocks
                    ],
                )
                for d in r.documents
            ]
            out.append(FileResult(path=f"copy{n}/{Path(r.path).name}", documents=docs))
    return out


_BOUNDARY_BEFORE = set("。！？；：，、”’）」』】》〕")
_ENUM_END = re.compile(
    r"(?:第?[一二三四五六七八九十]+个?是|第[一二三四五六七八九十]+[，、]?|[①-⑳]"
    r"|[（(〔][一二三四五六七八九十\d]+[)）〕]|\d+[.、．]|首先，|其次，)$"
)


def _source_blocks(results: list) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for r in results:
        for i, doc in enumerate(r.documents):
            key = (Path(r.path).name, document_title(doc, i, Path(r.path).name))
            out.setdefault(key, []).extend(normalise_text(b.text) for b in doc.blocks)
    return out


def check_source(p: Phrasing, blocks: dict[tuple[str, str], list[str]]) -> list[str]:
    """A phrasing with neither slots nor repairs must occur in a source block right after a
    boundary (block start, punctuation or an enumerator): otherwise a word was cut."""
    if p.slots or p.repairs or p.function == "常用词组":
        return []
    body = p.text.rstrip("。；")
    for src in p.sources:
        for block in blocks.get((src.file, src.document), []):
            start = block.find(body)
            while start != -1:
                before = block[:start]
                if not before or before[-1] in _BOUNDARY_BEFORE or _ENUM_END.search(before):
                    return []
                start = block.find(body, start + 1)
    return ["not found at a boundary of its source (cut word?)"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--samples", type=int, default=6, help="phrasings shown per function")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print figures as JSON only")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time extraction over N copies of the input (as distinct files, text slightly varied)",
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    results = [analyze_file(p) for p in args.paths]
    t1 = time.perf_counter()
    lib = extract_library(results)
    t2 = time.perf_counter()
    if args.repeat > 1:
        scaled = _scaled(results, args.repeat)
        t3 = time.perf_counter()
        big = extract_library(scaled)
        t4 = time.perf_counter()
        docs = sum(len(r.documents) for r in scaled)
        print(
            f"scale: {docs} documents -> {len(big.phrasings)} phrasings, "
            f"{len(big.skeletons)} skeletons in {t4 - t3:.2f} s"
        )

    phr = lib.phrasings
    by_function = Counter(p.function for p in phr)
    blocks = _source_blocks(results)
    failures = [(p, check(p) + check_source(p, blocks)) for p in phr]
    failures = [(p, why) for p, why in failures if why]
    figures = {
        "files": len(results),
        "documents": sum(len(r.documents) for r in results),
        "errors": [r.path for r in results if r.error],
        "phrasings": len(phr),
        "functions_present": sum(1 for f in FUNCTIONS if by_function[f]),
        "by_function": {f: by_function[f] for f in FUNCTIONS},
        "by_genre": dict(Counter(p.genre for p in phr)),
        "top_tags": dict(Counter(t for p in phr for t in p.tags).most_common(12)),
        "families": len(lib.families),
        "family_patterns": len({p.family for p in phr if p.family}),
        "with_slots": sum(1 for p in phr if p.slots),
        "repaired_spun": sum(1 for p in phr if p.repairs),
        "multi_source": sum(1 for p in phr if len(p.sources) > 1),
        "skeletons": len(lib.skeletons),
        "merged_genres": [m.genre for m in lib.merged],
        "unclean": len(failures),
        "import_seconds": round(t1 - t0, 3),
        "extract_seconds": round(t2 - t1, 3),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 1 if failures else 0

    print("== 数字 figures")
    for k, v in figures.items():
        print(f"  {k}: {v}")
    print("\n== 合并结构 merged skeletons")
    for m in lib.merged:
        print(f"  [{m.genre}] {m.title}")
        for part, n, ex in zip(m.parts, m.support, m.examples, strict=True):
            where = f"{ex[0].file}:{'/'.join(ex[0].section) or ex[0].document}" if ex else ""
            print(f"    {part.role:<6} ×{n}  {part.hint[:60]}  e.g. {where[:50]}")
    print("\n== 文档结构 document skeletons (first 3)")
    for sk in lib.skeletons[:3]:
        print(f"  {sk.title} [{sk.genre}]")
        for part in sk.parts[:12]:
            print(f"    {'  ' * (part.level - 1)}{part.heading} <{part.role}> {part.hint[:40]}")
    rng = random.Random(args.seed)
    print("\n== 样例 samples (best first, then random)")
    for f in FUNCTIONS:
        items = [p for p in phr if p.function == f]
        if not items:
            continue
        print(f"-- {f} ({len(items)})")
        shown = items[: max(1, args.samples // 2)]
        rest = items[len(shown) :]
        shown += rng.sample(rest, min(len(rest), args.samples - len(shown)))
        for p in shown:
            fam = f"  family={p.family}" if p.family else ""
            tags = ",".join(p.tags)
            print(f"   {p.score:.2f} {p.text}  [{tags}] ({len(p.sources)} src){fam}")
    families = Counter(p.family for p in phr if p.family)
    if families:
        print("\n== 标题族 heading families")
        for fam, n in families.most_common(10):
            members = [p.text for p in phr if p.family == fam][:4]
            print(f"   {fam} ×{n}: {' / '.join(members)}")
    print(f"\n== 检查 cleanliness: {len(failures)} unclean of {len(phr)}")
    for p, why in failures[:40]:
        print(f"   ✗ {p.text}  <- {'; '.join(why)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
