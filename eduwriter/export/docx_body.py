"""The paragraphs of the exported body: title, 主送机关, headings, text, 附件说明, 署名/日期, 版记.

Every paragraph gets its properties through :func:`eduwriter.export.ooxml.ppr` (schema order,
indents in twips and in characters, CJK spacing off, kinsoku on), so the same XML serves the
default layout and a unit's template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eduwriter.compose.render import RenderedBlock
from eduwriter.compose.report import ReportMeta
from eduwriter.export import gbt9704 as L
from eduwriter.export.official import (
    estimated_lines,
    header_paragraphs,
    imprint_page_breaks,
    imprint_paragraphs,
    page_break,
    signature_indents,
)
from eduwriter.export.ooxml import HINT_RPR, NO_INDENT, ind, ppr, run, t, tab_run, twips
from eduwriter.export.title_lines import split_title, text_width

#: A last body paragraph up to this many lines is kept whole with the 署名 (§7.3.5).
KEEP_WHOLE_LINES = 3


@dataclass(slots=True)
class BodyStyles:
    """What the body needs to know about the styles in use (default layout or template)."""

    body_id: str | None
    title_id: str | None
    heading_ids: dict[int, str | None]
    heading_fonts: dict[int, str | None]
    title_font: str
    h1_font: str
    body_run_rpr: str
    title_capacity: float = L.TITLE_CHARS_PER_LINE
    title_bold: bool = False
    warnings: list[str] = field(default_factory=list)


def title_paragraph(text: str, s: BodyStyles, own_rpr: bool) -> str:
    """The title centred with no indent of its own, its lines broken between words."""
    lines = split_title(text, s.title_capacity)
    rpr = HINT_RPR
    if own_rpr:
        bold = "<w:b/><w:bCs/>" if s.title_bold else ""
        rpr = (
            f"<w:rPr>{L.rfonts(s.title_font)}{bold}"
            f'<w:sz w:val="{L.SIZE_TITLE}"/><w:szCs w:val="{L.SIZE_TITLE}"/></w:rPr>'
        )
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{t(line)}</w:t>' for line in lines)
    props = ppr(
        s.title_id or s.body_id,
        snapToGrid='<w:snapToGrid w:val="0"/>',
        spacing=f'<w:spacing w:before="0" w:after="{L.LINE_PITCH}"/>',
        ind=NO_INDENT,
        jc='<w:jc w:val="center"/>',
    )
    return f"<w:p>{props}<w:r>{rpr}{inner}</w:r></w:p>"


def attachment_paragraph(blk: RenderedBlock, s: BodyStyles, keep: bool) -> str:
    """附件说明 (§7.3.4): wrapped lines align with the first character of the name."""
    number_width = text_width(blk.number)  # "1." = 1 character, "10." = 1.5
    start = 5  # column of "1." (after 2 characters of indent and "附件："), or of the name
    if blk.number:
        # "附件：1.<tab>name": the tab stop is the hanging indent, so a wrapped line starts
        # exactly under the name's first character, whatever the digits' font.
        left = start + number_width
        hanging = left - 2 if blk.prefix else number_width
        tabs = f'<w:tabs><w:tab w:val="left" w:pos="{twips(left)}"/></w:tabs>'
        runs = run(f"{blk.prefix}{blk.number}") + tab_run() + run(blk.text)
    else:
        left, hanging, tabs = start, 3.0, ""
        runs = run(f"{blk.prefix}{blk.text}")
    spacing = f'<w:spacing w:before="{L.LINE_PITCH}"/>' if blk.prefix else ""
    props = ppr(
        s.body_id,
        keepNext="<w:keepNext/>" if keep else "",
        tabs=tabs,
        spacing=spacing,
        ind=ind(left=left, hanging=hanging),
    )
    return f"<w:p>{props}{runs}</w:p>"


def body_paragraphs(
    blocks: list[RenderedBlock],
    s: BodyStyles,
    meta: ReportMeta,
    *,
    bold_headings: bool,
    default_layout: bool,
    with_header: bool = True,
) -> list[str]:
    """Every paragraph of the document body, in order (without the final w:sectPr)."""
    out: list[str] = header_paragraphs(meta, s.body_id, s.h1_font) if with_header else []
    signer = next((b.text for b in blocks if b.role == "signer"), "")
    date = next((b.text for b in blocks if b.role == "date"), "")
    signer_right, date_right = signature_indents(signer, date, meta.sealed)
    missing_heading_warned = False
    # §7.3.5: 署名 and 成文日期 never stand on a page without body text. The last body
    # paragraph and the 附件说明 lines are kept with the next paragraph.
    has_closing = any(b.role in ("signer", "date") for b in blocks)
    last_body = max(
        (k for k, b in enumerate(blocks) if b.role in ("heading", "paragraph") and b.plain),
        default=-1,
    )
    if not any(b.role in ("attachment", "signer", "date") for b in blocks[last_body + 1 :]):
        last_body = -1
    for k, blk in enumerate(blocks):
        role = blk.role
        if role == "title":
            out.append(title_paragraph(blk.text, s, s.title_id is None))
        elif role == "heading":
            style_id = s.heading_ids.get(blk.level)
            head_rpr = HINT_RPR
            outline = ""
            if style_id is None:
                # The template lacks this heading style: body style + outline level.
                style_id = s.body_id
                outline = f'<w:outlineLvl w:val="{blk.level - 1}"/>'
                bold = "<w:b/><w:bCs/>" if bold_headings and blk.level in (2, 3) else ""
                font = s.heading_fonts.get(blk.level) or s.h1_font
                head_rpr = f"<w:rPr>{L.rfonts(font)}{bold}</w:rPr>"
                if not missing_heading_warned:
                    s.warnings.append(
                        f"模板中没有“标题 {blk.level}”（heading {blk.level}）样式，"
                        "该级标题用正文样式加大纲级别导出。"
                    )
                    missing_heading_warned = True
            elif not default_layout and bold_headings and blk.level in (2, 3):
                head_rpr = '<w:rPr><w:rFonts w:hint="eastAsia"/><w:b/><w:bCs/></w:rPr>'
            keep = ""
            if k == last_body:
                keep = "<w:keepNext/>"
            elif blk.body:
                # A run-in heading is mostly body text: not chained to the next paragraph,
                # and kept out of Word's navigation pane (it would show the whole sentence).
                keep = '<w:keepNext w:val="0"/>'
                outline = '<w:outlineLvl w:val="9"/>'
            runs = run(blk.heading_line, head_rpr)
            if blk.body:
                runs += run(blk.body, s.body_run_rpr)
            props = ppr(style_id, keepNext=keep, ind=ind(first=2), outlineLvl=outline)
            out.append(f"<w:p>{props}{runs}</w:p>")
        elif role == "paragraph":
            if blk.text:
                keep = widow = ""
                if k == last_body:
                    # LibreOffice moves a kept paragraph whole, leaving its lines empty at the
                    # foot of the page: a long last paragraph may split (at least two lines go
                    # on with the 署名, by widow control) instead of being kept whole.
                    lines = (2 + text_width(blk.text)) / L.BODY_CHARS_PER_LINE
                    if lines <= KEEP_WHOLE_LINES:
                        keep = "<w:keepNext/>"
                    else:
                        widow = '<w:widowControl w:val="1"/>'
                props = ppr(s.body_id, keepNext=keep, widowControl=widow, ind=ind(first=2))
                out.append(f"<w:p>{props}{run(blk.text)}</w:p>")
        elif role == "recipient":
            # §7.3.2: flush left, and wrapped lines stay flush left (回行时仍顶格)
            out.append(f"<w:p>{ppr(s.body_id, ind=NO_INDENT)}{run(blk.text)}</w:p>")
        elif role == "attachment":
            out.append(attachment_paragraph(blk, s, has_closing))
        elif role in ("signer", "date"):
            right = signer_right if role == "signer" else date_right
            blank = (3 if meta.sealed else 1) if role == "signer" else 0
            if role == "date" and not signer:
                blank = 3 if meta.sealed else 1
            spacing = f'<w:spacing w:before="{blank * L.LINE_PITCH}"/>' if blank else ""
            indent, align = ind(right=right, first=0), '<w:jc w:val="right"/>'
            if role == "signer" and meta.sealed and date:
                # §7.3.5.1: centred on the date — a centred paragraph whose box is centred
                # on the date, so the signer's own glyph widths do not matter
                box = max(text_width(date), text_width(signer)) + 2
                centre = L.BODY_CHARS_PER_LINE - date_right - text_width(date) / 2
                indent = ind(
                    left=max(0.0, centre - box / 2),
                    right=max(0.0, L.BODY_CHARS_PER_LINE - centre - box / 2),
                    first=0,
                )
                align = '<w:jc w:val="center"/>'
            props = ppr(
                s.body_id,
                keepNext="<w:keepNext/>" if role == "signer" and date else "",
                spacing=spacing,
                ind=indent,
                jc=align,
            )
            out.append(f"<w:p>{props}{run(blk.text)}</w:p>")
    imprint = imprint_paragraphs(meta, s.body_id)
    if imprint:
        breaks = imprint_page_breaks(estimated_lines(blocks, meta), 3)
        out.extend(page_break() for _ in range(breaks))
        out.extend(imprint)
        # a table must be followed by a paragraph; this one is empty and takes no room
        tiny = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        out.append(f"<w:p>{ppr(s.body_id, spacing=tiny, ind=NO_INDENT)}</w:p>")
    return out


__all__ = ["BodyStyles", "body_paragraphs", "title_paragraph", "twips"]
