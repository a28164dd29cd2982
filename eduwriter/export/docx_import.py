"""Re-import a .docx (ours after editing in Word/WPS, or any colleague's) as a report.

Headings come from paragraph styles matched by name (heading 1-4 / 标题 1-4, or an outline
level), or, when the document uses no heading styles, from typed numbering (一、 （一） 1.
（1）). Typed numbers are stripped (numbers are computed from levels). A heading paragraph
whose runs switch back to the body font, or whose numbered heading ends with 。 and goes on,
becomes a run-in heading. The title, 主送机关, 附件说明, 署名 and 成文日期 are recognised by
style and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from eduwriter.compose.markdown_io import blocks_from_typed_numbering, split_marker
from eduwriter.compose.numbering import cjk_numeral
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock
from eduwriter.export.errors import ExportError, TemplateError
from eduwriter.export.gbt9704 import W_NS
from eduwriter.export.template import HEADING_NAMES, TITLE_NAMES, _norm, open_package

_W = f"{{{W_NS}}}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DATE_RE = re.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,3}月.{1,4}日\s*$")
_ATTACH_RE = re.compile(r"^\s*附\s*件\s*[:：]\s*(.*)$")
_ATTACH_ITEM_RE = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*(.+)$")
_SENTENCE_END = re.compile(r"[。！？]")
#: Between the cells of a table row read back as one paragraph (an ideographic space).
CELL_SEP = "\u3000"
#: A typed heading is short; longer numbered lines are run-in headings or list-like paragraphs.
MAX_HEADING_CHARS = 40


class DocxReadError(ExportError):
    """The .docx cannot be opened as a report."""


@dataclass(slots=True)
class _Para:
    text: str
    style_name: str
    outline: int | None  # 0-based outline level from the paragraph or its style
    centered: bool
    right: bool
    runs: list[tuple[str, bool]]  # (text, has direct font/bold override)
    indented: bool = False  # a first-line indent set on the paragraph itself
    table: bool = False  # one row of a table, its cells joined by CELL_SEP


def _style_table(
    styles_xml: bytes | None,
) -> tuple[dict[str, str], dict[str, int], dict[str, tuple[str, int]]]:
    names: dict[str, str] = {}
    outline: dict[str, int] = {}
    numbering: dict[str, tuple[str, int]] = {}
    if not styles_xml:
        return names, outline, numbering
    root = etree.fromstring(styles_xml)
    based: dict[str, str] = {}
    for st in root.iter(f"{_W}style"):
        sid = st.get(f"{_W}styleId") or ""
        name = st.find(f"{_W}name")
        names[sid] = _norm(name.get(f"{_W}val") or sid) if name is not None else _norm(sid)
        lvl = st.find(f"{_W}pPr/{_W}outlineLvl")
        if lvl is not None and (lvl.get(f"{_W}val") or "").isdigit():
            outline[sid] = int(lvl.get(f"{_W}val"))
        num = _num_pr(st.find(f"{_W}pPr"))
        if num is not None:
            numbering[sid] = num
        b = st.find(f"{_W}basedOn")
        if b is not None:
            based[sid] = b.get(f"{_W}val") or ""
    for sid in names:  # inherit outline levels through basedOn
        cur, seen = sid, set()
        while cur not in outline and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        if cur in outline and sid not in outline:
            outline[sid] = outline[cur]
        cur, seen = sid, set()
        while cur not in numbering and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        if cur in numbering and sid not in numbering:
            numbering[sid] = numbering[cur]
    return names, outline, numbering


def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    """(numId, ilvl) of a w:pPr's w:numPr, or None."""
    if ppr is None:
        return None
    num = ppr.find(f"{_W}numPr")
    if num is None:
        return None
    num_id = num.find(f"{_W}numId")
    ilvl = num.find(f"{_W}ilvl")
    nid = num_id.get(f"{_W}val") if num_id is not None else None
    if nid is None:
        return None
    lv = ilvl.get(f"{_W}val") if ilvl is not None else "0"
    return nid, int(lv) if (lv or "").isdigit() else 0


_CJK_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographTraditional",
    "ideographDigital",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
}


