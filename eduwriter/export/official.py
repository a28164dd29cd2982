"""The parts of a 公文 around its body: 版头 fields, 署名/日期 layout, 版记 (GB/T 9704 §7.2–7.4).

* 发文字号 is checked and written 〔2026〕5号 (hexagonal brackets, no 第, no leading zero).
* Without a template the 版头 is 份号-less: 密级 and 紧急程度 top left in 黑体, 发文字号 centred
  (or left, with 签发人 on the right for 上行文), the red separator line, then the title.
* 署名/日期: unsealed §7.3.5.2 (date right-indented 2 characters, signer 2 characters left of
  the date) or sealed §7.3.5.1 (date right-indented 4 characters, signer centred above it).
* 版记: 抄送 and 印发机关/印发日期 between separator lines (first and last 0.35 mm, middle
  0.25 mm), in a frame at the foot of the 版心 on the last page; when the body is estimated to
  end on an odd page, a page break puts the 版记 on the next, even page.
"""

from __future__ import annotations

import math
import re

from eduwriter.compose.render import RenderedBlock
from eduwriter.compose.report import ReportMeta
from eduwriter.export import gbt9704 as L
from eduwriter.export.ooxml import NO_INDENT, ind, ppr, run, t, twips
from eduwriter.export.title_lines import split_title, text_width

_YEAR_BRACKETS = re.compile(r"[\[［【(（〔]\s*((?:19|20)\d\d)\s*[\]］】)）〕]")
_DOC_NUMBER = re.compile(r"^(?P<org>\S*?)〔(?P<year>(?:19|20)\d\d)〕(?P<di>第?)(?P<num>\d+)号$")
#: A 发文字号 inside a template's 版头 (replaced by the report's own).
DOC_NUMBER_IN_TEXT = re.compile(r"[^\s〔]{0,12}〔(?:19|20|XX|xx|X)[\dXx]{0,2}〕第?[\dXx]+号")

#: 0.35 mm and 0.25 mm separator lines in eighths of a point (w:sz of a border).
THICK_LINE, THIN_LINE = 8, 6
RED = "FF0000"
#: Line pitch of the 版记 rows (4号 text).
IMPRINT_LINE = 480


def check_doc_number(text: str) -> tuple[str, list[str]]:
    """The 发文字号 as GB/T 9704 §7.2.4 writes it, and what was corrected or looks wrong."""
    raw = re.sub(r"\s+", "", text)
    if not raw:
        return "", []
    fixed = _YEAR_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", raw)
    notes: list[str] = []
    if fixed != raw:
        notes.append(f"发文字号“{raw}”的年份改用六角括号〔〕：{fixed}。")
    m = _DOC_NUMBER.match(fixed)
    if m is None:
        notes.append(
            f"发文字号“{raw}”不符合“机关代字〔年份〕序号号”的写法（如 X教〔2026〕5号），已按原样导出。"
        )
        return raw, notes
    num = str(int(m.group("num")))
    if m.group("di") or num != m.group("num"):
        notes.append(
            f"发文字号的序号不加“第”、不编虚位：{m.group('org')}〔{m.group('year')}〕{num}号。"
        )
    return f"{m.group('org')}〔{m.group('year')}〕{num}号", notes


def _hei_rpr(fonts_h1: str, size: int = L.SIZE_BODY) -> str:
    return f'<w:rPr>{L.rfonts(fonts_h1)}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'


def header_paragraphs(meta: ReportMeta, body_id: str | None, h1_font: str) -> list[str]:
    """版头 without a template: 密级, 紧急程度, 发文字号 (+ 签发人) and the red line."""
    out: list[str] = []
    for value in (meta.secrecy.strip(), meta.urgency.strip()):
        if value:
            out.append(f"<w:p>{ppr(body_id, ind=NO_INDENT)}{run(value, _hei_rpr(h1_font))}</w:p>")
    number, _ = check_doc_number(meta.doc_number)
    issuer = meta.issuer.strip()
    if not (number or issuer):
        return out
    red_line = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{THICK_LINE}" w:space="8" w:color="{RED}"/>'
        "</w:pBdr>"
    )
    spacing = f'<w:spacing w:before="{L.LINE_PITCH}" w:after="{2 * L.LINE_PITCH}"/>'
    if issuer:
        # 上行文 (§7.2.5): 发文字号 left one character in, 签发人 right one character in.
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{L.TEXT_WIDTH - twips(1)}"/></w:tabs>'
        runs = run(number) + "<w:r><w:tab/></w:r>" + run("签发人：")
        runs += run(issuer, f"<w:rPr>{L.rfonts('楷体')}</w:rPr>")
        props = ppr(body_id, pBdr=red_line, tabs=tab, spacing=spacing, ind=ind(left=1, first=0))
    else:
        props = ppr(
            body_id, pBdr=red_line, spacing=spacing, ind=NO_INDENT, jc='<w:jc w:val="center"/>'
        )
        runs = run(number)
    out.append(f"<w:p>{props}{runs}</w:p>")
    return out


def signature_indents(signer: str, date: str, sealed: bool) -> tuple[float, float]:
    """Right indents (characters) of 署名 and 成文日期.

    Unsealed (§7.3.5.2): date right-indented 2; signer starts 2 characters left of the date
    (a longer signer is right-indented 2 and the date moves left). Sealed (§7.3.5.1): date
    right-indented 4, signer centred on the date.
    """
    if sealed:
        if not signer or not date:
            return 4.0, 4.0
        ws, wd = text_width(signer), text_width(date)
        return max(0.0, 4 + (wd - ws) / 2), 4.0
    if not signer or not date:
        return 2.0, 2.0
    ws, wd = text_width(signer), text_width(date)
    signer_right = 4 + wd - ws
    if signer_right >= 2:
        return signer_right, 2.0
    return 2.0, max(2.0, ws - wd)


