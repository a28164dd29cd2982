"""Word segmentation and part-of-speech tags for Chinese text: one home for the whole program.

Every part that needs words — slot typing in the library, word boundaries in search, title
line breaks in the DOCX exporter, wording checks — asks this module, so they all agree on
where a word starts and ends.  It wraps jieba (a well-kept segmenter with a POS tagger) with a
公文 user dictionary shipped in ``resources/dictionaries/gongwen_words.txt``.  A writer can add
words in the same plain format (``word [freq] [tag]`` per line) in extra files passed to
:func:`configure`.

jieba's dictionary is loaded once, lazily, on the first call (about half a second, from a compact
cache in the user's cache folder after the first start); call
:func:`warm_up` from a background thread to pay that before the writer types.  All functions
are thread-safe.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir

from eduwriter import APP_NAME
from eduwriter.core.atomic import atomic_write_bytes
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

        jieba.setLogLevel(logging.WARNING)
        paths = [p for p in [user_dictionary_path(), *_EXTRA] if p.is_file()]
        cached = _read_cache(jieba, paths)
        if cached is not None:
            _TOKENIZER, _POS = cached
            return _TOKENIZER, _POS
        import jieba.posseg

        tok = jieba.Tokenizer()
        tok.tmp_dir = tempfile.gettempdir()
        tok.initialize()
        for path in paths:
            _load_user_dictionary(tok, path)
        pos = _tagger(tok)
        pos.makesure_userdict_loaded()  # the user words' tags, as the first cut would add them
        _write_cache(jieba, paths, tok, pos)
        _POS = pos
        _TOKENIZER = tok
        return _TOKENIZER, _POS


# --------------------------------------------------------------------------------------------
# The compact cache: jieba's dictionary with the user dictionaries added and the tags of both,
# in one marshal file of the user's cache folder. Loading it takes about half the time of
# jieba's own start (its word cache, then every line of dict.txt again for the tags, then the
# user dictionaries) and gives the same tables.

#: Bump when the cached tables change shape.
_CACHE_FORMAT = 1


def _cache_dir() -> Path:
    """``EDUWRITER_DATA_DIR/cache`` when that is set, else the user's cache folder."""
    override = os.environ.get("EDUWRITER_DATA_DIR")
    if override:
        return Path(override) / "cache"
    return Path(user_cache_dir(APP_NAME, appauthor=False))


def _cache_path(jieba, paths: list[Path]) -> Path | None:
    """The cache file for jieba's dictionary and these user dictionaries (None: unknown)."""
    digest = hashlib.sha1(f"{_CACHE_FORMAT}|{jieba.__version__}".encode())
    try:
        main = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME).stat()
        digest.update(f"|{main.st_size}|{main.st_mtime_ns}".encode())
        for path in paths:
            digest.update(str(path).encode("utf-8") + b"\0" + path.read_bytes())
    except OSError:
        return None
    return _cache_dir() / f"words-{digest.hexdigest()[:16]}.marshal"


def _read_cache(jieba, paths: list[Path]):
    """The tokenizer and tagger from the cache, or None (missing, damaged, another version)."""
    path = _cache_path(jieba, paths)
    if path is None or not path.is_file():
        return None
    try:
        freq, total, tags = marshal.loads(path.read_bytes())
        if not isinstance(freq, dict) or not isinstance(tags, dict) or not freq:
            return None
    except (OSError, ValueError, EOFError, TypeError):
        return None
    # importing jieba.posseg makes its module-wide tagger, reading every tag of dict.txt; ours
    # come from the cache, so that one reads an empty file (EduWriter tags only through here)
    if "jieba.posseg" not in sys.modules:
        saved = jieba.dt.dictionary
        jieba.dt.dictionary = os.devnull
        try:
            import jieba.posseg
        finally:
            jieba.dt.dictionary = saved
    import jieba.posseg

    tok = jieba.Tokenizer()
    tok.tmp_dir = tempfile.gettempdir()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tok
    pos.word_tag_tab = tags
    return tok, pos


def _write_cache(jieba, paths: list[Path], tok, pos) -> None:
    """Save the tables for the next start (a cache: failing to write it changes nothing)."""
    path = _cache_path(jieba, paths)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, marshal.dumps((tok.FREQ, tok.total, pos.word_tag_tab)))
    except (OSError, ValueError):
        return


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
