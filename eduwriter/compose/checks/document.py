"""Build the :class:`CheckDoc` the rules run over, from a report or from a text file.

* :func:`doc_from_report` — the composer's report: computed numbers, roles from the model.
* :func:`doc_from_text` — the lines of a .txt or .md file *as typed*: typed numbers are kept
  (so a skipped or repeated number can be seen), each line keeps its line number, and the
  official-document roles (title, 发文字号, 主送机关, 附件说明, 署名, 成文日期) are recognised
  from their position and shape.  Markdown marks (``#``, ``**``, ``>``, front matter) are
  removed; ``column`` is where the text starts in the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eduwriter.compose.checks.finding import CheckDoc, Paragraph, Role
from eduwriter.compose.checks.markers import match_marker
from eduwriter.compose.numbering import compute_markers
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock, ReportMeta
from eduwriter.core.genre import TITLE_WORDS
from eduwriter.core.model import Document

#: The kind of 公文 a title names (its last genre word wins: 关于…的请示 -> 请示).
_GENRE_RE = re.compile(
    r"(请示报告|请示|报告|通知|通报|复函|函|批复|意见|决定|决议|纪要|公告|通告|命令|议案|"
    r"总结|计划|方案|规划|要点|讲话|办法|规定|细则)(?:[（(][^）)]*[）)])?$"
)

#: A 发文字号 standing on its own line: 示教发〔2026〕5号, 示卫发[2026]第05号.
DOCNO_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,4}\s*号$"
)

#: A date on its own line (成文日期 or 印发日期), in Arabic or Chinese numerals.
_NUM = r"(?:\d{1,4}|[０-９]{1,4}|[〇零一二三四五六七八九十○Ｏ]{1,4})"
DATE_LINE_RE = re.compile(rf"^{_NUM}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*[日号]$")
_PRINT_DATE_RE = re.compile(rf"{_NUM}\s*年\s*{_NUM}\s*月\s*{_NUM}\s*日\s*印发$")

_ATTACH_HEAD_RE = re.compile(r"^附\s*件\s*[:：]")
_ATTACH_ITEM_RE = re.compile(r"^\d{1,2}\s*[.．、，,]")
_END_PUNCT = "。；，、：:;,！!？?"


def genre_of(title: str) -> str:
    """The genre word at the end of ``title`` (``""`` when none)."""
    m = _GENRE_RE.search(title.strip().rstrip("。"))
    if not m:
        return ""
    return "函" if m.group(1) == "复函" else m.group(1)


def _body_role(text: str) -> Role:
    """A body paragraph typed as ``附件：1.名单`` is a 附件说明 written in the text."""
    return "attachment" if _ATTACH_HEAD_RE.match(text.strip()) and len(text) <= 80 else "paragraph"


def _meta_tail(meta) -> list[Paragraph]:  # noqa: ANN001 - compose.report.ReportMeta
    """署名, 成文日期 and the 版头/版记 fields of the front matter (发文字号, 印发日期)."""
    out: list[Paragraph] = []
    if meta.signer.strip():
        out.append(Paragraph(meta.signer, "signer", part="signer"))
    if meta.date.strip():
        out.append(Paragraph(meta.date, "date", part="date"))
    if getattr(meta, "doc_number", "").strip():
        out.append(Paragraph(meta.doc_number, "docno", part="doc_number"))
    if getattr(meta, "print_date", "").strip():
        out.append(Paragraph(meta.print_date, "date", part="print_date"))
    return out


def doc_from_report(report: Report) -> CheckDoc:
    """The report's title, 主送机关, blocks, 附件说明, 署名 and 成文日期 as paragraphs."""
    paras: list[Paragraph] = []
    meta = report.meta
    if report.title.strip():
        paras.append(Paragraph(report.title, "title", part="title"))
    if meta.recipient.strip():
        paras.append(Paragraph(meta.recipient, "recipient", part="recipient"))
    markers = compute_markers(
        [min(max(b.level, 1), MAX_LEVEL) if b.kind == "heading" else None for b in report.blocks]
    )
    for i, (block, marker) in enumerate(zip(report.blocks, markers, strict=True)):
        if block.kind == "heading":
            level = min(max(block.level, 1), MAX_LEVEL)
            paras.append(
                Paragraph(block.text, "heading", level, marker or "", block=i, hint=block.hint)
            )
            if block.body.strip():
                paras.append(Paragraph(block.body, block=i, part="body", hint=block.hint))
        else:
            paras.append(Paragraph(block.text, _body_role(block.text), block=i, hint=block.hint))
    for k, name in enumerate(meta.attachments):
        if name.strip():
            paras.append(Paragraph(name, "attachment", part="attachment", index=k))
    paras += _meta_tail(meta)
    return CheckDoc(paras, genre_of(report.title), "report")


