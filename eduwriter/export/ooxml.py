"""Small WordprocessingML builders shared by the DOCX writer and the 版头/版记 blocks.

Paragraph properties are written in the order of the schema (CT_PPr), which Word requires;
indents are written twice, in twips and in character units (``w:firstLineChars="200"``), so
Word's paragraph dialog shows "2 字符" and the indent follows the character width.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from eduwriter.export import gbt9704 as L

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
HINT_RPR = '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'

#: CT_PPr child order (the subset we write).
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "pBdr",
    "tabs",
    "kinsoku",
    "overflowPunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "jc",
    "outlineLvl",
)

#: What every paragraph we write carries for Word and WPS (see docs/export.md):
#: no automatic space between Chinese and digits/Latin (it would widen lines past 28
#: characters), line-start/line-end rules (kinsoku) on, and w:overflowPunct written as "1"
#: (Word's default: a line-end "，" may hang) — LibreOffice 7.4 reads this attribute the other
#: way round and, when it hangs a line-end mark in a justified line, does not draw it.
FIDELITY = {
    "kinsoku": '<w:kinsoku w:val="1"/>',
    "overflowPunct": '<w:overflowPunct w:val="1"/>',
    "autoSpaceDE": '<w:autoSpaceDE w:val="0"/>',
    "autoSpaceDN": '<w:autoSpaceDN w:val="0"/>',
}


def t(text: str) -> str:
    """Text escaped for w:t (tabs become spaces; characters XML forbids are dropped)."""
    return escape(_INVALID_XML.sub("", text.replace("\t", " ")))


def run(text: str, rpr: str = HINT_RPR) -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{t(text)}</w:t></w:r>'


def tab_run(rpr: str = HINT_RPR) -> str:
    return f"<w:r>{rpr}<w:tab/></w:r>"


def ppr(style_id: str | None = None, **parts: str) -> str:
    """A w:pPr with ``parts`` (element name -> XML) in schema order, plus :data:`FIDELITY`."""
    merged = {**FIDELITY, **{k: v for k, v in parts.items() if v}}
    unknown = set(merged) - set(_PPR_ORDER)
    if unknown:
        raise ValueError(f"unknown paragraph properties: {sorted(unknown)}")
    inner = "".join(merged[name] for name in _PPR_ORDER if name in merged)
    pstyle = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    return f"<w:pPr>{pstyle}{inner}</w:pPr>"


def twips(chars: float) -> int:
    """Characters of the condensed body pitch to twips."""
    return round(chars * L.CHAR_WIDTH)


def ind(
    *,
    first: float | None = None,
    left: float | None = None,
    right: float | None = None,
    hanging: float | None = None,
) -> str:
    """A w:ind in characters, written both in twips and in hundredths of a character."""
    attrs = []
    for name, value in (("left", left), ("right", right)):
        if value is not None:
            attrs.append(f'w:{name}="{twips(value)}" w:{name}Chars="{round(value * 100)}"')
    if hanging is not None:
        attrs.append(f'w:hanging="{twips(hanging)}" w:hangingChars="{round(hanging * 100)}"')
    elif first is not None:
        attrs.append(f'w:firstLine="{twips(first)}" w:firstLineChars="{round(first * 100)}"')
    return f"<w:ind {' '.join(attrs)}/>"


#: Flush left with no first-line indent, whatever the style says (title, 主送机关, 版记…).
NO_INDENT = ind(left=0, right=0, first=0)
