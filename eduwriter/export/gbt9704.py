"""GB/T 9704-2012 layout figures and the WordprocessingML parts that carry them.

All lengths are in twips (1/20 pt) unless a name says otherwise. Elements are written in
schema order (CT_RPr, CT_PPr, CT_SectPr, CT_Settings), which Word requires.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from eduwriter.export.fonts import ALT_NAMES, FontSet

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value / 25.4 * 1440)


# Paper and margins (§5.1, §5.2.1): A4, top 37, bottom 35, left 28, right 26 mm.
PAGE_WIDTH = mm(210)  # 11906
PAGE_HEIGHT = mm(297)  # 16838
MARGIN_TOP = mm(37)
MARGIN_BOTTOM = mm(35)
MARGIN_LEFT = mm(28)
MARGIN_RIGHT = mm(26)
HEADER_DISTANCE = mm(15)
#: Width of the 版心 (156 mm).
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FOOTER_DISTANCE = 1400  # ≈ 24.7 mm: the page number sits about 7 mm below the 版心 (§7.5)

# Type sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
SIZE_TITLE = 44
SIZE_BODY = 32
SIZE_PAGE_NUMBER = 28

#: Exact line pitch that puts 22 lines in the 225 mm 版心 (28.95 pt).
LINE_PITCH = 579
#: Character spacing that puts 28 characters of 3号 in the 156 mm 版心 (-0.25 pt).
CHAR_SPACING = -5
#: Advance of one body character with the condensed pitch (16 pt - 0.25 pt = 15.75 pt).
CHAR_WIDTH = 320 + CHAR_SPACING
#: Characters of the 2号 title (22 pt, no character spacing) on one line of the 版心 (≈20.1).
TITLE_CHARS_PER_LINE = TEXT_WIDTH / (SIZE_TITLE * 10)
#: Body characters on one line of the 版心 (§5.2.3).
BODY_CHARS_PER_LINE = 28
#: First-line indent of body paragraphs: two characters.
FIRST_LINE_INDENT = 2 * CHAR_WIDTH
#: One character of 4号 between the page number and the edge of the 版心.
PAGE_NUMBER_INDENT = 280

#: Style ids and names of the default layout. Word matches built-in styles by name.
HEADING_STYLE_IDS = {1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}
STYLE_NAMES = {
    "Normal": "Normal",
    "Title": "Title",
    "Heading1": "heading 1",
    "Heading2": "heading 2",
    "Heading3": "heading 3",
    "Heading4": "heading 4",
    "Footer": "footer",
}


def rfonts(font: str, ascii_font: str | None = None) -> str:
    """A w:rFonts naming one font for every script, with the eastAsia hint (no theme fonts)."""
    latin = quoteattr(ascii_font or font)
    east = quoteattr(font)
    return (
        f"<w:rFonts w:ascii={latin} w:hAnsi={latin} w:eastAsia={east} w:cs={latin}"
        ' w:hint="eastAsia"/>'
    )


def _style(
    style_id: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = "Normal",
    next_id: str | None = None,
    ui_priority: int | None = None,
    ppr: str = "",
    rpr: str = "",
    default: bool = False,
    q_format: bool = True,
    extra_attrs: str = "",
) -> str:
    parts = [
        f'<w:style w:type="{kind}" w:styleId="{style_id}"'
        + (' w:default="1"' if default else "")
        + extra_attrs
        + ">",
        f'<w:name w:val="{STYLE_NAMES.get(style_id, style_id)}"/>',
    ]
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_id:
        parts.append(f'<w:next w:val="{next_id}"/>')
    if ui_priority is not None:
        parts.append(f'<w:uiPriority w:val="{ui_priority}"/>')
    if q_format:
        parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def styles_xml(fonts: FontSet, bold_headings: bool = False) -> str:
    """word/styles.xml of the default layout for ``fonts``."""
    bold = "<w:b/><w:bCs/>"
    not_bold = '<w:b w:val="0"/><w:bCs w:val="0"/>'
    body_spacing = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
    lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    heading_styles = []
    for level in (1, 2, 3, 4):
        is_bold = bold_headings and level in (2, 3)
        heading_styles.append(
            _style(
                HEADING_STYLE_IDS[level],
                next_id="Normal",
                ui_priority=9,
                ppr=f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
                rpr=rfonts(fonts.heading(level), fonts.latin) + (bold if is_bold else not_bold),
            )
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + rfonts(fonts.body, fonts.latin)
        + f'<w:kern w:val="0"/><w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/>'
        + lang
        + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/>'
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0"'
        ' w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>'
        + _style(
            "Normal",
            based_on=None,
            default=True,
            ppr='<w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/>'
            '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:adjustRightInd w:val="0"/>'
            '<w:snapToGrid w:val="0"/>'
            + body_spacing
            + f'<w:ind w:firstLine="{FIRST_LINE_INDENT}" w:firstLineChars="200"/>'
            '<w:jc w:val="both"/>',
            rpr=rfonts(fonts.body, fonts.latin)
            + '<w:color w:val="000000"/>'
            + f'<w:spacing w:val="{CHAR_SPACING}"/><w:kern w:val="0"/>'
            + f'<w:sz w:val="{SIZE_BODY}"/><w:szCs w:val="{SIZE_BODY}"/>',
        )
        + _style(
            "Title",
            next_id="Normal",
            ui_priority=10,
            ppr='<w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="{LINE_PITCH}" w:line="{LINE_PITCH}"'
            ' w:lineRule="exact"/><w:ind w:firstLine="0" w:firstLineChars="0"/>'
            '<w:jc w:val="center"/><w:outlineLvl w:val="9"/>',
            rpr=rfonts(fonts.title)
            + (bold if fonts.title_bold else not_bold)
            + '<w:spacing w:val="0"/>'
            + f'<w:sz w:val="{SIZE_TITLE}"/><w:szCs w:val="{SIZE_TITLE}"/>',
        )
        + "".join(heading_styles)
        + _style(
            "Footer",
            ui_priority=99,
            q_format=False,
            ppr='<w:snapToGrid w:val="0"/>'
            '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0" w:firstLineChars="0"/>',
            rpr=rfonts(fonts.page_number)
            + '<w:spacing w:val="0"/>'
            + f'<w:sz w:val="{SIZE_PAGE_NUMBER}"/><w:szCs w:val="{SIZE_PAGE_NUMBER}"/>',
        )
        + _style(
            "DefaultParagraphFont",
            kind="character",
            based_on=None,
            default=True,
            ui_priority=1,
            q_format=False,
        ).replace('w:val="DefaultParagraphFont"', 'w:val="Default Paragraph Font"')
        + "</w:styles>"
    )


def font_table_xml(fonts: FontSet) -> str:
    """word/fontTable.xml naming our fonts with their Latin alternates."""
    entries = []
    for name in fonts.names():
        alt = ALT_NAMES.get(name)
        entries.append(
            f"<w:font w:name={quoteattr(name)}>"
            + (f"<w:altName w:val={quoteattr(alt)}/>" if alt else "")
            + '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>'
            "</w:font>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">' + "".join(entries) + "</w:fonts>"
    )


def settings_xml() -> str:
    """word/settings.xml: even/odd footers on, zh-CN theme language, no punctuation squeezing."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="420"/>'
        "<w:evenAndOddHeaders/>"
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/>'
        "</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


