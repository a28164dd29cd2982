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
    files = manifest["files"]
    assert len(files) >= 40
    docx = [f for f in files if f["format"] == "docx"]
    modes = Counter(f["transform"]["mode"] for f in docx)
    assert len(docx) >= 10 and modes["numbered"] >= 3 and modes["direct"] >= 3
    sets = Counter(f["set"] for f in files)
    assert set(sets) == {"dev", "heldout"}
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
