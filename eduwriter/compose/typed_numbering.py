"""Headings from typed official numbering (一、 （一） 1. （1）) in plain paragraphs: a Markdown
file without headings, a .docx without heading styles. The importer's outline parser decides."""

from __future__ import annotations

import re

from eduwriter.compose.markdown_syntax import split_marker
from eduwriter.compose.report import MAX_LEVEL, ReportBlock
from eduwriter.core.clean import normalize_chars
from eduwriter.core.importer import parse_outline
from eduwriter.core.model import Block

_PUNCT_GAP = re.compile(r"^[\s。．.，,、：:；;！!？?）)]{0,3}$")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_official(block) -> bool:  # noqa: ANN001 - eduwriter.core.model.Block
    """A heading numbered with one of the four GB/T 9704 markers (一、 （一） 1. （1））."""
    return block.kind == "heading" and split_marker(block.marker.strip() + "文")[0] is not None


def _marker_level(marker: str, fallback: int) -> int:
    level, _rest = split_marker(marker.strip() + "文")
    return level if level is not None else min(max(fallback, 1), MAX_LEVEL)


def blocks_from_typed_numbering(texts: list[str]) -> list[ReportBlock] | None:
    """Headings from typed numbering using the importer's outline parser.

    The importer decides which lines are headings (it knows glued digits, 〔一〕, run-in
    enumerations that are not headings, …); its blocks are aligned back onto the document's
    paragraphs so a numbered heading followed by body text in one paragraph stays a run-in
    heading. The level follows the typed marker (so the numbers the writer sees stay the
    same). Returns None when the alignment fails; the
    caller then uses the simpler typed-marker rules.
    """
    norm = [squash_spaces(normalize_chars(t)) for t in texts]
    norm = [t for t in norm if t]
    if not norm:
        return []
    try:
        doc = parse_outline("\n".join(norm))
    except Exception:  # noqa: BLE001 - a parser failure must not stop the import
        return None
    blocks = list(doc.blocks)
    if doc.title:
        blocks.insert(0, Block("paragraph", doc.title))
    out: list[ReportBlock] = []
    bi = 0
    for para in norm:
        target = _squash(para)
        pos = 0
        group = []
        while bi < len(blocks) and pos < len(target):
            b = blocks[bi]
            piece = _squash((b.marker if b.kind == "heading" else "") + b.text)
            idx = target.find(piece, pos) if piece else pos
            if idx < 0 or not _PUNCT_GAP.match(target[pos:idx]):
                return None
            group.append(b)
            pos = idx + len(piece)
            bi += 1
            if _PUNCT_GAP.match(target[pos:]):
                break
        if not group or not _PUNCT_GAP.match(target[pos:]):
            return None
        official = [b for b in group if _is_official(b)]
        if not official:
            # no heading with an official marker: keep the paragraph exactly as written
            out.append(ReportBlock("paragraph", para))
        elif len(official) == 1 and _is_official(group[0]):
            h = group[0]
            level = _marker_level(h.marker, h.level)
            if len(group) == 1:
                out.append(ReportBlock("heading", h.text, level=level))
                continue
            start = para.find(group[1].text)
            if start <= 0:
                return None
            _lv, head = split_marker(para[:start].strip())
            out.append(ReportBlock("heading", head, level=level, body=para[start:].strip()))
        else:
            for b in group:
                if _is_official(b):
                    out.append(ReportBlock("heading", b.text, level=_marker_level(b.marker, 0)))
                else:
                    prefix = b.marker if b.kind == "heading" else ""
                    out.append(ReportBlock("paragraph", prefix + b.text))
    if bi != len(blocks):
        return None
    return out


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