class _Numbering:
    """Word's automatic list numbering turned back into the text a reader sees (一、 1. …)."""

    def __init__(self, numbering_xml: bytes | None) -> None:
        self.levels: dict[str, tuple[str, dict[int, tuple[str, str]]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if not numbering_xml:
            return
        try:
            root = etree.fromstring(numbering_xml)
        except etree.XMLSyntaxError:
            return
        abstract: dict[str, dict[int, tuple[str, str]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            lvls: dict[int, tuple[str, str]] = {}
            for lvl in an.findall(f"{_W}lvl"):
                ilvl = lvl.get(f"{_W}ilvl") or "0"
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                lvls[int(ilvl) if ilvl.isdigit() else 0] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                )
            abstract[an.get(f"{_W}abstractNumId") or ""] = lvls
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            aid = ref.get(f"{_W}val") if ref is not None else None
            if aid in abstract:
                self.levels[num.get(f"{_W}numId") or ""] = (aid, abstract[aid])

    def marker(self, num_id: str, ilvl: int) -> str:
        entry = self.levels.get(num_id)
        if entry is None or num_id == "0":
            return ""
        aid, lvls = entry
        if ilvl not in lvls:
            return ""
        counters = self.counters.setdefault(aid, {})
        counters[ilvl] = counters.get(ilvl, 0) + 1
        for deeper in [k for k in counters if k > ilvl]:
            counters[deeper] = 0
        fmt, text = lvls[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def level_number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            n = max(counters.get(k, 1), 1)
            f = lvls.get(k, (fmt, ""))[0]
            if f in _CJK_FORMATS:
                return cjk_numeral(n)
            if f == "decimalEnclosedCircle" and n <= 20:
                return chr(0x2460 + n - 1)
            if f == "lowerLetter":
                return chr(ord("a") + (n - 1) % 26)
            if f == "upperLetter":
                return chr(ord("A") + (n - 1) % 26)
            return str(n)

        return re.sub(r"%([1-9])", level_number, text)


def _paragraphs(
    doc_xml: bytes, styles_xml: bytes | None, numbering_xml: bytes | None = None
) -> list[_Para]:
    names, outline, style_numbering = _style_table(styles_xml)
    numbering = _Numbering(numbering_xml)
    root = etree.fromstring(doc_xml)
    body = root.find(f"{_W}body")
    out: list[_Para] = []
    if body is None:
        return out

    def read(p: etree._Element) -> _Para:
        ppr = p.find(f"{_W}pPr")
        sid = ""
        lvl: int | None = None
        jc = ""
        indented = False
        if ppr is not None:
            ps = ppr.find(f"{_W}pStyle")
            sid = ps.get(f"{_W}val") or "" if ps is not None else ""
            ol = ppr.find(f"{_W}outlineLvl")
            if ol is not None and (ol.get(f"{_W}val") or "").isdigit():
                lvl = int(ol.get(f"{_W}val"))
            j = ppr.find(f"{_W}jc")
            jc = j.get(f"{_W}val") or "" if j is not None else ""
            ind = ppr.find(f"{_W}ind")
            if ind is not None:
                first = ind.get(f"{_W}firstLineChars") or ind.get(f"{_W}firstLine") or "0"
                indented = first.lstrip("-").isdigit() and int(first) > 0
        if lvl is None:
            lvl = outline.get(sid)
        runs: list[tuple[str, bool]] = []
        num = _num_pr(ppr) or style_numbering.get(sid)
        if num is not None:
            marker = numbering.marker(*num)
            if marker:
                runs.append((marker, False))
        for r in p.iter(f"{_W}r"):
            if r.getparent() is not None and r.getparent().tag == f"{_W}del":
                continue
            if next(r.iterancestors(f"{_W}p"), None) is not p:
                continue  # a run of a text box inside this paragraph
            parts = []
            for el in r:
                if el.tag == f"{_W}t":
                    parts.append(el.text or "")
                elif el.tag == f"{_W}tab":
                    parts.append(" ")
            if not parts:
                continue
            rpr = r.find(f"{_W}rPr")
            override = rpr is not None and (
                (
                    rpr.find(f"{_W}rFonts") is not None
                    and rpr.find(f"{_W}rFonts").get(f"{_W}eastAsia")
                )
                or (rpr.find(f"{_W}b") is not None)
            )
            runs.append(("".join(parts), bool(override)))
        text = "".join(t for t, _ in runs).strip()
        return _Para(
            text=text,
            style_name=names.get(sid, _norm(sid)) if sid else "normal",
            outline=lvl if lvl is not None and lvl < 9 else None,
            centered=jc == "center",
            right=jc in ("right", "end"),
            indented=indented,
            runs=runs,
        )

    tr_tag, p_tag = f"{_W}tr", f"{_W}p"
    for el in body.iter(p_tag, tr_tag):
        if any(a.tag == _MC_FALLBACK for a in el.iterancestors()):
            continue  # the legacy copy of a text box; its modern copy is read instead
        if next(el.iterancestors(tr_tag), None) is not None:
            continue  # inside a table row: read with its row
        if el.tag == tr_tag:
            row = _table_row(el, read)
            if row:
                out.append(_Para(row, "normal", None, False, False, [(row, False)], table=True))
            continue
        out.append(read(el))
    return out


def _table_row(tr: etree._Element, read) -> str:  # noqa: ANN001 - the paragraph reader
    """A table row as one line: the cells' text joined by CELL_SEP (empty cells skipped)."""
    cells: list[str] = []
    for tc in tr.iter(f"{_W}tc"):
        if next(tc.iterancestors(f"{_W}tr"), None) is not tr:
            continue  # a nested table's cell: read as part of its outer cell
        texts = []
        for p in tc.iter(f"{_W}p"):
            if any(a.tag == _MC_FALLBACK for a in p.iterancestors()):
                continue
            text = read(p).text
            if text:
                texts.append(text)
        if texts:
            cells.append(" ".join(texts))
    return CELL_SEP.join(cells)


def _heading_level(p: _Para) -> int | None:
    for level, candidates in HEADING_NAMES.items():
        if p.style_name in {_norm(c) for c in candidates}:
            return level
    m = re.fullmatch(r"(?:heading|标题)\s*([5-9])", p.style_name)
    if m:
        return MAX_LEVEL
    if p.outline is not None:
        return min(p.outline + 1, MAX_LEVEL)
    return None


def _split_runin(p: _Para, text: str) -> tuple[str, str]:
    """(heading, run-in body) of a heading paragraph."""
    runs = p.runs
    if len(runs) > 1 and not runs[0][1]:
        for i in range(1, len(runs)):
            if runs[i][1]:
                head = "".join(t for t, _ in runs[:i])
                body = "".join(t for t, _ in runs[i:])
                if head.strip() and body.strip():
                    _lv, head_text = split_marker(head.strip())
                    return head_text, body.strip()
    return _split_at_sentence(text)


def _split_at_sentence(text: str) -> tuple[str, str]:
    m = _SENTENCE_END.search(text)
    if m and m.end() < len(text) and m.end() <= MAX_HEADING_CHARS:
        return text[: m.end()], text[m.end() :].strip()
    return text, ""


def _typed_heading(text: str) -> tuple[int, str, str] | None:
    """(level, heading, run-in body) for a paragraph that starts with a typed number."""
    level, rest = split_marker(text)
    if level is None or not rest:
        return None
    if len(rest) <= MAX_HEADING_CHARS and not _SENTENCE_END.search(rest[:-1]):
        return level, rest, ""
    head, body = _split_at_sentence(rest)
    if body and len(head) <= MAX_HEADING_CHARS:
        return level, head, body
    return None


def _related(pkg, type_suffix: str) -> bytes | None:  # noqa: ANN001 - template.Package
    from eduwriter.export.template import _related_part

    name = _related_part(pkg.parts, pkg.document_path, type_suffix)
    return pkg.parts.get(name) if name else None


def import_docx(path: str | Path) -> Report:
    """Open ``path`` as a report. Raises :class:`DocxReadError` with a Chinese message."""
    try:
        pkg = open_package(path, what="文档")
        paras = _paragraphs(
            pkg.parts[pkg.document_path],
            pkg.parts.get(pkg.styles_path) if pkg.styles_path else None,
            _related(pkg, "/numbering"),
        )
    except TemplateError as exc:
        raise DocxReadError(exc.message_zh) from exc
    except etree.XMLSyntaxError as exc:
        raise DocxReadError(f"“{Path(path).name}”内容已损坏，无法打开。") from exc
    paras = [p for p in paras if p.text]
    report = Report()
    i = 0
    # Title: a Title-styled paragraph, or a centred first paragraph, before any heading; or a
    # heading-styled first paragraph without a typed number that is the only heading at its
    # level or above (a colleague's "Heading 1" title over typed 一、 二、 sections).
    if paras and not paras[0].table:
        top = paras[0]
        top_level = _heading_level(top)
        if top_level is None:
            if top.style_name in {_norm(n) for n in TITLE_NAMES} or top.centered:
                report.title = top.text
                i = 1
        elif split_marker(top.text)[0] is None and not any(
            (lv := _heading_level(p)) is not None and lv <= top_level for p in paras[1:]
        ):
            report.title = top.text
            i = 1
    # 主送机关: a short line ending with a colon right after the title.
    first = paras[i] if i < len(paras) else None
    if (
        first is not None
        and not first.table
        and first.text.endswith(("：", ":"))
        and len(first.text) <= 60
        and not first.indented
        and not first.text.lstrip("\u3000 ").startswith(("为", "现将", "根据", "按照"))
        and not re.search(r"(如下|通知|要求|意见|安排)[:：]$", first.text)
        and "。" not in first.text
    ):
        if _heading_level(first) is None and split_marker(first.text)[0] is None:
            report.meta.recipient = first.text.rstrip("：:")
            i += 1
    end = len(paras)
    # 成文日期 and 署名 at the end, then 附件说明 before them.
    if end > i and _DATE_RE.match(paras[end - 1].text):
        report.meta.date = paras[end - 1].text.strip()
        end -= 1
        prev = paras[end - 1] if end > i else None
        if prev is not None and prev.right and len(prev.text) <= 40:
            report.meta.signer = prev.text
            end -= 1
    attach_at = next(
        (k for k in range(max(i, end - 12), end) if _ATTACH_RE.match(paras[k].text)), None
    )
    if attach_at is not None and all(
        _ATTACH_ITEM_RE.match(p.text) for p in paras[attach_at + 1 : end]
    ):
        first = _ATTACH_RE.match(paras[attach_at].text).group(1)
        items = [first] + [p.text for p in paras[attach_at + 1 : end]]
        for item in items:
            m = _ATTACH_ITEM_RE.match(item)
            name = (m.group(1) if m else item).strip()
            if name:
                report.meta.attachments.append(name)
        end = attach_at
    report.blocks = _body_blocks(paras[i:end])
    return report


def _body_blocks(paras: list[_Para]) -> list[ReportBlock]:
    """Headings from styles AND from typed numbering; table rows stay paragraphs.

    A paragraph in a heading style is a heading at the style's level. Each run of other
    paragraphs between them goes through the importer's outline parser, so a typed
    "二、存在问题" in the Normal style is a heading too, at the level its marker says.
    """
    blocks: list[ReportBlock] = []
    run: list[_Para] = []

    def flush() -> None:
        if not run:
            return
        from_core = blocks_from_typed_numbering([p.text for p in run])
        if from_core is not None:
            blocks.extend(from_core)
        else:
            for p in run:
                typed = _typed_heading(p.text)
                if typed is not None:
                    lv, head, body = typed
                    blocks.append(ReportBlock("heading", head, level=lv, body=body))
                else:
                    blocks.append(ReportBlock("paragraph", p.text))
        run.clear()

    for p in paras:
        level = None if p.table else _heading_level(p)
        if p.table:
            flush()
            blocks.append(ReportBlock("paragraph", p.text))
        elif level is not None:
            flush()
            _typed, text = split_marker(p.text)
            head, body = _split_runin(p, text)
            blocks.append(ReportBlock("heading", head, level=level, body=body))
        else:
            run.append(p)
    flush()
    return blocks