# --- text files ----------------------------------------------------------------------------

_FRONT_KEYS = {
    "主送机关": "recipient",
    "主送": "recipient",
    "署名": "signer",
    "发文机关署名": "signer",
    "成文日期": "date",
    "日期": "date",
    "发文字号": "docno",
    "文号": "docno",
}
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def _strip_markdown(line: str) -> tuple[str, list[int], int | None]:
    """(text, the column in ``line`` of each character of text, heading depth or None) of
    one Markdown line: heading marks, quote marks, emphasis and escapes removed."""
    col = len(line) - len(line.lstrip())
    rest = line.rstrip()
    depth = None
    m = _MD_HEADING.match(rest, col)
    if m:
        depth = len(m.group(1))
        col = m.end()
        rest = rest.rstrip("#").rstrip()
    q = _MD_QUOTE.match(rest, col)
    if q:
        col = q.end()
    text: list[str] = []
    cols: list[int] = []
    i = col
    while i < len(rest):
        two = rest[i : i + 2]
        if two in ("**", "__"):
            i += 2
            continue
        if rest[i] == "\\" and i + 1 < len(rest) and _MD_ESCAPE.match(two):
            i += 1
        text.append(rest[i])
        cols.append(i)
        i += 1
    return "".join(text), cols, depth


def _front_matter(lines: list[str]) -> tuple[list[Paragraph], int]:
    """Paragraphs for the YAML-like front matter of a report file, and the first body line."""
    if not lines or lines[0].strip() != "---":
        return [], 0
    out: list[Paragraph] = []
    key = ""
    for n in range(1, len(lines)):
        raw = lines[n]
        if raw.strip() == "---":
            return out, n + 1
        item = re.match(r"^\s*-\s+(.*)$", raw)
        if item and key == "附件":
            text = item.group(1).strip().strip("'\"")
            col = raw.index(item.group(1))
            count = sum(1 for p in out if p.role == "attachment")
            out.append(
                Paragraph(
                    text, "attachment", part="attachment", index=count, line=n + 1, column=col
                )
            )
            continue
        kv = re.match(r"^\s*([^:：]+)[:：]\s*(.*)$", raw)
        if not kv:
            continue
        key, value = kv.group(1).strip(), kv.group(2).strip().strip("'\"")
        role = _FRONT_KEYS.get(key)
        if role and value:
            out.append(Paragraph(value, role, part=role, line=n + 1, column=raw.index(value)))
    return [], 0  # no closing ---: not front matter


