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
from pathlib import Path

from eduwriter.compose.markdown_io import blocks_from_typed_numbering, split_marker
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock
from eduwriter.core.docx_reader import CELL_SEP, DocxParagraph, read_docx

__all__ = ["CELL_SEP", "DocxReadError", "import_docx"]
from eduwriter.core.safe_zip import PackageError
from eduwriter.export.errors import ExportError
from eduwriter.export.template import HEADING_NAMES, TITLE_NAMES, _norm

_DATE_RE = re.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{1,3}月.{1,4}日\s*$")
_ATTACH_RE = re.compile(r"^\s*附\s*件\s*[:：]\s*(.*)$")
_ATTACH_ITEM_RE = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*(.+)$")
_SENTENCE_END = re.compile(r"[。！？]")
#: A typed heading is short; longer numbered lines are run-in headings or list-like paragraphs.
MAX_HEADING_CHARS = 40


class DocxReadError(ExportError):
    """The .docx cannot be opened as a report."""


def _heading_level(p: DocxParagraph) -> int | None:
    for level, candidates in HEADING_NAMES.items():
        if p.style_name in {_norm(c) for c in candidates}:
            return level
    if p.style_level is not None and p.style_level >= 1:
        return min(p.style_level, MAX_LEVEL)  # custom names: 一级标题, 标题二 …
    m = re.fullmatch(r"(?:heading|标题)\s*([5-9])", p.style_name)
    if m:
        return MAX_LEVEL
    if p.outline is not None:
        return min(p.outline + 1, MAX_LEVEL)
    return None


def _split_runin(p: DocxParagraph, text: str) -> tuple[str, str]:
    """(heading, run-in body) of a heading paragraph."""
    runs = p.runs
    if len(runs) > 1 and not runs[0].direct:
        for i in range(1, len(runs)):
            if runs[i].direct:
                head = "".join(r.text for r in runs[:i])
                body = "".join(r.text for r in runs[i:])
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


def import_docx(path: str | Path) -> Report:
    """Open ``path`` as a report. Raises :class:`DocxReadError` with a Chinese message."""
    p = Path(path)
    if not p.exists():
        raise DocxReadError(f"找不到文档文件“{p}”。")
    try:
        paras = read_docx(p)
    except PackageError as exc:
        raise DocxReadError(f"“{p.name}”无法打开：{exc.reason_zh}。") from exc
    for para in paras:
        para.text = para.text.replace("\n", "")  # soft breaks: line layout only
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


def _body_blocks(paras: list[DocxParagraph]) -> list[ReportBlock]:
    """Headings from styles AND from typed numbering; table rows stay paragraphs.

    A paragraph in a heading style is a heading at the style's level. Each run of other
    paragraphs between them goes through the importer's outline parser, so a typed
    "二、存在问题" in the Normal style is a heading too, at the level its marker says.
    """
    blocks: list[ReportBlock] = []
    run: list[DocxParagraph] = []

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
