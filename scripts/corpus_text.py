"""Reference text of a corpus file, independent of the importer (used by the corpus scripts).

``reference_lines(path)`` gives the visible lines of a corpus file the way the gold
annotations were written against them: HTML as the visible text of the page (script and
style dropped, block elements and <br> as line breaks, like a browser's innerText), DOCX as
one line per paragraph (Word's automatic numbers rendered in front, as Word shows them),
text files decoded as UTF-8 or, failing that, GB18030. It never imports ``eduwriter``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_BLOCK = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "ul", "ol", "section", "article", "dd", "dt", "title", "header", "footer", "nav",
    "textformat",
}  # fmt: skip
_SKIP = {"script", "style", "noscript"}
#: markup pasted into a text file (HTML, Flash TEXTFORMAT): read as visible text
_MARKUP = re.compile(r"<(?:p|P|TEXTFORMAT|div|DIV|br|BR)[ >/]")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip += 1
        if tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        if tag in _BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(src: str) -> str:
    """Visible text of an HTML page, one block per line, runs of blank lines squeezed."""
    parser = _Visible()
    parser.feed(src)
    lines = [ln.strip(" \t\r\u3000\u00a0") for ln in "".join(parser.out).split("\n")]
    out: list[str] = []
    blank = False
    for ln in lines:
        if not ln:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(ln)
        blank = False
    return "\n".join(out) + "\n"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) first, else GB18030."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


_CN_DIGITS = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """Word's chineseCounting / chineseCountingThousand for 1..99 (一 … 十 … 九十九)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def format_number(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional"):
        if fmt == "ideographTraditional":
            return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
        return chinese_counting(n)
    if fmt == "decimalEnclosedCircle":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    return str(n)


def docx_lines(path: Path) -> list[str]:
    """One line per paragraph of a .docx, with automatic numbers rendered as Word shows them
    (numbering.xml abstractNum/num, lvlText, numFmt, start, lvlRestart, startOverride)."""
    import docx  # python-docx, a project dependency
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    numbering = _read_numbering(document, qn)
    counters: dict[str, list[int]] = {}
    lines = []
    for para in document.paragraphs:
        prefix = ""
        num = _para_num(para, document, qn)
        if num is not None and num[0] in numbering["nums"]:
            num_id, ilvl = num
            abstract_id, overrides = numbering["nums"][num_id]
            levels = numbering["abstract"].get(abstract_id, {})
            key = abstract_id
            if key not in counters:
                counters[key] = [0] * 9
            cnt = counters[key]
            lvl = levels.get(ilvl)
            if lvl is not None:
                start = overrides.get(ilvl, lvl["start"])
                cnt[ilvl] = cnt[ilvl] + 1 if cnt[ilvl] else start
                for deeper in range(ilvl + 1, 9):
                    dl = levels.get(deeper)
                    restart = dl["restart"] if dl else None
                    if restart is None or restart > ilvl:
                        cnt[deeper] = 0
                text = lvl["text"]
                for k in range(ilvl + 1):
                    kl = levels.get(k)
                    val = cnt[k] or (kl["start"] if kl else 1)
                    fmt = kl["fmt"] if kl else "decimal"
                    text = text.replace(f"%{k + 1}", format_number(fmt, val))
                prefix = text
        lines.append(prefix + para.text)
    return lines


def _read_numbering(document, qn) -> dict:
    out: dict = {"abstract": {}, "nums": {}}
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return out
    root = part.element
    for an in root.findall(qn("w:abstractNum")):
        aid = an.get(qn("w:abstractNumId"))
        levels = {}
        for lvl in an.findall(qn("w:lvl")):
            ilvl = int(lvl.get(qn("w:ilvl")))
            start = lvl.find(qn("w:start"))
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            restart = lvl.find(qn("w:lvlRestart"))
            levels[ilvl] = {
                "start": int(start.get(qn("w:val"))) if start is not None else 1,
                "fmt": fmt.get(qn("w:val")) if fmt is not None else "decimal",
                "text": text.get(qn("w:val")) if text is not None else "",
                "restart": int(restart.get(qn("w:val"))) if restart is not None else None,
            }
        out["abstract"][aid] = levels
    for num in root.findall(qn("w:num")):
        nid = num.get(qn("w:numId"))
        aid = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        overrides = {}
        for ov in num.findall(qn("w:lvlOverride")):
            so = ov.find(qn("w:startOverride"))
            if so is not None:
                overrides[int(ov.get(qn("w:ilvl")))] = int(so.get(qn("w:val")))
        out["nums"][nid] = (aid, overrides)
    return out


def _para_num(para, document, qn) -> tuple[str, int] | None:
    ppr = para._p.pPr
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None and para.style is not None:
        sppr = para.style.element.pPr
        numpr = sppr.find(qn("w:numPr")) if sppr is not None else None
    if numpr is None:
        return None
    nid = numpr.find(qn("w:numId"))
    ilvl = numpr.find(qn("w:ilvl"))
    if nid is None or nid.get(qn("w:val")) == "0":
        return None
    return nid.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0


def reference_lines(path: str | Path) -> list[str]:
    """Visible lines of a corpus file (see module docstring), stripped, blank lines kept."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        return [ln.strip() for ln in docx_lines(p)]
    text, _ = decode_bytes(p.read_bytes())
    if suffix in (".html", ".htm", ".aspx") or _MARKUP.search(text):
        text = html_to_text(text)
    return [ln.strip(" \t\r\u3000\u00a0") for ln in re.split(r"\r\n|\r|\n", text)]