def _raw_lines(text: str, markdown: bool) -> tuple[list[Paragraph], list[Paragraph]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front: list[Paragraph] = []
    first = 0
    if markdown:
        front, first = _front_matter(lines)
    out: list[Paragraph] = []
    in_comment = False
    for n in range(first, len(lines)):
        raw = lines[n].replace("\ufeff", "")
        if not raw.strip():
            continue
        depth: int | None = None
        if markdown:
            stripped = raw.strip()
            if in_comment or stripped.startswith("<!--"):
                in_comment = "-->" not in stripped
                continue
            body, cols, depth = _strip_markdown(raw)
            col = cols[0] if cols else 0
        else:
            body = raw.strip()
            col = len(raw) - len(raw.lstrip())
            cols = []
        if not body:
            continue
        para = Paragraph(body.rstrip(), line=n + 1, column=col)
        if cols and cols[-1] - cols[0] != len(cols) - 1:
            para.columns = tuple(cols)  # emphasis or escapes removed inside the line
        if depth == 1:
            para.role = "title"
        elif depth is not None:
            para.role = "heading"
            para.level = min(depth - 1, MAX_LEVEL)
        out.append(para)
    return front, out


def _looks_like_title(text: str, following: str = "") -> bool:
    """A first line that is a title: short, unnumbered, no sentence inside.  One that ends
    with a mark by mistake (…的通知。) still counts when it names a document type, or when
    it has no other mark at all and the text below is longer (a headline over a story)."""
    if len(text) > 60 or match_marker(text) is not None:
        return False
    if not text.endswith(tuple(_END_PUNCT)):
        return True
    head = text.rstrip(_END_PUNCT)
    if any(c in head for c in "。；！？"):
        return False
    if TITLE_WORDS.search(head):
        return True
    return len(head) <= 40 and not any(c in head for c in _END_PUNCT) and len(following) > len(text)


def _assign_roles(paras: list[Paragraph]) -> None:
    """Title, 发文字号, 主送机关 at the top; 成文日期, 署名 and 附件说明 at the end; typed
    numbers make headings."""
    if not paras:
        return
    k = 0
    while k < min(len(paras), 4) and DOCNO_LINE_RE.match(paras[k].text):
        paras[k].role = "docno"
        k += 1
    if k < len(paras) and paras[k].role == "paragraph" and len(paras) > 1:
        following = paras[k + 1].text if k + 1 < len(paras) else ""
        if _looks_like_title(paras[k].text, following):
            paras[k].role = "title"
    titled = [i for i, p in enumerate(paras) if p.role == "title"]
    k = titled[0] + 1 if titled else k
    while k < len(paras) and DOCNO_LINE_RE.match(paras[k].text):
        paras[k].role = "docno"
        k += 1
    if k < len(paras):
        t = paras[k].text
        if (
            t.endswith(("：", ":"))
            and len(t) <= 80
            and "。" not in t
            and match_marker(t) is None
            and paras[k].role == "paragraph"
        ):
            paras[k].role = "recipient"
    # the closing block: the last date line, the signer above it, 附件说明 above those
    end = len(paras)
    for i in range(len(paras) - 1, max(len(paras) - 40, 0) - 1, -1):
        if DATE_LINE_RE.match(paras[i].text.replace(" ", "")):
            paras[i].role = "date"
            end = i
            if (
                i > 0
                and len(paras[i - 1].text) <= 30
                and not any(c in paras[i - 1].text for c in _END_PUNCT)
            ):
                paras[i - 1].role = "signer"
                end = i - 1
            break
    for i in range(end - 1, max(end - 30, 0) - 1, -1):
        if _ATTACH_HEAD_RE.match(paras[i].text) and len(paras[i].text) <= 80:
            paras[i].role = "attachment"
            j = i + 1
            while j < end and _ATTACH_ITEM_RE.match(paras[j].text) and len(paras[j].text) <= 80:
                paras[j].role = "attachment"
                j += 1
            break
    for p in paras:
        if p.role in ("paragraph", "heading"):
            m = match_marker(p.text)
            if m is not None:
                p.role = "heading"
                p.level = m.level
                p.marker = m.text
                p.marker_typed = True
    for p in paras:
        if p.role == "paragraph" and _PRINT_DATE_RE.search(p.text):
            p.role = "date"


def doc_from_text(text: str, markdown: bool = False) -> CheckDoc:
    """The lines of a text file (``markdown``: a Markdown report file) as paragraphs."""
    front, paras = _raw_lines(text, markdown)
    _assign_roles(paras)
    if markdown and front:
        head = [p for p in front if p.role in ("docno", "recipient")]
        tail = [p for p in front if p.role in ("attachment", "signer", "date")]
        title_at = next((i for i, p in enumerate(paras) if p.role == "title"), -1)
        paras = paras[: title_at + 1] + head + paras[title_at + 1 :] + tail
    doc = CheckDoc(paras, "", "markdown" if markdown else "text")
    doc.genre = genre_of(doc.title())
    return doc


def report_from_imported(document: Document) -> Report:
    """A document found by the importer, as the report the composer would make of it:
    headings at the levels the importer assigned (typed numbers are recomputed)."""
    report = Report(title=(document.title or "").strip())
    for b in document.blocks:
        if b.kind == "heading" and b.level > 0:
            report.blocks.append(ReportBlock("heading", b.text.strip(), min(b.level, MAX_LEVEL)))
        elif b.text.strip():
            report.blocks.append(ReportBlock("paragraph", b.text.strip()))
    return report


#: Kinds of the composer's text blocks: -1 title, 0 paragraph, 1..4 heading level.
TITLE_KIND = -1


def doc_from_blocks(blocks: Sequence[tuple[int, str, bool]], meta: ReportMeta) -> CheckDoc:
    """The composer's text blocks as they stand, ``(kind, text, hint)`` each, plus the
    report's official-document blocks.  ``Paragraph.block`` is the text block's number, so a
    finding points straight at the block the writer sees (a run-in heading is one block)."""
    paras: list[Paragraph] = []
    kinds = [k for k, _t, _h in blocks]
    markers = compute_markers([min(k, MAX_LEVEL) if k > 0 else None for k in kinds])
    titled = False
    body: list[Paragraph] = []
    for n, (kind, text, hint) in enumerate(blocks):
        if not text.strip():
            continue
        if kind == TITLE_KIND and not titled:
            paras.append(Paragraph(text, "title", block=n, part="title"))
            titled = True
        elif kind > 0:
            body.append(
                Paragraph(
                    text, "heading", min(kind, MAX_LEVEL), markers[n] or "", block=n, hint=hint
                )
            )
        else:
            body.append(Paragraph(text, _body_role(text), block=n, hint=hint))
    if meta.recipient.strip():
        paras.append(Paragraph(meta.recipient, "recipient", part="recipient"))
    paras += body
    for k, name in enumerate(meta.attachments):
        if name.strip():
            paras.append(Paragraph(name, "attachment", part="attachment", index=k))
    paras += _meta_tail(meta)
    return CheckDoc(paras, genre_of(paras[0].text if titled else ""), "report")
