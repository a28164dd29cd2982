"""Pinyin support for search: per-character initials tables and query parsing.

The search index keeps, next to the normalised text of every item, a string of the same length
in which each Chinese character is replaced by the first letter of its pinyin (指导思想 → zdsx).
Because the two strings are aligned character by character, a hit found in the initials string
points straight at the characters it covers, which is how full-pinyin queries (zhidaosixiang)
are verified: the query is split into syllables, their first letters are searched, and each hit
is kept only if every character has a reading starting with its syllable.

Polyphones: the *primary* table uses a character's most common reading (the first one listed by
pypinyin: 行 → x, 长 → z); the *alternate* table uses the first reading with a different initial
(行 → h, 长 → c). Searching both strings finds 银行 for ``yh`` and 成长 for ``cc``. A query that
needs the primary reading of one polyphone and the alternate reading of another in the same match
is not found by initials (it still is by full pinyin when both readings are on the primary or
alternate side). Full-pinyin verification accepts any reading of a character.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Characters of the aligned initials strings that are not letters or digits.
FILLER = "."


def _strip_tone(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # ü is written v in input methods (lv, nv); NFD turns ü into u + diaeresis, which we dropped.
    if "\u0308" in decomposed:
        plain = plain.replace("u", "v") if plain in ("lu", "nu", "lue", "nue") else plain
    return plain.lower()


Tables = tuple[dict[int, str], dict[int, str], dict[int, tuple[str, ...]], frozenset[str]]
_INSTALLED: list[Tables] = []
_TABLES_LOCK = threading.RLock()


def install_tables(tables: Tables) -> None:
    """Use these tables (read from a persisted search index) instead of reading pypinyin's
    dictionary, which takes about a second to import and convert."""
    if not _INSTALLED:
        _INSTALLED.append(tables)


def tables() -> Tables:
    """The reading tables: initials (primary, alternate), toneless readings, known syllables.
    Thread-safe: the search index reads them on a background thread while a query may ask."""
    if _INSTALLED:
        return _INSTALLED[0]
    with _TABLES_LOCK:
        return _tables_locked()


def _tables_locked() -> Tables:
    if _INSTALLED:
        return _INSTALLED[0]
    while _INSTALLED_TEXT:
        source = _INSTALLED_TEXT.pop()
        try:
            text = source() if callable(source) else source
            if text is not None:
                install_tables(tables_from_text(text))
                return _INSTALLED[0]
        except (OSError, ValueError):
            pass  # a damaged stored table: read pypinyin's
    return _read_tables()


_INSTALLED_TEXT: list = []


def tables_text() -> str:
    """The reading tables as text, stored with a search index: the characters, their primary and
    alternate initials (aligned strings), the known syllables, then one line a character with its
    readings joined by commas (most common first)."""
    primary, alternate, readings, known = tables()
    chars = [c for c in readings if c in primary]
    head = [
        "".join(map(chr, chars)),
        "".join(primary[c] for c in chars),
        "".join(alternate[c] for c in chars),
        ",".join(sorted(known)),
    ]
    return "\n".join([*head, *(",".join(readings[c]) for c in chars)])


class _Readings(dict):
    """Readings read from text: a character's line is split when it is first asked for."""

    def __init__(self, raw: dict[int, str]) -> None:
        super().__init__()
        self._raw = raw

    def get(self, code, default=None):  # noqa: ANN001, ANN201 - dict's signature
        got = dict.get(self, code)
        if got is None:
            line = self._raw.get(code)
            if line is None:
                return default
            got = tuple(line.split(","))
            self[code] = got
        return got

    def __getitem__(self, code):  # noqa: ANN001, ANN204
        got = self.get(code)
        if got is None:
            raise KeyError(code)
        return got

    def __contains__(self, code: object) -> bool:
        return code in self._raw

    def __iter__(self):  # noqa: ANN204
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def items(self):  # noqa: ANN201
        return ((c, self[c]) for c in self._raw)


def tables_from_text(text: str) -> Tables:
    """The tables of :func:`tables_text`'s output (ValueError if it is not such text)."""
    lines = text.split("\n")
    if len(lines) < 4:
        raise ValueError("not a reading table")
    chars, prim, alt, known = lines[:4]
    body = lines[4:]
    if not (len(chars) == len(prim) == len(alt) == len(body)) or not (
        prim.isascii() and alt.isascii() and known.isascii()
    ):
        raise ValueError("reading table columns of different lengths")
    codes = list(map(ord, chars))
    primary = dict(zip(codes, prim, strict=True))
    alternate = dict(zip(codes, alt, strict=True))
    readings = _Readings(dict(zip(codes, body, strict=True)))
    return primary, alternate, readings, frozenset(known.split(","))


