"""Related and near-synonymous 公文 terms, shipped as editable data, to widen a search.

``resources/dictionaries/related_terms.tsv`` holds one group of related terms a line (家校共育,
家校社协同, 家校合作 …). A query that holds a term of a group is widened, after its own hits, to
the texts that hold another term of the group in its place; those hits rank below the exact ones.
The file is plain text a writer may extend; a damaged file only means no widening.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eduwriter.resources_path import resources_dir


def lexicon_path() -> Path:
    return resources_dir() / "dictionaries" / "related_terms.tsv"


def parse_groups(text: str) -> tuple[tuple[str, ...], ...]:
    """The groups of a lexicon's text (blank lines and ``#`` comments skipped; a group needs at
    least two terms)."""
    groups: list[tuple[str, ...]] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        terms = tuple(dict.fromkeys(t.strip() for t in line.split("\t") if t.strip()))
        if len(terms) >= 2:
            groups.append(terms)
    return tuple(groups)


class RelatedTerms:
    """Lookup of related terms: term → the other terms of every group it belongs to."""

    def __init__(self, groups: tuple[tuple[str, ...], ...]) -> None:
        self.groups = groups
        self._related: dict[str, list[str]] = {}
        for group in groups:
            for term in group:
                others = self._related.setdefault(term.casefold(), [])
                others.extend(t for t in group if t != term and t not in others)
        # longest first: 家校共育 is replaced before a shorter term inside it
        self._terms = sorted(self._related, key=len, reverse=True)

    def related(self, term: str) -> list[str]:
        """The terms related to ``term`` itself (empty when it is in no group)."""
        return list(self._related.get(term.casefold(), ()))

    def widen_term(self, term: str) -> list[tuple[str, ...]]:
        """Ways to widen one query term: for the longest lexicon term it is or holds, each related
        term with the rest of ``term`` kept as further terms (推进双减 → (减负, 推进) …)."""
        t = term.casefold()
        for known in self._terms:
            at = t.find(known)
            if at == -1:
                continue
            rest = tuple(p for p in (t[:at], t[at + len(known) :]) if p)
            return [(other.casefold(), *rest) for other in self._related[known]]
        return []

    def widen(self, query: str) -> list[str]:
        """Variants of ``query`` with its lexicon term replaced by each related term, the longest
        lexicon term found first (推进家校共育 → 推进家校社协同, 推进家校合作 …)."""
        q = query.casefold()
        out: list[str] = []
        for term in self._terms:
            if term in q:
                for other in self._related[term]:
                    variant = q.replace(term, other.casefold())
                    if variant != q and variant not in out:
                        out.append(variant)
                break
        return out


@lru_cache(maxsize=1)
def shipped() -> RelatedTerms:
    """The lexicon shipped with the program (read once)."""
    try:
        text = lexicon_path().read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    return RelatedTerms(parse_groups(text))
