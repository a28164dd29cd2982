"""The domain of a document: education, general government work, or other — from its words.

A library for education offices must not file a provincial government work report or a tax
notice as education material.  :func:`document_domain` adds up the weights of the domain words
a text uses (``resources/dictionaries/domain_terms.tsv``: 教育, 班主任, 课后服务 … / 财政, 税收,
招商 … / 公司, 客户 …), matched leftmost-longest in one pass of a compiled pattern, so a longer
listed word wins (教育局 counts as 教育局, not as 教育) — the whole-word counting of a segmenter at a
fraction of its cost, which matters because every imported document is scored.  The decision is a
transparent rule over those sums:

* too little evidence (under :data:`MIN_EVIDENCE` weighted words, or under
  :data:`MIN_DENSITY` per thousand characters) → ``other``;
* education words make at least :data:`EDUCATION_SHARE` of the evidence → ``education`` (an
  education bureau's report speaks of 党建 and 安全生产 too, but a government work report with
  one paragraph on schools stays government: its education words are well under that share);
* otherwise the larger of government and other.

No site, file or document name is consulted.  An item's domain follows its source documents
(:func:`item_domain`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from eduwriter.resources_path import resources_dir

__all__ = [
    "DOMAINS",
    "DomainScore",
    "document_domain",
    "domain_scores",
    "item_domain",
    "load_terms",
    "trie_pattern",
]

DOMAINS = ("education", "government", "other")
MIN_EVIDENCE = 4.0
MIN_DENSITY = 3.0
EDUCATION_SHARE = 0.6
#: Only the start of a very long document is read (the domain shows early).
_MAX_CHARS = 20000


@dataclass(frozen=True, slots=True)
class DomainScore:
    """Weighted domain words found, per domain, and the characters read."""

    education: float
    government: float
    other: float
    chars: int

    @property
    def total(self) -> float:
        return self.education + self.government + self.other

    def decide(self) -> str:
        """The domain these sums give (see the module doc)."""
        total = self.total
        if total < MIN_EVIDENCE or total * 1000 / max(self.chars, 1) < MIN_DENSITY:
            return "other"
        if self.education >= EDUCATION_SHARE * total:
            return "education"
        return "government" if self.government >= self.other else "other"


def parse_terms(text: str) -> dict[str, tuple[str, float]]:
    """Read the term table (WORD, DOMAIN, WEIGHT); malformed lines are skipped."""
    terms: dict[str, tuple[str, float]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[1] not in DOMAINS:
            continue
        try:
            terms[cols[0].strip()] = (cols[1], float(cols[2]))
        except ValueError:
            continue
    return terms


@lru_cache(maxsize=1)
def load_terms() -> dict[str, tuple[str, float]]:
    """The shipped term table (read once)."""
    try:
        path = resources_dir() / "dictionaries" / "domain_terms.tsv"
        return parse_terms(path.read_text(encoding="utf-8-sig"))
    except OSError:
        return {}


@lru_cache(maxsize=1)
def _terms_pattern() -> re.Pattern[str] | None:
    terms = load_terms()
    if not terms:
        return None
    return re.compile(trie_pattern(terms))


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, leftmost-longest, built as a trie
    (教(?:育(?:局)?)?…): a flat alternation of a few hundred words makes the regex engine try
    every word at every character, the trie one branch per character."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_branch(root)


def _trie_branch(node: dict[str, dict]) -> str:
    alternatives = [re.escape(ch) + _trie_branch(node[ch]) for ch in sorted(node) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    # a word may end here: the longer continuation is optional (greedy, so tried first)
    return f"(?:{body})?" if "" in node else body


def domain_scores(text: str) -> DomainScore:
    """The weighted domain words of ``text`` (its first :data:`_MAX_CHARS` characters)."""
    text = text[:_MAX_CHARS]
    terms = load_terms()
    sums = dict.fromkeys(DOMAINS, 0.0)
    pattern = _terms_pattern()
    # findall and a Counter run in C; the weights are added once per distinct word
    for word, count in Counter(pattern.findall(text) if pattern else ()).items():
        domain, weight = terms[word]
        sums[domain] += weight * count
    chars = len("".join(text.split()))
    return DomainScore(sums["education"], sums["government"], sums["other"], chars)


def document_domain(title: str | None, lines: Iterable[str]) -> str:
    """``education``, ``government`` or ``other`` for a document with ``title`` and body lines."""
    text = "\n".join([title or "", *lines])
    return domain_scores(text).decide()


def item_domain(domains: Iterable[str]) -> str:
    """An item's domain from its source documents' domains: education when one source is an
    education document, else government when one is, else other ('' without sources)."""
    seen = set(domains)
    for d in DOMAINS:
        if d in seen:
            return d
    return ""
