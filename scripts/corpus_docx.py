"""Build a .docx from the plain text of a real public document, the way a writer's Word would.

Used by ``scripts/fetch_corpus.py`` for the corpus files whose manifest entry says
``"transform": {"type": "docx", ...}`` (the text comes from the origin named in the manifest;
only the Word packaging is ours). Three kinds of heading markup, as found in writers' files:

* ``numbered``: headings carry Word automatic numbering (w:numPr → numbering.xml abstractNum
  and num; levels ``%1、`` chineseCounting, ``（%2）`` chineseCounting, ``%3.`` decimal, or the
  variants given in the entry). The typed number is removed from the text; where Word's own
  count would not give the typed number, the paragraph keeps its typed number and no numPr
  (a writer's manual fix-up). Lower levels restart after a higher one unless the source
  numbers them on through the document (then ``w:lvlRestart`` 0 is written).
* ``direct``: no heading style; heading paragraphs are Normal with 黑体 / 楷体 / bold runs
  (a run-in heading has only its first sentence so formatted).
* ``styles``: headings in custom paragraph styles named like a 公文 template (公文标题,
  一级标题, 二级标题, 三级标题) with ``w:outlineLvl``; numbers stay typed.

Which lines are headings is given by ``heading_lines`` (text prefix → level) chosen by hand
for the entry, not guessed here.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

_MARKERS = [
    re.compile(r"^([一二三四五六七八九十]+)[、．.]\s*"),
    re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*"),
    re.compile(r"^(\d+)[.．、]\s*"),
    re.compile(r"^[（(](\d+)[）)]\s*"),
]
_CN = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cn_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN.get(a, 1) if a else 1) * 10 + (_CN.get(b, 0) if b else 0)
    return _CN.get(s, 0)


DEFAULT_LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
]


def _set_font(run, east_asia: str, bold: bool = False, size: float | None = None) -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    if bold:
        run.bold = True
    if size:
        run.font.size = Pt(size)


def _numbering_xml(doc, levels: list[tuple[str, str]], restart: bool) -> None:
    """Add a numbering part with one abstractNum (id 1) and num (id 1)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.parts.numbering import NumberingPart

    try:
        part = doc.part.numbering_part
        root = part.element
    except (KeyError, NotImplementedError):
        part = None
    if part is None:
        xml = (
            '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
        )
        part = NumberingPart.load(
            PackURI("/word/numbering.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            xml.encode(),
            doc.part.package,
        )
        doc.part.relate_to(part, RT.NUMBERING)
        root = part.element
    for child in list(root):
        root.remove(child)
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), "1")
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "multilevel")
    an.append(mlt)
    for i, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(i))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        if i > 0 and not restart:
            el = OxmlElement("w:lvlRestart")
            el.set(qn("w:val"), "0")
            lvl.append(el)
        for tag, val in (("w:suff", "nothing"), ("w:lvlText", text), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        an.append(lvl)
    root.append(an)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "1")
    aref = OxmlElement("w:abstractNumId")
    aref.set(qn("w:val"), "1")
    num.append(aref)
    root.append(num)


def _add_numpr(paragraph, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), "1")
    numpr.append(il)
    numpr.append(ni)
    ppr.insert(0, numpr)


def _custom_styles(doc) -> dict[int, object]:
    from docx.enum.style import WD_STYLE_TYPE

    names = {0: "公文标题", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
    fonts = {0: "方正小标宋简体", 1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
    out = {}
    for lvl, name in names.items():
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = doc.styles["Normal"]
        rpr = st.element.get_or_add_rPr()
        f = OxmlElement("w:rFonts")
        f.set(qn("w:eastAsia"), fonts[lvl])
        rpr.append(f)
        if lvl > 0:
            ppr = st.element.get_or_add_pPr()
            ol = OxmlElement("w:outlineLvl")
            ol.set(qn("w:val"), str(lvl - 1))
            ppr.append(ol)
        out[lvl] = st
    return out


def build_docx(
    lines: list[str],
    out: Path,
    mode: str,
    heading_lines: dict[str, int],
    title: str | None = None,
    levels: list[tuple[str, str]] | None = None,
    restart: bool = True,
) -> None:
    """Write ``lines`` (paragraph texts) as a .docx at ``out``. ``heading_lines`` maps the
    start of each heading paragraph (as typed in the source) to its level (1-4); ``title``
    is the document title line, if any (centred, 方正小标宋)."""
    doc = Document()
    normal = doc.styles["Normal"]
    nf = normal.element.get_or_add_rPr()
    f = OxmlElement("w:rFonts")
    f.set(qn("w:eastAsia"), "仿宋_GB2312")
    nf.append(f)
    styles = _custom_styles(doc) if mode == "styles" else {}
    levels = levels or DEFAULT_LEVELS
    if mode == "numbered":
        _numbering_xml(doc, levels, restart)
    counters = [0] * 4
    for line in lines:
        line = line.strip()
        if not line:
            continue
        level = next((lv for pre, lv in heading_lines.items() if line.startswith(pre)), 0)
        if title is not None and line == title:
            p = doc.add_paragraph(style=styles.get(0)) if styles else doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(line)
            _set_font(r, "方正小标宋简体", size=22)
            continue
        if not level:
            p = doc.add_paragraph(line)
            p.paragraph_format.first_line_indent = Pt(32)
            continue
        head, sep, rest = line.partition("。")
        if mode == "numbered":
            ilvl, m = next(
                ((k, rx.match(line)) for k, rx in enumerate(_MARKERS) if rx.match(line)), (0, None)
            )
            typed = _cn_value(m.group(1)) if m else None
            expect = counters[ilvl] + 1
            if m and typed == expect:
                counters[ilvl] = expect
                if restart:
                    for k in range(ilvl + 1, 4):
                        counters[k] = 0
                p = doc.add_paragraph()
                _add_numpr(p, ilvl)
                p.add_run(line[m.end() :])
            else:  # a manual number Word's count would not give: typed, no numPr
                p = doc.add_paragraph(line)
            continue
        if mode == "styles":
            p = doc.add_paragraph(style=styles[min(level, 4)])
            p.add_run(line)
            continue
        # direct formatting: 黑体 for level 1, 楷体 for level 2, bold 仿宋 below
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        font = {1: "黑体", 2: "楷体_GB2312"}.get(level, "仿宋_GB2312")
        if sep and rest:
            _set_font(p.add_run(head + sep), font, bold=level >= 3)
            p.add_run(rest)
        else:
            _set_font(p.add_run(line), font, bold=level >= 3)
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so a rebuild is byte for byte the same."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    return buf.getvalue()


__all__ = ["build_docx", "DEFAULT_LEVELS"]
