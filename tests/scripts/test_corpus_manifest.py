"""The evaluation corpus: every manifest entry has gold in its set, and the gold is well formed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus"
GENRES = {"plan", "summary", "report", "speech", "scheme", "notice", "letter", "typical",
          "request", "decision", "other"}  # fmt: skip
DOMAINS = {"education", "government", "other"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))


def test_corpus_size_formats_and_split(manifest):
    files = [f for f in manifest["files"] if f["set"] in ("dev", "heldout")]
    assert len(files) >= 40
    docx = [f for f in files if f["format"] == "docx"]
    modes = Counter(f["transform"]["mode"] for f in docx)
    assert len(docx) >= 10 and modes["numbered"] >= 3 and modes["direct"] >= 3
    sets = Counter(f["set"] for f in files)
    assert set(sets) == {"dev", "heldout"}
    assert {f["set"] for f in manifest["files"]} == {
        "dev",
        "heldout",
        "heldout2",
        "heldout2-unverified",
    }
    assert 0.5 <= sets["dev"] / len(files) <= 0.7
    assert len({f["name"] for f in files}) == len(files)
    for f in files:
        origin = f["origin"]
        assert origin["repo"].count("/") == 1 and len(origin["commit"]) == 40 and origin["path"]
        assert f["licence"] and f["committed"] is False


def test_every_file_has_well_formed_gold(manifest):
    for f in manifest["files"]:
        path = CORPUS / f["set"] / "gold" / (Path(f["name"]).stem + ".json")
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["file"] == f["name"]
        assert gold["documents"], f["name"]
        for doc in gold["documents"]:
            assert doc["genre"] in GENRES and doc["domain"] in DOMAINS, f["name"]
            for h in doc["headings"]:
                assert isinstance(h["level"], int) and h["level"] >= 1, (f["name"], h)
                assert h["text"].strip() == h["text"] and h["text"], (f["name"], h)
        assert len(set(gold["boilerplate"])) == len(gold["boilerplate"]), f["name"]
        assert not set(gold["boilerplate"]) & set(gold.get("optional", [])), f["name"]


def test_no_gold_without_manifest_entry(manifest):
    names = {(f["set"], Path(f["name"]).stem) for f in manifest["files"]}
    for g in CORPUS.glob("*/gold/*.json"):
        assert (g.parent.parent.name, g.stem) in names, g


def test_heldout2_is_a_fresh_batch_from_other_origins(manifest):
    later = ("heldout2", "heldout2-unverified")
    new = [f for f in manifest["files"] if f["set"] in later]
    old_repos = {f["origin"]["repo"] for f in manifest["files"] if f["set"] not in later}
    assert len(new) >= 38
    assert not {f["origin"]["repo"] for f in new} & old_repos
    docx = Counter(f["transform"]["mode"] for f in new if f["format"] == "docx")
    assert sum(docx.values()) >= 14 and docx["numbered"] >= 5 and docx["direct"] >= 5


def test_heldout2_is_mostly_education_and_hand_read(manifest):
    held = [f for f in manifest["files"] if f["set"] == "heldout2"]
    education = [f for f in held if f["domain"] == "education"]
    assert len(education) >= 14 and len(education) * 2 > len(held)
    edu_docx = Counter(f["transform"]["mode"] for f in education if f["format"] == "docx")
    assert edu_docx["numbered"] >= 2 and edu_docx["direct"] >= 2
    for f in manifest["files"]:
        gold_path = CORPUS / f["set"] / "gold" / (Path(f["name"]).stem + ".json")
        notes = json.loads(gold_path.read_text("utf-8"))["notes"]
        if f["set"] == "heldout2":
            assert "by hand" in notes, f["name"]
        if f["set"] == "heldout2-unverified":
            assert "NOT verified by hand" in f["notes"], f["name"]


def test_duplicates_name_a_file_of_the_same_set(manifest):
    where = {f["name"]: f["set"] for f in manifest["files"]}
    for f in manifest["files"]:
        if "duplicate_of" in f:
            assert f["duplicate_of"] != f["name"]
            assert where.get(f["duplicate_of"]) == f["set"], f["name"]


def test_fetch_script_knows_every_transform(manifest):
    import inspect
    import sys

    sys.path.insert(0, str(CORPUS.parents[2] / "scripts"))
    import fetch_corpus

    source = inspect.getsource(fetch_corpus)
    for f in manifest["files"]:
        assert f'"{f["transform"]["type"]}"' in source, f["name"]
        assert f'"{f["set"]}"' in source, f["set"]


def test_gold_checker_flags_a_heading_missing_from_the_text(tmp_path):
    import sys

    sys.path.insert(0, str(CORPUS.parents[2] / "scripts"))
    import eval_corpus

    raw = tmp_path / "a.txt"
    raw.write_text("标题\n一、总体要求\n正文。\n（一）工作目标。正文\n", encoding="utf-8")
    doc = {"title": "标题", "genre": "plan", "domain": "education", "headings": []}
    good = {
        "documents": [
            dict(
                doc,
                headings=[
                    {"level": 1, "text": "一、总体要求"},
                    {"level": 2, "text": "（一）工作目标"},
                ],
            )
        ]
    }
    assert eval_corpus.check_gold(raw, good) == []
    bad = {
        "documents": [dict(doc, headings=[{"level": 2, "text": "二、不存在的标题"}])],
        "boilerplate": ["网站首页"],
    }
    problems = eval_corpus.check_gold(raw, bad)
    assert any("not at a line start" in p for p in problems)
    assert any("level 2 after 0" in p for p in problems)
    assert any("boilerplate" in p for p in problems)
