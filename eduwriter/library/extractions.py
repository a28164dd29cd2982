"""Per-file extraction results as the library stores them (the ``extractions`` table).

Importing a file extracts only that file (:func:`extract_file`); the library's phrasings,
heading families and skeletons are then assembled from every file's stored result
(:func:`eduwriter.core.extract.assemble_library`) without analysing or extracting anything again.

A stored result is valid while :func:`extractor_version` is unchanged (a new EduWriter whose
extraction differs re-extracts the stored analyses once, without reading the files again) and
while the library's learnt place names that occur in the file are the same as when it was
extracted (:mod:`eduwriter.library.ingest` re-extracts the files that name a place learnt or
forgotten since).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import eduwriter
from eduwriter.core.extract import Candidate, DocumentExtraction, extract_document
from eduwriter.core.items import Skeleton as SkeletonData
from eduwriter.core.items import SkeletonPart, SourceRef
from eduwriter.core.model import FileResult
from eduwriter.resources_path import resources_dir


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the code and word lists the extraction depends on: stored results made by a
    different extractor are made again."""
    digest = hashlib.sha1(eduwriter.__version__.encode())
    core = Path(__file__).resolve().parents[1] / "core"
    dictionaries = resources_dir() / "dictionaries"
    for folder, pattern in ((core, "*.py"), (dictionaries, "*")):
        try:
            for path in sorted(folder.glob(pattern)):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
        except OSError:  # a frozen build without sources: the version string decides
            continue
    return digest.hexdigest()[:16]


def extract_file(result: FileResult, name: str, places: set[str]) -> list[DocumentExtraction]:
    """The per-document results of one analysed file (``name``: the base name sources cite)."""
    if result.error:
        return []
    return [extract_document(doc, name, i, places) for i, doc in enumerate(result.documents)]


# --------------------------------------------------------------------------------------------
# JSON (compact: one list per candidate)


def _src(s: SourceRef | None) -> list | None:
    return None if s is None else [s.file, s.document, list(s.section)]


def _ref(data: list | None) -> SourceRef | None:
    return None if data is None else SourceRef(data[0], data[1], tuple(data[2]))


def ref(data: list | None) -> SourceRef | None:
    """A source reference from its stored list form."""
    return _ref(data)


def candidate_json(c: Candidate) -> list:
    """One candidate as a list (the stored form)."""
    return [
        c.text,
        c.original,
        c.function,
        int(c.strong),
        _src(c.source),
        c.genre,
        c.score,
        c.repairs,
        c.family,
        c.context,
        c.domain,
    ]


def candidate_from_json(c: list) -> Candidate:
    return Candidate(
        text=c[0],
        original=c[1],
        function=c[2],
        strong=bool(c[3]),
        source=_ref(c[4]),
        genre=c[5],
        score=c[6],
        repairs=list(c[7]),
        family=c[8],
        context=c[9],
        domain=c[10],
    )


def skeleton_json(sk: SkeletonData) -> dict:
    return {
        "id": sk.id,
        "title": sk.title,
        "genre": sk.genre,
        "parts": [[p.level, p.heading, p.role, p.hint, _src(p.source)] for p in sk.parts],
        "merged": sk.merged,
        "support": sk.support,
        "examples": [[_src(r) for r in ex] for ex in sk.examples],
        "sources": [_src(s) for s in sk.sources],
        "form": sk.form,
        "domain": sk.domain,
    }


def skeleton_from_json(skel: dict) -> SkeletonData:
    return SkeletonData(
        id=skel["id"],
        title=skel["title"],
        genre=skel["genre"],
        parts=[SkeletonPart(p[0], p[1], p[2], p[3], _ref(p[4])) for p in skel["parts"]],
        merged=skel["merged"],
        support=list(skel["support"]),
        examples=[[_ref(r) for r in ex] for ex in skel["examples"]],
        sources=[_ref(s) for s in skel["sources"]],
        form=skel["form"],
        domain=skel["domain"],
    )


def to_json(exts: list[DocumentExtraction]) -> list:
    out = []
    for ext in exts:
        cands = [candidate_json(c) for c in ext.candidates]
        skel = skeleton_json(ext.skeleton) if ext.skeleton is not None else None
        out.append([cands, skel])
    return out


def from_json(data: list) -> list[DocumentExtraction]:
    out = []
    for cands, skel in data:
        candidates = [candidate_from_json(c) for c in cands]
        sk = skeleton_from_json(skel) if skel is not None else None
        out.append(DocumentExtraction(candidates, sk))
    return out
