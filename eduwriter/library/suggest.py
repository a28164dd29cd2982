""" "Did you mean": the nearest words the library holds, for a query that found nothing.

The vocabulary is what a writer searches for: the terms of the related-terms lexicon and of the
公文 user dictionary, and the short texts of the library itself (section titles, skeleton names,
common phrases). A query in characters is compared with the words (rapidfuzz's normalised
Indel similarity, so 家校共管 → 家校共育); a query in letters with the words' pinyin initials and
full pinyin (lsdsr → 立德树人). Only words that do find something are offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eduwriter.core import words
from eduwriter.library import pinyin, related_terms

#: texts of the library up to this length join the vocabulary
_SHORT = 12
_CUTOFF = 60.0


def vocabulary(texts: Iterable[str]) -> list[str]:
    """The words a suggestion may be: the lexicons' terms and the short ``texts`` of a library."""
    seen: dict[str, None] = {}
    for group in related_terms.shipped().groups:
        seen.update(dict.fromkeys(group))
    seen.update(dict.fromkeys(_user_words()))
    for text in texts:
        text = text.strip("。；，、：:;,. ")
        if 2 <= len(text) <= _SHORT:
            seen[text] = None
    return [w for w in seen if w]


def _user_words() -> list[str]:
    try:
        lines = words.user_dictionary_path().read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    out = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line.split()[0])
    return out


def nearest(
    query: str, vocab: list[str], finds: Callable[[str], bool], limit: int = 5
) -> list[str]:
    """Up to ``limit`` words of ``vocab`` close to ``query`` for which ``finds(word)`` is true,
    nearest first."""
    q = query.replace(" ", "").replace("'", "")
    if not q:
        return []
    if pinyin.is_pinyin_query(q):
        keys = [pinyin.to_initials(w) if len(q) <= 6 else pinyin.full_pinyin(w) for w in vocab]
    else:
        keys = vocab
    # rapidfuzz is imported here, on the first "did you mean", not by every start of the
    # application (a search's first result should not wait for it); not an import circle
    from rapidfuzz import fuzz, process

    got = process.extract(q, keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=_CUTOFF)
    out: list[str] = []
    for _key, _score, n in got:
        word = vocab[n]
        if word not in out and finds(word):
            out.append(word)
            if len(out) >= limit:
                break
    return out
