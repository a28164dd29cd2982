"""The one reader of Word documents (.docx): paragraphs as Word shows them, with their structure.

Both ``analyze`` (through :mod:`eduwriter.core.readers`) and re-import
(:mod:`eduwriter.export.docx_import`) stand on :func:`read_docx`. For each paragraph (and each
table row, its cells joined) it gives:

* the text with Word's automatic number in front, rendered as Word shows it
  (:mod:`eduwriter.core.docx_numbering`): numbering from the paragraph or from its style;
* the style's name, its heading level (Heading N / 标题 N / custom names such as 一级标题 or
  公文标题) and the outline level (``w:outlineLvl`` in the paragraph or its styles);
* direct formatting that marks headings in documents without heading styles: the East Asian
  font, bold and size of its runs (see :mod:`eduwriter.core.docx_headings`).

The package is opened with :class:`~eduwriter.core.safe_zip.SafeZip` (bounded inflation) and the
XML is parsed without entities or network access; a part with a DTD is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from eduwriter.core.docx_numbering import Numbering
from eduwriter.core.safe_zip import PackageError, SafeZip

__all__ = [
    "CELL_SEP",
    "DocxParagraph",
    "DocxPackage",
    "DocxRun",
    "open_docx",
    "paragraphs_from_parts",
    "parse_xml",
    "read_docx",
    "related_part",
    "style_heading_level",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Between the cells of a table row read as one line (an ideographic space).
CELL_SEP = "\u3000"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=True
)


def parse_xml(data: bytes, name: str = "") -> etree._Element:
    """Parse one part. Raises :class:`PackageError` for malformed XML or a DTD (Word never
    writes one; an entity declaration is an attack or a damaged file)."""
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise PackageError(
            "damaged",
            "这个 .docx 文件的内容已损坏，请用 Word 或 WPS 打开后另存一份",
            f"malformed XML in {name or 'a part'}",
        ) from exc
    if root.getroottree().docinfo.internalDTD is not None:
        raise PackageError(
            "dtd",
            "这个 .docx 文件含有实体声明（DTD），不是 Word 保存的文档，已拒绝读取",
            f"{name or 'a part'} declares entities (DTD); refused",
        )
    return root


@dataclass(slots=True)
class DocxPackage:
    """The parts of a .docx that the reader needs (bytes), read within the zip limits."""

    document: bytes
    styles: bytes | None = None
    numbering: bytes | None = None
    document_path: str = "word/document.xml"


def related_part(rels: bytes | None, doc_path: str, type_suffix: str) -> str | None:
    """The package name of the part of type ``…type_suffix`` related to ``doc_path``."""
    if not rels:
        return None
    try:
        root = parse_xml(rels, "rels")
    except PackageError:
        return None
    folder = doc_path.rpartition("/")[0]
    for rel in root:
        if not isinstance(rel.tag, str):
            continue
        if (rel.get("Type") or "").endswith(type_suffix) and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            return (
                target.lstrip("/")
                if target.startswith("/")
                else (f"{folder}/{target}" if folder else target)
            )
    return None


def _rels_name(doc_path: str) -> str:
    folder, _, base = doc_path.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def open_docx(path: str | Path) -> DocxPackage:
    """Read the main document, styles and numbering parts of ``path`` (see :class:`SafeZip`
    for the limits). Raises :class:`PackageError`."""
    with SafeZip(path) as zf:
        names = set(zf.namelist())
        doc_path = "word/document.xml"
        top = zf.read_optional("_rels/.rels") if "_rels/.rels" in names else None
        if top:
            found = related_part(top, "", "/officeDocument")
            if found:
                doc_path = found
        if doc_path not in names:
            raise PackageError(
                "damaged",
                "这个 .docx 文件里没有正文部分，不是有效的 Word 文档",
                "no main document part",
            )
        rels = zf.read_optional(_rels_name(doc_path))
        parts = {}
        for kind in ("styles", "numbering"):
            name = related_part(rels, doc_path, f"/{kind}")
            if name is None:
                name = f"{doc_path.rpartition('/')[0]}/{kind}.xml".lstrip("/")
            parts[kind] = zf.read(name) if name in names else None
        return DocxPackage(zf.read(doc_path), parts["styles"], parts["numbering"], doc_path)


@dataclass(slots=True)
class DocxRun:
    """A run of text with the formatting that marks headings."""

    text: str
    bold: bool = False
    font: str = ""  #: East Asian font (direct, else from the paragraph's style chain)
    size: int = 0  #: half-points; 0 when not set anywhere
    direct: bool = False  #: the run sets its own East Asian font or bold


@dataclass(slots=True)
class DocxParagraph:
    """A paragraph (or a table row) as Word shows it."""

    #: with the automatic number in front (``number`` + separator + typed text); a soft line
    #: break (Shift+Enter) is a "\n" in it
    text: str
    number: str = ""  #: Word's automatic number as shown (``一、``), "" when none
    list_level: int | None = None  #: 0-based list level of a numbered paragraph
    style_id: str = ""
    style_name: str = ""  #: lower-cased, spaces collapsed
    style_level: int | None = None  #: 0 title style, 1.. heading style (by name)
    outline: int | None = None  #: 0-based w:outlineLvl (paragraph, else style chain); no 9
    centered: bool = False
    right: bool = False
    indented: bool = False  #: a first-line indent set on the paragraph itself
    table: bool = False  #: one row of a table, its cells joined by CELL_SEP
    runs: list[DocxRun] = field(default_factory=list)


_CN_LEVEL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9一二三四五六七八九])$")
_LEVEL_NAME = re.compile(r"^(?:公文)?([一二三四五六七八九1-9])\s*级\s*(?:标题|小标题)$")
_TITLE_NAME = re.compile(
    r"^(?:title|标题|公文标题|文件标题|文章标题|文档标题|大标题|主标题|正标题|红头标题)$"
)


def style_heading_level(name: str) -> int | None:
    """0 for a title style name, N for a heading style name (Heading 2, 标题 2, 标题二,
    二级标题, 公文一级标题), else ``None``."""
    n = re.sub(r"\s+", " ", name.strip().lower())
    if _TITLE_NAME.match(n):
        return 0
    m = _HEADING_NAME.match(n) or _LEVEL_NAME.match(n)
    if m:
        g = m.group(1)
        return int(g) if g.isdigit() else _CN_LEVEL[g]
    return None


@dataclass(slots=True)
class _Style:
    name: str = ""
    based: str = ""
    outline: int | None = None
    num: tuple[str, int] | None = None
    font: str = ""
    bold: bool | None = None
    size: int = 0


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return (el.get(f"{_W}val") or "true") not in ("0", "false", "off", "none")


def _rpr_font(rpr: etree._Element | None) -> tuple[str, bool | None, int]:
    if rpr is None:
        return "", None, 0
    fonts = rpr.find(f"{_W}rFonts")
    font = ""
    if fonts is not None:
        font = fonts.get(f"{_W}eastAsia") or fonts.get(f"{_W}ascii") or ""
    size = rpr.find(f"{_W}sz")
    try:
        sz = int(size.get(f"{_W}val", "0")) if size is not None else 0
    except ValueError:
        sz = 0
    return font, _on(rpr.find(f"{_W}b")), sz


def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(f"{_W}numPr")
    if num is None:
        return None
    nid = num.find(f"{_W}numId")
    if nid is None:
        return None
    ilvl = num.find(f"{_W}ilvl")
    try:
        lv = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    except ValueError:
        lv = 0
    return nid.get(f"{_W}val") or "", lv


def _outline(ppr: etree._Element | None) -> int | None:
    if ppr is None:
        return None
    el = ppr.find(f"{_W}outlineLvl")
    if el is None:
        return None
    try:
        return int(el.get(f"{_W}val", "9"))
    except ValueError:
        return None


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_font, self.default_size = "", 0
        self.default_para = ""
        if root is None:
            return
        dd = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.default_font, _b, self.default_size = _rpr_font(dd)
        for st in root.iter(f"{_W}style"):
            sid = st.get(f"{_W}styleId") or ""
            name_el = st.find(f"{_W}name")
            name = name_el.get(f"{_W}val") or sid if name_el is not None else sid
            based = st.find(f"{_W}basedOn")
            ppr = st.find(f"{_W}pPr")
            font, bold, size = _rpr_font(st.find(f"{_W}rPr"))
            self.by_id[sid] = _Style(
                re.sub(r"\s+", " ", name.strip().lower()),
                based.get(f"{_W}val") or "" if based is not None else "",
                _outline(ppr),
                _num_pr(ppr),
                font,
                bold,
                size,
            )
            if st.get(f"{_W}type") == "paragraph" and (st.get(f"{_W}default") or "") in (
                "1",
                "true",
            ):
                self.default_para = sid

    def chain(self, sid: str) -> list[_Style]:
        out, seen = [], set()
        cur = sid or self.default_para
        while cur and cur not in seen and cur in self.by_id:
            seen.add(cur)
            out.append(self.by_id[cur])
            cur = self.by_id[cur].based
        return out

    def level(self, sid: str) -> int | None:
        for st in self.chain(sid)[:6]:
            lv = style_heading_level(st.name)
            if lv is not None:
                return lv
        return None

    def outline(self, sid: str) -> int | None:
        for st in self.chain(sid):
            if st.outline is not None:
                return st.outline
        return None

    def numbering(self, sid: str) -> tuple[str, int] | None:
        for st in self.chain(sid):
            if st.num is not None:
                return st.num
        return None

    def run_format(self, sid: str) -> tuple[str, bool, int]:
        font, bold, size = "", None, 0
        for st in self.chain(sid):
            font = font or st.font
            bold = st.bold if bold is None else bold
            size = size or st.size
        return font or self.default_font, bool(bold), size or self.default_size


def paragraphs_from_parts(pkg: DocxPackage) -> list[DocxParagraph]:
    """The paragraphs and table rows of the main document, in reading order."""
    root = parse_xml(pkg.document, "document.xml")
    styles = _Styles(parse_xml(pkg.styles, "styles.xml") if pkg.styles else None)
    numbering = Numbering(parse_xml(pkg.numbering, "numbering.xml") if pkg.numbering else None)
    body = root.find(f"{_W}body")
    out: list[DocxParagraph] = []
    if body is None:
        return out
    p_tag, tr_tag = f"{_W}p", f"{_W}tr"
    for el in body.iter(p_tag, tr_tag):
        if any(a.tag == _MC_FALLBACK for a in el.iterancestors()):
            continue  # the legacy copy of a text box; its modern copy is read instead
        if next(el.iterancestors(tr_tag), None) is not None:
            continue  # inside a table row: read with its row
        if el.tag == tr_tag:
            row = _table_row(el, styles, numbering)
            if row:
                out.append(DocxParagraph(row, table=True, runs=[DocxRun(row)]))
            continue
        out.append(_paragraph(el, styles, numbering))
    return out


def _table_row(tr: etree._Element, styles: _Styles, numbering: Numbering) -> str:
    cells: list[str] = []
    for tc in tr.iter(f"{_W}tc"):
        if next(tc.iterancestors(f"{_W}tr"), None) is not tr:
            continue  # a nested table's cell: read as part of its outer cell
        texts = []
        for p in tc.iter(f"{_W}p"):
            if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
                continue
            text = _paragraph(p, styles, numbering).text.replace("\n", " ")
            if text:
                texts.append(text)
        if texts:
            cells.append(" ".join(texts))
    return CELL_SEP.join(cells)


def _paragraph(p: etree._Element, styles: _Styles, numbering: Numbering) -> DocxParagraph:
    ppr = p.find(f"{_W}pPr")
    sid, jc, indented = "", "", False
    if ppr is not None:
        ps = ppr.find(f"{_W}pStyle")
        sid = (ps.get(f"{_W}val") or "") if ps is not None else ""
        j = ppr.find(f"{_W}jc")
        jc = (j.get(f"{_W}val") or "") if j is not None else ""
        ind = ppr.find(f"{_W}ind")
        if ind is not None:
            first = ind.get(f"{_W}firstLineChars") or ind.get(f"{_W}firstLine") or "0"
            indented = first.lstrip("-").isdigit() and int(first) > 0
    outline = _outline(ppr)
    if outline is None:
        outline = styles.outline(sid)
    base_font, base_bold, base_size = styles.run_format(sid)
    runs: list[DocxRun] = []
    for r in p.iter(f"{_W}r"):
        parent = r.getparent()
        if parent is not None and parent.tag == f"{_W}del":
            continue
        if next(r.iterancestors(f"{_W}p"), None) is not p:
            continue  # a run of a text box inside this paragraph
        parts = []
        for child in r:
            if child.tag == f"{_W}t":
                parts.append(child.text or "")
            elif child.tag == f"{_W}tab":
                parts.append(" ")
            elif child.tag in (f"{_W}br", f"{_W}cr") and child.get(f"{_W}type") != "page":
                parts.append("\n")  # a soft line break (see DocxParagraph.text)
        if not parts:
            continue
        rpr = r.find(f"{_W}rPr")
        font, bold, size = _rpr_font(rpr)
        fonts = rpr.find(f"{_W}rFonts") if rpr is not None else None
        direct = bold is not None or (fonts is not None and bool(fonts.get(f"{_W}eastAsia")))
        cstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        if cstyle is not None:
            cfont, cbold, csize = styles.run_format(cstyle.get(f"{_W}val") or "")
            font, size = font or cfont, size or csize
            bold = bold if bold is not None else (cbold or None)
        runs.append(
            DocxRun(
                "".join(parts),
                base_bold if bold is None else bold,
                font or base_font,
                size or base_size,
                direct,
            )
        )
    typed = "".join(r.text for r in runs).strip()
    num = _num_pr(ppr) or styles.numbering(sid)
    number, list_level = "", None
    if num is not None:
        shown = numbering.next(*num)
        if shown is not None and not shown.bullet and shown.marker:
            number, list_level = shown.marker, shown.level
    text = typed
    if number and typed:
        sep = " " if shown.suffix != "nothing" and number[-1].isalnum() else ""
        text = f"{number}{sep}{typed}"
    st = styles.by_id.get(sid)
    return DocxParagraph(
        text=text,
        number=number,
        list_level=list_level,
        style_id=sid,
        style_name=st.name if st else (sid.lower() if sid else "normal"),
        style_level=styles.level(sid),
        outline=outline if outline is not None and 0 <= outline <= 8 else None,
        centered=jc == "center",
        right=jc in ("right", "end"),
        indented=indented,
        runs=runs,
    )


def read_docx(path: str | Path) -> list[DocxParagraph]:
    """The paragraphs of the .docx at ``path``. Raises :class:`PackageError`."""
    return paragraphs_from_parts(open_docx(path))
