"""Word automatic numbering (the numbering part) rendered as Word shows it: ``一、`` ``（二）`` ``1.2``.

A paragraph's ``w:numPr`` (or its style's) names a ``w:num`` instance and a level ``ilvl``; the
instance points at a ``w:abstractNum`` whose ``w:lvl`` gives the number format (``numFmt``),
the level text (``lvlText`` such as ``%1、`` or ``（%2）`` or ``%1.%2``), the start value and
when the level restarts. A ``w:num`` may override levels (``lvlOverride`` with
``startOverride`` or a whole ``lvl``). Instances of one abstract list continue one sequence;
an instance with a start override restarts it at its first paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

__all__ = ["Numbering", "NumberedLevel", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_UPPER = "零壹贰叁肆伍陆柒捌玖"
_TW_UPPER = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cn_counting(n: int, digits: str = "〇一二三四五六七八九", units: str = "十百千") -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百〇五 (below 10000)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    text = str(n)
    zero = False
    for pos, ch in enumerate(text):
        d = int(ch)
        place = len(text) - pos - 1
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        unit = units[place - 1] if place else ""
        if not (d == 1 and place == 1 and pos == 0):  # 十一, not 一十一
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA, 28 -> BB (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """The number ``n`` in Word's number format ``fmt`` (``decimal``, ``chineseCounting``…);
    unknown formats fall back to decimal, as Word does for formats it cannot show."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return _cn_counting(n)
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return _cn_counting(n)
    if fmt == "chineseLegalSimplified":
        return _cn_counting(n, _CN_UPPER, "拾佰仟")
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return _cn_counting(n, _TW_UPPER, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(c)] for c in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "ideographEnclosedCircle":
        return chr(0x3280 + n - 1) if 1 <= n <= 10 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # restart after this (0-based) level or above; -1 never
    legal: bool = False  # isLgl: the levels shown in decimal
    suffix: str = "tab"


@dataclass(slots=True)
class NumberedLevel:
    """The number Word shows before a paragraph: ``marker`` as rendered (``（二）``), the list
    ``level`` (0-based ilvl), ``suffix`` (tab, space or nothing between number and text) and
    whether it is a bullet (no number)."""

    marker: str
    level: int
    suffix: str = "tab"
    bullet: bool = False


def _int(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{_W}val", str(default)))
    except ValueError:
        return default


def _read_level(lvl: etree._Element, base: _Level | None = None) -> _Level:
    out = _Level() if base is None else _Level(**{k: getattr(base, k) for k in _Level.__slots__})
    fmt = lvl.find(f"{_W}numFmt")
    if fmt is not None:
        out.fmt = fmt.get(f"{_W}val") or "decimal"
    text = lvl.find(f"{_W}lvlText")
    if text is not None:
        out.text = text.get(f"{_W}val") or ""
    start = lvl.find(f"{_W}start")
    if start is not None:
        out.start = _int(start, 1)
    restart = lvl.find(f"{_W}lvlRestart")
    if restart is not None:
        out.restart = _int(restart, 0) - 1  # 0 = never (-1); n = after level n-1
    legal = lvl.find(f"{_W}isLgl")
    if legal is not None:
        out.legal = (legal.get(f"{_W}val") or "1") not in ("0", "false", "off")
    suff = lvl.find(f"{_W}suff")
    if suff is not None:
        out.suffix = suff.get(f"{_W}val") or "tab"
    return out


@dataclass(slots=True)
class _Instance:
    key: str  # counter key: the abstract list, or the instance when it restarts
    levels: dict[int, _Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level


class Numbering:
    """The numbering part of one document; :meth:`next` renders and counts, in reading order."""

    def __init__(self, root: etree._Element | None) -> None:
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}  # abstract id -> numStyleLink style (resolved loosely)
        for an in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in an.findall(f"{_W}lvl"):
                levels[_int_attr(lvl, "ilvl")] = _read_level(lvl)
            aid = an.get(f"{_W}abstractNumId") or ""
            abstract[aid] = levels
            link = an.find(f"{_W}numStyleLink")
            if link is not None and not levels:
                links[aid] = link.get(f"{_W}val") or ""
        style_links = {
            (an.find(f"{_W}styleLink").get(f"{_W}val") or ""): an.get(f"{_W}abstractNumId") or ""
            for an in root.iter(f"{_W}abstractNum")
            if an.find(f"{_W}styleLink") is not None
        }
        for aid, style in links.items():  # a list that borrows the levels of a list style
            if style in style_links:
                abstract[aid] = abstract.get(style_links[style], {})
        for num in root.iter(f"{_W}num"):
            nid = num.get(f"{_W}numId") or ""
            ref = num.find(f"{_W}abstractNumId")
            aid = ref.get(f"{_W}val") if ref is not None else None
            if aid not in abstract:
                continue
            inst = _Instance(aid, dict(abstract[aid]))
            for ov in num.findall(f"{_W}lvlOverride"):
                ilvl = _int_attr(ov, "ilvl")
                so = ov.find(f"{_W}startOverride")
                lvl = ov.find(f"{_W}lvl")
                if lvl is not None:  # a level redefined: it restarts at its own start
                    inst.levels[ilvl] = _read_level(lvl, inst.levels.get(ilvl))
                    inst.starts[ilvl] = inst.levels[ilvl].start
                if so is not None:
                    inst.starts[ilvl] = _int(so, 1)
            if inst.starts:
                inst.key = f"num:{nid}"  # restarts: its own sequence
            self._instances[nid] = inst

    def next(self, num_id: str, ilvl: int) -> NumberedLevel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return what Word shows
        before it; ``None`` when the paragraph is not numbered (numId 0, unknown list)."""
        inst = self._instances.get(num_id)
        if inst is None or num_id == "0":
            return None
        ilvl = ilvl if ilvl in inst.levels else (0 if 0 in inst.levels else -1)
        if ilvl < 0:
            return None
        counters = self._counters.setdefault(inst.key, {})
        if inst.key.startswith("num:") and inst.key not in self._started:
            self._started.add(inst.key)
            for lv, start in inst.starts.items():
                counters[lv] = start - 1
        level = inst.levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper, lv in inst.levels.items():
            if deeper > ilvl and deeper in counters:
                restart = lv.restart
                if restart is None or (restart >= 0 and ilvl <= restart):
                    del counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return NumberedLevel("", ilvl, level.suffix, bullet=level.fmt == "bullet")

        out: list[str] = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                k = int(text[i + 1]) - 1
                ref = inst.levels.get(k, level)
                n = counters.get(k, ref.start)
                fmt = "decimal" if level.legal and k < ilvl else ref.fmt
                out.append(format_number(n, fmt))
                i += 2
            else:
                out.append(ch)
                i += 1
        return NumberedLevel("".join(out), ilvl, level.suffix)


def _int_attr(el: etree._Element, name: str) -> int:
    try:
        return int(el.get(f"{_W}{name}", "0"))
    except ValueError:
        return 0