def install_tables_text(text: str | Callable[[], str | None]) -> None:
    """Use the tables of ``text`` (see :func:`tables_text`; or of what the callable returns when
    they are first needed: None for pypinyin's own)."""
    if not _INSTALLED and not _INSTALLED_TEXT:
        _INSTALLED_TEXT.append(text)


_tables = tables


@lru_cache(maxsize=1)
def _read_tables() -> Tables:
    from pypinyin.pinyin_dict import pinyin_dict

    primary: dict[int, str] = {}
    alternate: dict[int, str] = {}
    readings: dict[int, tuple[str, ...]] = {}
    syllables: set[str] = set()
    for code, value in pinyin_dict.items():
        plain: list[str] = []
        for raw in value.split(","):
            r = _strip_tone(raw.strip())
            if r and r.isascii() and r.isalpha() and r not in plain:
                plain.append(r)
        if not plain:
            continue
        readings[code] = tuple(plain)
        syllables.update(plain)
        first = plain[0][0]
        primary[code] = first
        other = next((r[0] for r in plain[1:] if r[0] != first), first)
        alternate[code] = other
    return primary, alternate, readings, frozenset(syllables)


@lru_cache(maxsize=2)
def initials_table(alternate: bool = False) -> dict[int, str]:
    """A ``str.translate`` table: Chinese characters → one initial letter.

    Characters not in the table are left as they are; callers pass text through
    :func:`ascii_fold` afterwards so that the result is pure ASCII and aligned with the input.
    """
    return _tables()[1 if alternate else 0]


_BYTE_FOLD = bytes(
    (b + 32 if 65 <= b <= 90 else b)
    if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b in (10, 31))
    else ord(FILLER)
    for b in range(256)
)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and replace every other character except digits, newline and the
    unit separator by :data:`FILLER`, keeping the length unchanged (C-speed: encode + translate)."""
    return text.encode("ascii", errors="replace").translate(_BYTE_FOLD).decode("ascii")


def to_initials(text: str, alternate: bool = False) -> str:
    """The aligned initials string of ``text`` (same length): 指导思想2024 → zdsx2024."""
    return ascii_fold(text.translate(initials_table(alternate)))


def readings(ch: str) -> tuple[str, ...]:
    """All toneless readings of one character (empty for non-Chinese characters)."""
    return _tables()[2].get(ord(ch), ())


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable known to pypinyin (zhi, dao, si, xiang, …)."""
    return _tables()[3]


def full_pinyin(text: str) -> str:
    """Primary readings of ``text`` joined without separators (指导思想 → zhidaosixiang)."""
    table = _tables()[2]
    return "".join(table[ord(c)][0] if ord(c) in table else c.lower() for c in text)


def is_pinyin_query(query: str) -> bool:
    """True when a query is made of ASCII letters only (optionally with spaces or ')."""
    letters = query.replace(" ", "").replace("'", "")
    return bool(letters) and letters.isascii() and letters.isalpha()


def split_syllables(query: str, limit: int = 4) -> list[list[str]]:
    """Ways to read ``query`` as a sequence of pinyin syllables, fewest syllables first.

    The last syllable may be incomplete (someone still typing: ``zhidaosix``). Spaces and
    apostrophes force a boundary (``xi'an``); in mixed input (``zhidao sx``) a part that is no run
    of syllables gives one initial per letter. At most ``limit`` segmentations are returned.
    """
    known = syllables()
    prefixes = _syllable_prefixes()
    parts = [p for p in query.lower().replace("'", " ").split() if p]
    results: list[list[str]] = []

    def walk(chunks: list[str], acc: list[str]) -> None:
        if len(results) >= limit * 4:
            return
        if not chunks:
            results.append(list(acc))
            return
        word, rest = chunks[0], chunks[1:]
        if not word:
            walk(rest, acc)
            return
        last_chunk = not rest
        for end in range(min(len(word), 6), 0, -1):
            piece = word[:end]
            whole = piece in known
            partial_ok = last_chunk and end == len(word) and piece in prefixes
            if whole or partial_ok:
                acc.append(piece)
                walk([word[end:], *rest], acc)
                acc.pop()

    walk(parts, [])
    if not results and len(parts) > 1:
        # mixed input (zhidao sx): a chunk that is no run of syllables is read as initials
        ways = [split_syllables(p, limit) or [list(p)] for p in parts[:-1]]
        last = split_syllables(parts[-1], limit) or [list(parts[-1])]
        combos: list[list[str]] = [[]]
        for options in [*ways, last]:
            combos = [c + o for c in combos for o in options][: limit * 4]
        results.extend(combos)
    # fewest syllables first; among as many, those without one-letter syllables (yu an zuo
    # before yuan zu o: a lone vowel is seldom meant)
    results.sort(key=lambda r: (len(r), sum(len(t) == 1 for t in r)))
    unique: list[list[str]] = []
    for r in results:
        if r not in unique:
            unique.append(r)
    return unique[:limit]


