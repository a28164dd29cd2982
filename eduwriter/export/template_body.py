"""The document body of the output: the report placed in the base document or a unit's template.

A unit's red-head template usually keeps its 版头 in the body: 发文机关标志 (XX市教育局文件),
发文字号 (X教〔2026〕12号) and the red separator line. Everything before a marker — a paragraph
holding 【标题】 (or 【正文】), else the first empty paragraph after some content — is kept as the
版头, with its fields filled from the report: 【发文字号】, 【签发人】, 【密级】, 【紧急程度】, and a
written 发文字号 such as X教〔2026〕12号 replaced by the report's. The report goes where the marker
was; what the template's body holds after the marker is dropped, and the writer is told so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from eduwriter.compose.report import ReportMeta
from eduwriter.export import gbt9704 as L
from eduwriter.export.errors import TemplateError
from eduwriter.export.official import DOC_NUMBER_IN_TEXT, check_doc_number
from eduwriter.export.template import Package

_W = f"{{{L.W_NS}}}"
MARKERS = ("【标题】", "【正文】")
_CONTENT_TAGS = {f"{_W}t", f"{_W}drawing", f"{_W}pict", f"{_W}object"}


def title_capacity(pkg: Package) -> float:
    """Title characters on one line of the template's text block (its page and title size)."""
    width = L.TEXT_WIDTH
    try:
        root = etree.fromstring(pkg.parts[pkg.document_path])
        sect = root.find(f"{_W}body/{_W}sectPr")
        if sect is not None:
            pg, mar = sect.find(f"{_W}pgSz"), sect.find(f"{_W}pgMar")
            w = int(pg.get(f"{_W}w")) if pg is not None and pg.get(f"{_W}w") else L.PAGE_WIDTH
            left = int(mar.get(f"{_W}left") or 0) if mar is not None else L.MARGIN_LEFT
            right = int(mar.get(f"{_W}right") or 0) if mar is not None else L.MARGIN_RIGHT
            width = max(w - left - right, 1440)
    except (etree.XMLSyntaxError, ValueError, KeyError):
        pass
    size = L.SIZE_TITLE
    title = pkg.styles.title()
    if title is not None and title.rpr is not None:
        sz = title.rpr.find(f"{_W}sz")
        if sz is not None and (sz.get(f"{_W}val") or "").isdigit():
            size = int(sz.get(f"{_W}val"))
    return width / (size * 10)


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{_W}t"))


def _has_content(el: etree._Element) -> bool:
    if _text(el).strip():
        return True
    return any(d.tag in _CONTENT_TAGS and d.tag != f"{_W}t" for d in el.iter())


def _marker_index(children: list[etree._Element]) -> int | None:
    """Index of the marker paragraph among the body's children, or None."""
    for k, el in enumerate(children):
        if el.tag == f"{_W}p" and any(m in _text(el) for m in MARKERS):
            return k
    seen_content = False
    for k, el in enumerate(children):
        if el.tag == f"{_W}p" and not _has_content(el):
            if seen_content:
                return k
        elif _has_content(el):
            seen_content = True
    return None


def replace_in_paragraph(p: etree._Element, pattern: re.Pattern[str], repl: str) -> int:
    """Replace ``pattern`` in the paragraph's text, across runs; the first run keeps its format."""
    texts = list(p.iter(f"{_W}t"))
    joined = "".join(t.text or "" for t in texts)
    matches = list(pattern.finditer(joined))
    for m in reversed(matches):
        at, start_t, end_t = 0, None, None
        bounds = []
        for i, t in enumerate(texts):
            n = len(t.text or "")
            bounds.append((at, at + n))
            if start_t is None and at <= m.start() < at + n:
                start_t = i
            if at < m.end() <= at + n:
                end_t = i
            at += n
        if start_t is None or end_t is None:
            continue
        for i in range(start_t, end_t + 1):
            a, b = bounds[i]
            s = texts[i].text or ""
            lo, hi = max(m.start(), a) - a, min(m.end(), b) - a
            texts[i].text = s[:lo] + (repl if i == start_t else "") + s[hi:]
            texts[i].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return len(matches)


def _fill_fields(kept: list[etree._Element], meta: ReportMeta) -> list[str]:
    warnings: list[str] = []
    number, _ = check_doc_number(meta.doc_number)
    fields = {
        "【发文字号】": number,
        "【签发人】": meta.issuer.strip(),
        "【密级】": meta.secrecy.strip(),
        "【紧急程度】": meta.urgency.strip(),
        "【份号】": "",
    }
    placed_number = False
    paragraphs = [p for el in kept for p in el.iter(f"{_W}p")]
    for key, value in fields.items():
        hits = sum(replace_in_paragraph(p, re.compile(re.escape(key)), value) for p in paragraphs)
        if key == "【发文字号】" and hits:
            placed_number = True
        if hits and not value and key != "【份号】":
            warnings.append(f"模板版头中的{key}没有内容可填（报告中没有填写），已留空。")
    if number and not placed_number:
        hits = sum(replace_in_paragraph(p, DOC_NUMBER_IN_TEXT, number) for p in paragraphs)
        placed_number = hits > 0
    if number and not placed_number:
        warnings.append(
            "模板版头中没有发文字号的位置（可在模板中写【发文字号】），发文字号没有写入。"
        )
    return warnings


def merge_body(
    source: bytes,
    make_paragraphs: Callable[[bool], list[str]],
    meta: ReportMeta,
    *,
    template: bool,
) -> tuple[bytes, list[str]]:
    """The document part with the report's paragraphs in it, and what the writer should know.

    ``make_paragraphs(has_header)`` returns the report's paragraphs; ``has_header`` is True when
    the template brings its own 版头 (then no 发文字号 line of ours is added).
    """
    try:
        root = etree.fromstring(source)
    except etree.XMLSyntaxError as exc:
        raise TemplateError("模板的正文部分已损坏，无法使用。可以改用默认的公文版式导出。") from exc
    body = root.find(f"{_W}body")
    if body is None:
        body = etree.SubElement(root, f"{_W}body")
    children = list(body)
    sect = children[-1] if children and children[-1].tag == f"{_W}sectPr" else None
    content = [c for c in children if c is not sect]
    warnings: list[str] = []
    kept: list[etree._Element] = []
    if template:
        marker = _marker_index(content)
        if marker is not None:
            kept = content[:marker]
            dropped = [c for c in content[marker + 1 :] if _has_content(c)]
        else:
            dropped = [c for c in content if _has_content(c)]
        if any(el.find(f".//{_W}sectPr") is not None for el in kept):
            warnings.append("模板版头中有分节符，导出的公文会从新的一节开始。")
        if dropped:
            where = "标记（【标题】或版头下的空段落）之后" if marker is not None else ""
            warnings.append(
                f"模板正文{where}的 {len(dropped)} 段内容没有用上，已略去"
                + ("" if marker is not None else "（没有找到【标题】标记或版头下的空段落）")
                + "。"
            )
        if kept:
            warnings.extend(_fill_fields(kept, meta))
        elif meta.doc_number.strip() or meta.issuer.strip():
            pass  # our own 发文字号 line is written above the title
    for child in children:
        body.remove(child)
    paragraphs = make_paragraphs(bool(kept)) or ["<w:p/>"]
    wrapper = etree.fromstring(
        f'<w:body xmlns:w="{L.W_NS}" xmlns:r="{L.R_NS}">{"".join(paragraphs)}</w:body>'.encode()
    )
    body.extend(kept)
    body.extend(list(wrapper))
    if sect is not None:
        body.append(sect)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), warnings
