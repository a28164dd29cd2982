"""The merge state: imports and removals re-merge only what they touch, and give the library a
merge of everything at once gives (the core's ``assemble_library`` over all files)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from eduwriter.core.importer import analyze_file
from eduwriter.library import derive, ingest, merge_parts, merge_state
from eduwriter.library.store import LibraryStore
from eduwriter.resources_path import sample_files

_NUMS = "一二三四五六七八九十"
_TOPICS = ["德育", "美育", "劳动", "安全", "心理健康", "国防", "法治"]
_HEAD = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])")


def _material() -> tuple[list[str], list[str]]:
    paras, heads = [], []
    for f in sample_files():
        for line in f.read_text(encoding="utf-8", errors="ignore").splitlines():
            line = line.strip()
            m = _HEAD.match(line)
            if m and len(line) <= 30:
                heads.append(line[m.end() :].strip("。 "))
            elif len(line) >= 30:
                paras.append(line)
    return paras[:30], heads[:40]


def _files(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` small documents recombining sample paragraphs and headings (shared and near-
    duplicate sentences across files, as a growing library has)."""
    paras, heads = _material()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(n):
        school = f"{'甲乙丙丁戊己庚辛'[k % 8]}校"
        lines = [f"{school}{rng.choice(['德育', '安全', '教学'])}工作计划"]
        lines.append(rng.choice(paras))
        for i in range(rng.randint(2, 4)):
            lines.append(f"{_NUMS[i]}、{rng.choice(heads)}")
            parallel = rng.sample(_TOPICS, 3) if rng.random() < 0.5 else None
            for j in range(rng.randint(0, 3)):
                tail = "教育工作" if rng.random() < 0.6 else "教育"  # near-duplicate headings
                head = f"着力加强{parallel[j]}{tail}" if parallel else rng.choice(heads)
                lines.append(f"（{_NUMS[j]}）{head}")
                para = rng.choice(paras)
                if rng.random() < 0.5:  # a near-duplicate: a few characters dropped
                    cut = rng.randrange(len(para) - 3)
                    para = para[:cut] + para[cut + rng.randint(1, 3) :]
                lines.append(para)
        path = folder / f"{seed}_{k:03d}_{school}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


def _extracted(store: LibraryStore) -> list[tuple]:
    return sorted(
        (i.id, i.kind, i.origin, i.title, i.text, i.function, str(i.data), str(i.sources))
        for i in store.items()
        if i.kind in ("phrasing", "skeleton")
    )


def _all(store: LibraryStore) -> list[tuple]:
    return sorted(
        (i.id, i.kind, i.origin, i.title, i.text, i.function, str(i.data), str(i.sources))
        for i in store.items()
    )


def _at_once(tmp: Path, files: list[Path], name: str) -> list[tuple]:
    with LibraryStore.open(tmp / f"{name}.db") as fresh:
        ingest.import_files(fresh, files)
        return _all(fresh)


def _core(files: list[Path]) -> list[tuple]:
    """The extracted items the core makes from all files at once (no merge state)."""
    triples = [(str(p), "imported", analyze_file(p)) for p in files]
    return sorted(
        (i.id, i.kind, i.origin, i.title, i.text, i.function, str(i.data), str(i.sources))
        for i in derive.derive_items(triples)
        if i.kind in ("phrasing", "skeleton")
    )


@pytest.mark.parametrize("max_bucket", [merge_state.MAX_BUCKET, 3])
def test_imports_and_removals_equal_a_build_at_once(tmp_path, monkeypatch, max_bucket):
    # a small bucket limit makes every common shingle a "large bucket" (neighbours by length)
    monkeypatch.setattr(merge_state, "MAX_BUCKET", max_bucket)
    monkeypatch.setattr(merge_state, "BULK_SHARE", 100.0)  # never all again after the first
    files = _files(tmp_path / "docs", 16, seed=7)
    steps = [
        ("add", files[:8]),
        ("add", files[8:11]),
        ("remove", files[2:4]),
        ("add", files[11:12]),
        ("remove", files[0:1]),
        ("add", files[2:3]),
        ("add", files[12:16]),
        ("remove", files[9:13]),
    ]
    current: list[Path] = []
    with LibraryStore.open(tmp_path / "step-by-step.db") as store:
        for n, (what, chunk) in enumerate(steps):
            if what == "add":
                ingest.import_files(store, chunk)
                current += [p for p in chunk if p not in current]
            else:
                ingest.remove_files(store, [str(p) for p in chunk])
                current = [p for p in current if p not in chunk]
            assert store.count("phrasing") > 0
            assert _all(store) == _at_once(tmp_path, sorted(current), f"at-once-{n}")
            if max_bucket == merge_state.MAX_BUCKET:
                assert _extracted(store) == _core(sorted(current))
        # --rebuild gives the same library
        incremental = _all(store)
        ingest.import_files(store, sorted(current), full=True)
        assert _all(store) == incremental


def test_an_import_re_merges_only_what_it_touches(tmp_path, monkeypatch):
    files = _files(tmp_path / "docs", 12, seed=3)
    merged: list[int] = []
    real = merge_state._merge

    def counting(members):
        merged.append(len(members))
        return real(members)

    monkeypatch.setattr(merge_state, "_merge", counting)
    with LibraryStore.open(tmp_path / "library.db") as store:
        ingest.import_files(store, files[:11])
        everything = len(merged)
        merged.clear()
        ingest.import_files(store, files[11:])
        assert 0 < len(merged) < everything / 2


