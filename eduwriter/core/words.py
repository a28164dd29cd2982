"""Word segmentation and part-of-speech tags for Chinese text: one home for the whole program.

Every part that needs words — slot typing in the library, word boundaries in search, title
line breaks in the DOCX exporter, wording checks — asks this module, so they all agree on
where a word starts and ends.  It wraps jieba (a well-kept segmenter with a POS tagger) with a
公文 user dictionary shipped in ``resources/dictionaries/gongwen_words.txt``.  A writer can add
words in the same plain format (``word [freq] [tag]`` per line) in extra files passed to
:func:`configure`.

jieba's dictionary is loaded once, lazily, on the first call (about half a second); call
:func:`warm_up` from a background thread to pay that before the writer types.  All functions
are thread-safe.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eduwriter.resources_path import resources_dir

_LOCK = threading.RLock()
_TOKENIZER = None  # jieba.Tokenizer, created lazily
_POS = None  # jieba.posseg.POSTokenizer over _TOKENIZER
_EXTRA: list[Path] = []
_GENERATION = [0]  # bumped by configure(): caches of tagged text elsewhere key on it


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text: its characters, its part-of-speech tag (jieba/ICTCLAS tags: ``n``,
    ``v``, ``ns`` place, ``nt`` organisation, ``nr`` person, ``m`` number, ``t`` time, ``x``
    punctuation…) and where it starts in the text."""

    text: str
    tag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def user_dictionary_path() -> Path:
    """The shipped 公文 user dictionary."""
    return resources_dir() / "dictionaries" / "gongwen_words.txt"


def configure(extra_dictionaries: Iterable[Path] = ()) -> None:
    """Use these user dictionaries too (e.g. the writer's own); takes effect on the next load."""
    global _TOKENIZER, _POS
    with _LOCK:
        _EXTRA[:] = [Path(p) for p in extra_dictionaries]
        _TOKENIZER = None
        _POS = None
        _tag_block.cache_clear()
        _GENERATION[0] += 1


def generation() -> int:
    """Changes whenever the dictionaries change: a cache of tagged text keys on it."""
    return _GENERATION[0]


def _load():
    global _TOKENIZER, _POS
    with _LOCK:
        if _TOKENIZER is not None:
            return _TOKENIZER, _POS
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.tmp_dir = tempfile.gettempdir()
        tok.initialize()
        for path in [user_dictionary_path(), *_EXTRA]:
            if path.is_file():
                _load_user_dictionary(tok, path)
        _POS = _tagger(tok)
        _TOKENIZER = tok
        return _TOKENIZER, _POS


def _tagger(tok):
    """jieba's tagger over ``tok``.  Importing ``jieba.posseg`` already read the tags of jieba's
    dictionary (about 0.4 s) for its default tagger; the tagger of the same dictionary starts
    from a copy of them instead of reading the file again.  The user dictionaries' tags are added
    on the first cut, as jieba does."""
    import jieba.posseg

    base = jieba.posseg.dt
    if tok.dictionary != base.tokenizer.dictionary or base.tokenizer.user_word_tag_tab:
        return jieba.posseg.POSTokenizer(tok)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    pos.word_tag_tab = dict(base.word_tag_tab)
    return pos


def _load_user_dictionary(tok, path: Path) -> None:
    """Load ``word [freq] [tag]`` lines; ``#`` starts a comment; bad lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        tok.add_word(word, freq, tag)


def warm_up() -> None:
    """Load the dictionaries now (call from a worker thread at start-up)."""
    _load()


def cut(text: str) -> list[str]:
    """The words of ``text`` in order; joined they give ``text`` back."""
    tok, _ = _load()
    return list(tok.cut(text, HMM=True))


#: jieba's blocks: runs of Han characters, letters and digits; the tagger segments each block
#: on its own, so tagging a text block by block gives the same words as tagging it whole.
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")


@lru_cache(maxsize=65536)
def _tag_block(block: str) -> tuple[tuple[str, str], ...]:
    """``(word, tag)`` pairs of one block, remembered: a clause tagged in its paragraph is not
    tagged again when its sentence is (the library tags both)."""
    _, pos = _load()
    with _LOCK:  # POSTokenizer keeps per-call state on the instance
        return tuple((pair.word, pair.flag) for pair in pos.cut(block, HMM=True))


def tagged(text: str) -> list[Word]:
    """The words of ``text`` with part-of-speech tags and offsets; joined they give ``text``."""
    out: list[Word] = []
    at = 0
    for block in _BLOCK.split(text):
        if not block:
            continue
        for word, tag in _tag_block(block):
            out.append(Word(word, tag, at))
            at += len(word)
    return out


def boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where a word starts or ends (0 and ``len(text)`` included)."""
    edges = {0, len(text)}
    at = 0
    for word in cut(text):
        at += len(word)
        edges.add(at)
    return edges