def imprint_paragraphs(meta: ReportMeta, body_id: str | None) -> list[str]:
    """版记 (§7.4): 抄送 and 印发机关/印发日期 in a one-column table fixed to the foot of the
    版心 (a floating table: Word, WPS and LibreOffice all place it), with the separator
    lines as its borders — first and last 0.35 mm, between the rows 0.25 mm."""
    copy_to = meta.copy_to.strip().rstrip("。")
    printer = meta.printer.strip()
    print_date = meta.print_date.strip()
    rows: list[str] = []
    size = f'<w:sz w:val="{L.SIZE_PAGE_NUMBER}"/><w:szCs w:val="{L.SIZE_PAGE_NUMBER}"/>'
    rpr = f'<w:rPr><w:rFonts w:hint="eastAsia"/>{size}</w:rPr>'
    spacing = f'<w:spacing w:before="0" w:after="0" w:line="{IMPRINT_LINE}" w:lineRule="exact"/>'
    lines = 0
    if copy_to:
        text = f"抄送：{copy_to}。"
        # 抄送 one character in; wrapped lines align after "抄送：" (4号: 34 characters a line)
        props = ppr(body_id, spacing=spacing, ind=ind(left=1 + 3, right=1, hanging=3))
        rows.append(f"<w:p>{props}{run(text, rpr)}</w:p>")
        lines += max(1, math.ceil(text_width(text) * 14 / 16 / (L.BODY_CHARS_PER_LINE - 2)))
    if printer or print_date:
        tab = f'<w:tabs><w:tab w:val="right" w:pos="{L.TEXT_WIDTH - twips(1)}"/></w:tabs>'
        date = f"{print_date}印发" if print_date and not print_date.endswith("印发") else print_date
        props = ppr(body_id, tabs=tab, spacing=spacing, ind=ind(left=1, first=0))
        runs = run(printer, rpr) + f"<w:r>{rpr}<w:tab/></w:r>" + run(date, rpr)
        rows.append(f"<w:p>{props}{runs}</w:p>")
        lines += 1
    if not rows:
        return []
    pad = 60  # twips above and below the text of a row
    height = lines * IMPRINT_LINE + len(rows) * 2 * pad

    def border(side: str, size: int) -> str:
        return f'<w:{side} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'

    tbl_pr = (
        "<w:tblPr>"
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="page"'
        f' w:horzAnchor="margin" w:tblpXSpec="center" w:tblpY="{L.PAGE_HEIGHT - L.MARGIN_BOTTOM - height}"/>'
        '<w:tblOverlap w:val="never"/>'
        f'<w:tblW w:w="{L.TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
        "<w:tblBorders>"
        + border("top", THICK_LINE)
        + '<w:left w:val="nil"/>'
        + border("bottom", THICK_LINE)
        + '<w:right w:val="nil"/>'
        + border("insideH", THIN_LINE)
        + '<w:insideV w:val="nil"/>'
        + "</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        f'<w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
        f'<w:tblGrid><w:gridCol w:w="{L.TEXT_WIDTH}"/></w:tblGrid>'
    )
    cells = "".join(
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{L.TEXT_WIDTH}"'
        f' w:type="dxa"/></w:tcPr>{row}</w:tc></w:tr>'
        for row in rows
    )
    return [f"<w:tbl>{tbl_pr}{cells}</w:tbl>"]


def estimated_lines(blocks: list[RenderedBlock], meta: ReportMeta) -> int:
    """Grid lines the document fills before the 版记 (22 a page), estimated from the text."""
    per_line = 28
    lines = 0
    if meta.secrecy.strip():
        lines += 1
    if meta.urgency.strip():
        lines += 1
    if meta.doc_number.strip() or meta.issuer.strip():
        lines += 4  # blank, 发文字号, two blank lines under the red line
    for blk in blocks:
        if blk.role == "title":
            # 2号 lines on the 28.95 pt grid plus the blank line below
            lines += len(split_title(blk.text, L.TITLE_CHARS_PER_LINE)) + 1
        elif blk.role in ("heading", "paragraph"):
            width = 2 + text_width(blk.plain)
            lines += max(1, math.ceil(width / per_line))
        elif blk.role == "recipient":
            lines += max(1, math.ceil(text_width(blk.text) / per_line))
        elif blk.role == "attachment":
            lines += max(1, math.ceil((5 + text_width(blk.text)) / per_line))
            lines += 1 if blk.prefix else 0
        elif blk.role == "signer":
            lines += 3 if meta.sealed else 2
        elif blk.role == "date":
            lines += 1
    return lines


def imprint_page_breaks(used_lines: int, imprint_rows: int) -> int:
    """Page breaks to put before the 版记 so it stands at the foot of an even page."""
    per_page = 22
    pages = max(1, math.ceil(used_lines / per_page))
    free = pages * per_page - used_lines
    breaks = 0
    if free < imprint_rows * 2:  # no room at the foot of this page: the 版记 moves on
        breaks, pages = 1, pages + 1
    if pages % 2:
        breaks += 1
    return breaks


def page_break() -> str:
    return f'<w:p>{ppr(None, ind=NO_INDENT)}<w:r><w:br w:type="page"/></w:r></w:p>'


__all__ = [
    "DOC_NUMBER_IN_TEXT",
    "check_doc_number",
    "estimated_lines",
    "header_paragraphs",
    "imprint_page_breaks",
    "imprint_paragraphs",
    "page_break",
    "signature_indents",
    "t",
]
