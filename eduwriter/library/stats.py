"""Counts of a library (``eduwriter library stats`` and the About box)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

from eduwriter.library import schema

Query = Callable[[str, Sequence], list[tuple]]


def library_stats(query: Query) -> dict:
    """Counts by kind, origin, function (phrasings), genre, skeletons per genre, and more;
    ``query(sql, params)`` reads the library's tables."""
    found = query("SELECT kind, function, genre, origin, data FROM items", ())
    return stats_of(
        found,
        query("SELECT origin, COUNT(*) FROM files GROUP BY origin", ()),
        query("SELECT COUNT(*) FROM folders", ())[0][0],
        query("SELECT COUNT(*) FROM tags", ())[0][0],
        schema.SCHEMA_VERSION,
    )


def stats_of(
    found: Sequence[tuple], files: Sequence[tuple], folders: int, tags: int, version: int
) -> dict:
    """The counts of :func:`library_stats` from rows ``(kind, function, genre, origin, data
    as JSON text)`` of every item and ``(origin, count)`` of the stored files (any backend)."""
    by_kind: Counter[str] = Counter()
    by_origin: Counter[str] = Counter()
    by_function: Counter[str] = Counter()
    by_genre: Counter[str] = Counter()
    skel_genre: Counter[str] = Counter()
    merged_genre: Counter[str] = Counter()
    families = 0
    for kind, function, genre, origin, data in found:
        by_kind[kind] += 1
        if kind == "phrasing" and '"members"' in data and "members" in json.loads(data):
            families += 1
        by_origin[origin] += 1
        if kind == "phrasing" and function:
            by_function[function] += 1
        if genre:
            by_genre[genre] += 1
        if kind == "skeleton":
            skel_genre[genre or ""] += 1
            if json.loads(data).get("merged"):
                merged_genre[genre or ""] += 1
    return {
        "total": len(found),
        "by_kind": dict(sorted(by_kind.items())),
        "by_origin": dict(sorted(by_origin.items())),
        "by_function": dict(by_function.most_common()),
        "by_genre": dict(by_genre.most_common()),
        "skeletons_by_genre": dict(skel_genre.most_common()),
        "merged_skeletons_by_genre": dict(merged_genre.most_common()),
        "families": families,
        "files": {o: n for o, n in files},
        "folders": folders,
        "tags": tags,
        "schema_version": version,
    }