@lru_cache(maxsize=1)
def _syllable_prefixes() -> frozenset[str]:
    out: set[str] = set()
    for s in syllables():
        for i in range(1, len(s) + 1):
            out.add(s[:i])
    return frozenset(out)


def chars_match(text: str, tokens: list[str], primary_only: bool = False) -> bool:
    """True when character *i* of ``text`` has the reading ``tokens[i]`` — the last token may be
    the beginning of a reading (still typing) and a one-letter token is an initial. A character
    that is not Chinese matches itself (lower-cased). With ``primary_only`` only each character's
    most common reading counts."""
    if len(text) != len(tokens):
        return False
    table = _tables()[2]
    last = len(tokens) - 1
    for n, (ch, tok) in enumerate(zip(text, tokens, strict=True)):
        rs = table.get(ord(ch))
        if rs is None:
            if ch.lower() != tok:
                return False
            continue
        if primary_only:
            rs = rs[:1]
        if n == last or len(tok) == 1:
            if not any(r.startswith(tok) for r in rs):
                return False
        elif tok not in rs:
            return False
    return True


def primary_match(text: str, tokens: list[str]) -> bool:
    """Like :func:`chars_match`, but only with each character's most common reading (积 is ji,
    not zhi): such matches rank above ones that need a rarer reading."""
    return chars_match(text, tokens, primary_only=True)


# ---------------------------------------------------------------- helpers for the search index
#: Code characters for the head of a reading: its first two letters ("da", "si", "xi", "a" …),
#: three after zh/ch/sh ("zhi", "shu"), which would otherwise lump most syllables together. The
#: codes (about 120) are Latin-1 characters from U+0080, so that a code string takes one byte a
#: character; Latin-1 characters of the text itself are folded to the filler.
_CODE_BASE = 0x80


def _head(reading: str) -> str:
    return reading[:3] if reading[:2] in ("zh", "ch", "sh") else reading[:2]


@lru_cache(maxsize=1)
def _code_ids() -> dict[str, int]:
    heads = sorted({_head(s) for s in syllables()})
    return {h: i for i, h in enumerate(heads)}


@lru_cache(maxsize=2)
def code_table(alternate: bool = False) -> dict[int, str]:
    """A ``str.translate`` table: Chinese character → one code character standing for the head
    of its (primary or alternate) reading. Used to pre-filter full-pinyin matches."""
    ids = _code_ids()
    primary, _alt, table, _syl = _tables()
    out: dict[int, str] = dict.fromkeys(range(0x80, 0x100), FILLER)
    for code, rs in table.items():
        reading = rs[0]
        if alternate:
            reading = next((r for r in rs[1:] if r[0] != rs[0][0]), rs[0])
        out[code] = chr(_CODE_BASE + ids[_head(reading)])
    return out


def token_codes(tokens: list[str]) -> str:
    """Code string of the leading tokens that determine their head (a complete syllable, or a
    typed prefix as long as the head); stops at the first one that does not."""
    ids = _code_ids()
    known = syllables()
    out = []
    for tok in tokens:
        head = _head(tok)
        if tok in known or len(tok) >= 2 and len(head) == len(_head(tok + "xx")):
            if head not in ids:
                break
            out.append(chr(_CODE_BASE + ids[head]))
        else:
            break
    return "".join(out)


def to_codes(text: str, alternate: bool = False) -> str:
    """Aligned code string of ``text`` (see :func:`code_table`): a Latin-1 string (one byte a
    character); characters that are neither Chinese nor ASCII become ``?``."""
    coded = text.translate(code_table(alternate))
    return coded.encode("latin-1", errors="replace").decode("latin-1")


def pair_string(ascii_text: str) -> str:
    """Character *i* of the result encodes the letters *i* and *i+1* of ``ascii_text`` (the last
    one is paired with the filler). Built at C speed, for sets of letter pairs per record."""
    raw = ascii_text.encode("ascii")
    if not raw:  # an empty library: no letters, no pairs
        return ""
    out = bytearray(2 * len(raw))
    out[0::2] = raw[1:] + FILLER.encode("ascii")
    out[1::2] = raw
    return out.decode("utf-16-le")