def footer_xml(even: bool) -> str:
    """A footer with "— N —": odd pages right (one character in), even pages left."""
    if even:
        ppr = f'<w:ind w:left="{PAGE_NUMBER_INDENT}" w:firstLine="0"/><w:jc w:val="left"/>'
    else:
        ppr = f'<w:ind w:right="{PAGE_NUMBER_INDENT}" w:firstLine="0"/><w:jc w:val="right"/>'
    hint = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/>{ppr}</w:pPr>'
        f'<w:r>{hint}<w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{hint}<w:t xml:space="preserve"> —</w:t></w:r>'
        "</w:p></w:ftr>"
    )


def sect_pr_xml(odd_footer_rid: str, even_footer_rid: str) -> str:
    """The body's w:sectPr: A4, GB/T 9704 margins, odd/even footers, 28.95 pt line pitch."""
    return (
        "<w:sectPr>"
        f'<w:footerReference w:type="default" r:id="{odd_footer_rid}"/>'
        f'<w:footerReference w:type="even" r:id="{even_footer_rid}"/>'
        f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}"'
        f' w:left="{MARGIN_LEFT}" w:header="{HEADER_DISTANCE}" w:footer="{FOOTER_DISTANCE}"'
        ' w:gutter="0"/>'
        '<w:pgNumType w:fmt="decimal"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>'
        "</w:sectPr>"
    )