def test_an_interrupted_assembly_is_finished_by_the_next_import(tmp_path, monkeypatch):
    files = _files(tmp_path / "docs", 6, seed=5)
    with LibraryStore.open(tmp_path / "library.db") as store:
        ingest.import_files(store, files[:4])

        def broken(*_a, **_k):
            raise RuntimeError("power cut")

        monkeypatch.setattr(merge_parts, "families", broken)
        with pytest.raises(RuntimeError):
            ingest.import_files(store, files[4:5])  # the file is committed, the merge is not
        monkeypatch.undo()
        ingest.import_files(store, files[5:])
        assert _all(store) == _at_once(tmp_path, files, "at-once")


def _partition(keys_roots: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, root in keys_roots.items():
        groups.setdefault(root, set()).add(key)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(6))
def test_clusters_follow_near_duplicate_groups_through_adds_and_removals(monkeypatch, seed):
    """Random texts over a few characters (many shared shingles, buckets over the size limit):
    after each step the stored clusters are those of ``near_duplicate_groups`` over all keys."""
    import sqlite3

    from eduwriter.core.extract import Candidate, DocumentExtraction
    from eduwriter.core.items import SourceRef
    from eduwriter.core.scoring import near_duplicate_groups
    from eduwriter.library import schema

    monkeypatch.setattr(merge_state, "MAX_BUCKET", 4)
    monkeypatch.setattr(merge_state, "BULK_SHARE", 100.0)
    rng = random.Random(seed)
    base = ["".join(rng.choice("教育学校工作") for _ in range(12)) for _ in range(20)]

    def text() -> str:
        t = list(rng.choice(base))
        for _ in range(rng.randint(1, 3)):
            t[rng.randrange(len(t))] = rng.choice("教育学校工作安全")
        return "".join(t) + "。"

    def file_exts(name: str) -> list[DocumentExtraction]:
        src = SourceRef(name, "doc", ("一",))
        cands = [
            Candidate(text(), "", "措施", False, src, "plan", 0.9) for _ in range(rng.randint(3, 8))
        ]
        return [DocumentExtraction(cands, None)]

    conn = sqlite3.connect(":memory:")
    schema.migrate(conn)
    files: list[str] = []
    for step in range(50):
        if files and rng.random() < 0.25:
            name = rng.choice(files)
            files.remove(name)
            merge_state.forget_file(conn, name)
        else:
            name = f"f{step:02d}"
            files.append(name)
            merge_state.save_file(conn, name, "imported", file_exts(name))
        merge_state.assemble(conn)
        stored = dict(conn.execute("SELECT key, cluster FROM ckeys"))
        keys = [k for (k,) in conn.execute("SELECT key FROM ckeys ORDER BY pos")]
        roots = near_duplicate_groups(keys, max_bucket=4)
        assert _partition(stored) == _partition(
            {k: keys[r] for k, r in zip(keys, roots, strict=True)}
        )


# a library written by EduWriter with schema 5 (per-file results stored whole, analyses as JSON
# text): the two files of V3_TEXTS imported from the folder "/!v5" (a path before any other, so
# files imported later come after them, as in the library built at once below), the phrasing
# V5_FAVOURITE a favourite in the folder 常用 used once, a snippet in 常用/通知
V5_LIBRARY = Path(__file__).resolve().parents[1] / "data" / "library_v5.db"
V5_FAVOURITE = "ph-a2fdebf08362b3c1"


def test_a_schema_5_library_migrates_and_keeps_the_writers_things(tmp_path):
    import shutil
    import sqlite3

    from test_ingest import V3_TEXTS, _content, _plan

    db = tmp_path / "library.db"
    shutil.copy(V5_LIBRARY, db)
    new = _plan(tmp_path / "丙校计划.txt", "校园足球联赛")
    with LibraryStore.open(db) as store:
        assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 6
        fav = store.get(V5_FAVOURITE)
        assert fav.favorite and fav.usage == 1 and store.folder_path(fav.folder) == "常用"
        assert store.search("隐患排查")  # the stored items are usable before any import
        report = ingest.import_files(store, [new])
        assert report.files_ok == [str(new)] and not report.errors
        fav = store.get(V5_FAVOURITE)
        assert fav.favorite and fav.usage == 1 and store.folder_path(fav.folder) == "常用"
        [snippet] = store.items(kind="snippet")
        assert snippet.text.startswith("我的旧片段") and snippet.tags == ["通知"]
        assert store.folder_path(snippet.folder) == "常用/通知"
        migrated = _content(store)
        # analyses stored as JSON text by schema 5 are still read (and mentioned places found)
        assert store.files_mentioning(["绍兴"]) >= {
            n for n in store.file_origins() if "甲校" in n or "乙校" in n
        }
    fresh_dir = tmp_path / "!fresh"
    fresh_dir.mkdir()
    files = []
    for name, text in V3_TEXTS.items():
        (fresh_dir / name).write_text(text, encoding="utf-8")
        files.append(fresh_dir / name)
    with LibraryStore.open(tmp_path / "fresh.db") as fresh:
        ingest.import_files(fresh, [*files, new])
        assert _content(fresh) == migrated
