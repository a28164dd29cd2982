"""Report <-> Markdown: the file format of the app's save and open.

The file reads well in any editor or Markdown viewer::

    ---
    主送机关: 各区（县）教育局，局属各学校
    附件:
      - 2026年工作任务分解表
    署名: XX市教育局
    成文日期: 2026年11月22日
    ---

    # 关于做好2026年教育工作的实施方案

    ## 一、总体要求

    正文段落……

    ### （一）指导思想

    **1.认真落实保障措施。**争取各方支持……

* The title is ``# …``; headings are ``##`` (level 1) to ``#####`` (level 4) and are written
  WITH their computed numbers; the numbers are stripped again on reading (they are computed,
  never stored).
* A heading that runs into its body text (run-in) is a paragraph starting with the bold
  numbered heading: ``**1.认真落实保障措施。**争取……``; the level comes from the marker.
* A placeholder (hint) paragraph from a skeleton is a quote preceded by a comment line
  (invisible in a Markdown viewer)::

      <!-- 提示 -->
      > 【在此概述…】

  Only such marked quotes are hints. An older file's quote whose whole text is one bracketed
  hint (``> 【在此概述…】``) is read as a hint too; any other quote (``> 习近平总书记指出…``) is
  an ordinary body paragraph.
* Slots such as 【年份】 are plain text.
* When a body paragraph starts like a typed heading number (``（一）…``, ``1. …``) or the
  report has no headings, the comment line ``<!-- 段首编号为正文，不是标题 -->`` after the
  front matter tells the reader to keep every paragraph as written.

Reading tolerates hand-written Markdown: one paragraph per line (Chinese text is not
hard-wrapped), headings of any depth (levels are taken relative to the shallowest), headings
with or without typed numbers, emphasis and a missing front matter. Nothing typed is lost:
ordered list items keep their numbers (``1. 第一条``), bullets become ``· 列表项``, a table
becomes one paragraph per row with the cells separated by an ideographic space. Typed
official numbering (一、 （一） 1. （1）) becomes headings through the importer's outline
parser when the file has no Markdown headings besides the title; in a file with Markdown
headings, a short title-like numbered line one level below the heading above it becomes a
heading too.
"""

from __future__ import annotations

import re
from pathlib import Path

from eduwriter.compose.render import RenderedBlock, render
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock, ReportMeta
from eduwriter.export.atomic import atomic_write_text

_META_KEYS = {
    "主送机关": "recipient",
    "主送": "recipient",
    "recipient": "recipient",
    "附件": "attachments",
    "附件说明": "attachments",
    "attachments": "attachments",
    "署名": "signer",
    "发文机关署名": "signer",
    "signer": "signer",
    "成文日期": "date",
    "日期": "date",
    "date": "date",
    # 版头 and 版记 (GB/T 9704 §7.2, §7.4) and the sealed layout (§7.3.5.1)
    "发文字号": "doc_number",
    "签发人": "issuer",
    "密级": "secrecy",
    "紧急程度": "urgency",
    "抄送": "copy_to",
    "抄送机关": "copy_to",
    "印发机关": "printer",
    "印发日期": "print_date",
    "盖章": "sealed",
    "加盖印章": "sealed",
}
_META_ORDER = (
    ("主送机关", "recipient"),
    ("署名", "signer"),
    ("成文日期", "date"),
    ("发文字号", "doc_number"),
    ("签发人", "issuer"),
    ("密级", "secrecy"),
    ("紧急程度", "urgency"),
    ("抄送", "copy_to"),
    ("印发机关", "printer"),
    ("印发日期", "print_date"),
)
_YES = ("是", "yes", "true", "1", "盖章", "有")

_CJK_NUM = "一二三四五六七八九十百零〇两"
#: A typed heading number at the start of a heading line, with the level it implies.
_MARKER_RES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[{_CJK_NUM}]{{1,4}}\s*[、，,.．]\s*"), 1),
    (re.compile(rf"^[（(〔［\[]\s*[{_CJK_NUM}]{{1,4}}\s*[）)〕］\]]\s*[、，,.．]?\s*"), 2),
    (re.compile(r"^\d{1,3}\s*[.．、]\s*(?!\d)"), 3),
    (re.compile(r"^[（(]\s*\d{1,3}\s*[）)]\s*[、，,.．]?\s*"), 4),
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*"), 4),
)
_HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RUNIN_RE = re.compile(r"^\*\*((?:\\.|[^\\])+?)\*\*(.*)$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_ESCAPABLE_START = re.compile(r"^(#|>|---|[-+]\s|\d{1,3}[.)]\s|```|~~~|<!--|\|)")
#: The comment line before a hint quote.
HINT_MARK = "<!-- 提示 -->"
#: The comment line that keeps typed numbers at the start of paragraphs as body text.
PLAIN_MARK = "<!-- 段首编号为正文，不是标题 -->"
_INLINE_SPECIAL = re.compile(r"([\\*`\[])|(<)(?=[A-Za-z/!])")


#: The exact markers numbering.py writes; tried first so our own files read back exactly.
_CANONICAL_RES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[{_CJK_NUM}]{{1,6}}、"), 1),
    (re.compile(rf"^（[{_CJK_NUM}]{{1,6}}）"), 2),
    (re.compile(r"^\d{1,3}\."), 3),
    (re.compile(r"^（\d{1,3}）"), 4),
)


def split_marker(text: str) -> tuple[int | None, str]:
    """(level implied by a typed heading number, text without it); (None, text) if none."""
    for pattern, level in _CANONICAL_RES:
        m = pattern.match(text)
        if m:
            return level, text[m.end() :].strip()
    for pattern, level in _MARKER_RES:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return level, text[m.end() :].strip()
    return None, text


def _escape_inline(text: str) -> str:
    """Backslash-escape the characters the reader would take as Markdown markup."""
    return _INLINE_SPECIAL.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)


def _escape_para(text: str) -> str:
    text = _escape_inline(text)
    return "\\" + text if _ESCAPABLE_START.match(text) else text


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


# --- writing --------------------------------------------------------------------------------


def blocks_to_markdown(blocks: list[RenderedBlock], report: Report) -> str:
    """Markdown for rendered blocks (the front matter comes from ``report.meta``)."""
    lines: list[str] = []
    meta = report.meta
    if not meta.is_empty():
        lines.append("---")
        for key, attr in _META_ORDER[:1]:
            if getattr(meta, attr).strip():
                lines.append(f"{key}: {_one_line(getattr(meta, attr))}")
        attachments = [_one_line(a) for a in meta.attachments if a.strip()]
        if attachments:
            lines.append("附件:")
            lines.extend(f"  - {a}" for a in attachments)
        for key, attr in _META_ORDER[1:]:
            if getattr(meta, attr).strip():
                lines.append(f"{key}: {_one_line(getattr(meta, attr))}")
        if meta.sealed:
            lines.append("盖章: 是")
        lines.append("---")
        lines.append("")
    if _needs_plain_mark(blocks):
        lines.append(PLAIN_MARK)
        lines.append("")
    for blk in blocks:
        if blk.role == "title":
            lines.append(f"# {_escape_inline(_one_line(blk.text))}")
        elif blk.role == "heading":
            head = _escape_inline(_one_line(blk.heading_line))
            if not blk.body and head.endswith("#"):
                head = head[:-1] + "\\#"  # not a closing sequence
            if blk.body:
                lines.append(f"**{head}**{_escape_inline(_one_line(blk.body))}")
            else:
                lines.append(f"{'#' * (blk.level + 1)} {head}")
        elif blk.role == "paragraph":
            text = _one_line(blk.text)
            if blk.hint:
                lines.append(HINT_MARK)
                lines.append(f"> {_escape_para(text)}")
            elif text:
                lines.append(_escape_para(text))
            else:
                continue
        else:
            # recipient / attachments / signer / date live in the front matter
            continue
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _looks_numbered(text: str) -> bool:
    """A paragraph the reader could take for a heading with a typed number."""
    if split_marker(text)[0] is not None:
        return True
    try:
        from eduwriter.core.outline import match_marker
    except ImportError:  # pragma: no cover - the importer is part of the same package
        return False
    return match_marker(text) is not None


def _needs_plain_mark(blocks: list[RenderedBlock]) -> bool:
    paragraphs = [b for b in blocks if b.role == "paragraph" and not b.hint and b.text.strip()]
    if not paragraphs:
        return False
    if not any(b.role == "heading" for b in blocks):
        return True
    return any(_looks_numbered(_one_line(b.text)) for b in paragraphs)


def report_to_markdown(report: Report) -> str:
    """The report as our Markdown file text (numbers written, metadata as front matter)."""
    return blocks_to_markdown(render(report), report)


def write_report(report: Report, path: str | Path) -> Path:
    """Save the report as Markdown (UTF-8) atomically. Returns the path written."""
    return atomic_write_text(path, report_to_markdown(report))


# --- typed numbering (plain text, .docx without heading styles) ---------------------------


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
    same). Returns None when the importer is unavailable or the alignment fails; the
    caller then uses the simpler typed-marker rules.
    """
    try:
        from eduwriter.core.clean import normalize_chars
        from eduwriter.core.importer import parse_outline
        from eduwriter.core.model import Block
    except ImportError:  # pragma: no cover - the importer is part of the same package
        return None
    norm = [_squash_spaces(normalize_chars(t)) for t in texts]
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


def _squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- reading --------------------------------------------------------------------------------


class MarkdownReadError(ValueError):
    """The file cannot be read as a report (binary or undecodable)."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


def read_report(path: str | Path) -> Report:
    """Open a Markdown (or plain-text) report file.

    Raises :class:`MarkdownReadError` with a Chinese message for a binary or undecodable file,
    and ``OSError`` when the file cannot be read.
    """
    data = Path(path).read_bytes()
    return report_from_markdown(_decode(data, Path(path).name))


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise MarkdownReadError(f"“{name}”不是文本文件，无法作为报告打开。")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise MarkdownReadError(
            f"“{name}”的编码无法识别（既不是 UTF-8 也不是 GB18030），无法作为报告打开。"
        ) from exc


def _parse_front_matter(lines: list[str]) -> tuple[ReportMeta, int]:
    """Parse a leading ``---`` block; returns the metadata and the index after it."""
    meta = ReportMeta()
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "---":
        return meta, 0
    end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() in ("---", "...")), None)
    if end is None:
        return meta, 0
    body = lines[i + 1 : end]
    known = 0
    current: str | None = None
    for raw in body:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s+[-*]\s*(.*)$", raw) or re.match(r"^\s*-\s+(.*)$", raw)
        if item and current == "attachments":
            value = _unquote(item.group(1))
            if value:
                meta.attachments.append(value)
            continue
        m = re.match(r"^\s*([^:：]+?)\s*[:：]\s*(.*)$", raw)
        if not m:
            continue
        attr = _META_KEYS.get(m.group(1).strip().lower()) or _META_KEYS.get(m.group(1).strip())
        current = attr
        if attr is None:
            continue
        known += 1
        value = _unquote(m.group(2))
        if attr == "attachments":
            if value.startswith("[") and value.endswith("]"):
                meta.attachments.extend(
                    _unquote(v) for v in re.split(r"[,，]", value[1:-1]) if v.strip()
                )
            elif value:
                meta.attachments.append(value)
        elif attr == "sealed":
            meta.sealed = value.strip().lower() in _YES
        else:
            setattr(meta, attr, value)
    if known == 0 and body and any(line.strip() for line in body):
        # Not our front matter (e.g. a horizontal rule block): leave the text alone.
        unknown_meta = all(":" in ln or "：" in ln for ln in body if ln.strip())
        if not unknown_meta:
            return ReportMeta(), 0
    return meta, end + 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


_U = "\ue000"  # stands for an escaped character while markup is stripped
_INLINE_RES = (
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"(?<!\*)\*(?![\s*])([^*\n]+?)(?<!\s)\*(?!\*)"), r"\1"),
    (re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"), ""),
)


def _strip_inline(text: str) -> str:
    """Plain text of a line of Markdown: emphasis, code, links and tags removed, escapes undone."""
    escaped: list[str] = []

    def hide(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return _U

    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|~])", hide, text)
    for pattern, repl in _INLINE_RES:
        text = pattern.sub(repl, text)
    it = iter(escaped)
    return re.sub(_U, lambda _m: next(it), text).strip()


def _para_text(line: str) -> str:
    """A paragraph line: a leading backslash escape undone, inline markup stripped."""
    if line.startswith("\\") and _ESCAPABLE_START.match(line[1:]):
        return _strip_inline(line[1:])
    return _strip_inline(line)


_BULLET_RE = re.compile(r"^[-*+]\s+")
_ORDERED_RE = re.compile(r"^\d{1,3}[.)]\s+")
_TABLE_SEP_RE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")
_BRACKET_HINT_RE = re.compile(r"^【[^【】]+】$")
_SENTENCE_INSIDE_RE = re.compile(r"[。！？；!?;]")
#: Levels 1-2 are the Chinese-numeral markers; a file "uses official numbering" if it has one.
_CJK_LEVELS = (1, 2)


def _table_cells(line: str) -> str:
    """A Markdown table row as text: cells joined by an ideographic space, no pipes."""
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells = [_strip_inline(c) for c in _CELL_SPLIT_RE.split(row)]
    return "\u3000".join(c for c in cells if c)


def _is_table_sep(line: str) -> bool:
    return "|" in line and "-" in line and bool(_TABLE_SEP_RE.match(line))


def _title_like(text: str, rest: str) -> bool:
    """A short line that reads as a heading, not a sentence (trailing punctuation allowed)."""
    return len(text) <= 40 and not _SENTENCE_INSIDE_RE.search(rest[:-1])


def report_from_markdown(text: str) -> Report:
    """Parse our Markdown (or hand-written Markdown) into a report."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    meta, start = _parse_front_matter(lines)
    lines = lines[start:]
    # First pass: classify lines. Paragraph text is kept as typed (list numbers included).
    items: list[tuple[str, int, str, str]] = []  # (kind, hashes, text, body)
    run_ordinal: dict[int, int | None] = {}  # run-in item -> its typed number (1 of "1.")
    raw_heads: dict[int, str] = {}  # run-in item -> its bold part as typed
    plain = False  # our own file says: typed numbers in paragraphs are body text
    official = False  # some heading or line carries a 一、 / （一） number
    in_fence = False
    in_table = False
    pending_hint = False
    for n, raw in enumerate(lines):
        stripped = raw.strip()
        was_hint, pending_hint = pending_hint, False
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            if stripped:
                items.append(("para", 0, stripped, ""))
            continue
        if not stripped:
            in_table = False
            pending_hint = was_hint
            continue
        if in_table or (stripped.startswith("|") and not _is_table_sep(stripped)):
            if "|" in stripped:
                in_table = True
                if not _is_table_sep(stripped):
                    row = _table_cells(stripped)
                    if row:
                        items.append(("para", 0, row, ""))
                continue
            in_table = False
        if (
            "|" in stripped
            and n + 1 < len(lines)
            and _is_table_sep(lines[n + 1].strip())
            and not stripped.startswith("\\")
        ):
            in_table = True
            row = _table_cells(stripped)
            if row:
                items.append(("para", 0, row, ""))
            continue
        if re.fullmatch(r"(?:[-*_]\s*){3,}", stripped):
            continue
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            if stripped == HINT_MARK:
                pending_hint = True
            elif stripped == PLAIN_MARK:
                plain = True
            continue
        if stripped.startswith("\\") and _ESCAPABLE_START.match(stripped[1:]):
            items.append(("para", 0, _para_text(stripped), ""))
            continue
        hm = _HEADING_RE.match(stripped)
        if hm:
            head = _strip_inline(hm.group(2) or "")
            if head:
                items.append(("heading", len(hm.group(1)), head, ""))
                official = official or split_marker(head)[0] in _CJK_LEVELS
            continue
        if stripped.startswith(">"):
            quoted = _para_text(re.sub(r"^>\s?", "", stripped).strip())
            if quoted:
                # only a quote the app marked (or an old file's bracketed hint) is a hint
                hint = was_hint or bool(_BRACKET_HINT_RE.match(quoted))
                items.append(("hint" if hint else "para", 0, quoted, ""))
            continue
        rm = _RUNIN_RE.match(stripped)
        if rm:
            head = _strip_inline(rm.group(1))
            level, rest = split_marker(head)
            if level is not None:
                ordinal = re.match(r"^\s*[（(]?(\d+)", head)
                run_ordinal[len(items)] = int(ordinal.group(1)) if ordinal else None
                raw_heads[len(items)] = head
                items.append(("runin", level, rest, _strip_inline(rm.group(2))))
                official = official or level in _CJK_LEVELS
                continue
        bullet = _BULLET_RE.match(stripped)
        if bullet:
            plain_text = "· " + _strip_inline(stripped[bullet.end() :])
        else:
            plain_text = _strip_inline(stripped)
        if plain_text:
            items.append(("para", 0, plain_text, ""))
            official = official or split_marker(plain_text)[0] in _CJK_LEVELS

    headings = [h for kind, h, _, _ in items if kind == "heading"]
    title = ""
    title_index: int | None = None
    if headings and headings.count(1) == 1:
        first_h1 = next(i for i, it in enumerate(items) if it[0] == "heading" and it[1] == 1)
        if all(it[0] != "heading" for it in items[:first_h1]):
            title_index = first_h1
            title = items[first_h1][2]
    rest = [h for i, (k, h, _, _) in enumerate(items) if k == "heading" and i != title_index]
    base = min(rest) if rest else 2
    report = Report(title=title, meta=meta)
    nested: dict[int, int] = {}  # typed run-in level -> the level it is nested at
    for i, (kind, hashes, body_text, run_body) in enumerate(items):
        if i == title_index:
            continue
        if kind == "heading":
            nested.clear()
            # A typed number decides the level (一、 1, （一） 2, 1. 3, （1） 4): numbers are
            # computed from levels, so this keeps what the writer sees; else the depth counts.
            typed, stripped_text = split_marker(body_text)
            level = typed or min(max(hashes - base + 1, 1), MAX_LEVEL)
            report.blocks.append(ReportBlock("heading", stripped_text, level=level))
        elif kind == "runin":
            level = _runin_level(report.blocks, hashes, run_ordinal.get(i), nested)
            if level is None:  # "1." under a （1） heading: no level left, kept as typed
                report.blocks.append(ReportBlock("paragraph", f"{raw_heads[i]}{run_body}"))
            else:
                report.blocks.append(ReportBlock("heading", body_text, level=level, body=run_body))
        elif kind == "hint":
            report.blocks.append(ReportBlock("paragraph", body_text, hint=True))
        else:
            report.blocks.append(ReportBlock("paragraph", body_text))
    if plain:
        return report
    if not any(b.kind == "heading" for b in report.blocks):
        # Digit numbers alone (1. 2. 3.) are a list, not headings: the outline parser is
        # used only in a file with Chinese-numeral numbering (一、 （一）).
        typed_blocks = _typed_headings(report.blocks) if official else None
        if typed_blocks is not None:
            report.blocks = typed_blocks
        if not title:
            report.title = _leading_title(report.blocks)
            if report.title:
                report.blocks = report.blocks[1:]
        if typed_blocks is not None:
            return report
    report.blocks = _promote_numbered_lines(report.blocks, official)
    return report


def _runin_level(
    blocks: list[ReportBlock], level: int, ordinal: int | None, nested: dict[int, int]
) -> int | None:
    """Level of a bold run-in item. "**1.推进…**" right under the heading "2.义务教育…" is
    not a sibling of it (it would be renumbered 3.): the writer started a list inside that
    section, so the items go one level down (（1）…); None where no level is left. (Our own
    files never hold a run-in 1. right after a heading of its level: it would be numbered 2.)"""
    if level in nested:
        return nested[level]
    last = next((b for b in reversed(blocks) if b.kind == "heading"), None)
    if ordinal == 1 and last is not None and not last.body and last.level == level:
        nested[level] = level + 1 if level < MAX_LEVEL else 0
        return nested[level] or None
    return level


def _typed_headings(blocks: list[ReportBlock]) -> list[ReportBlock] | None:
    """Headings from typed numbering (the importer's outline parser) for each run of
    paragraphs between hints; None when the parser could not be aligned."""
    out: list[ReportBlock] = []
    run: list[str] = []
    for blk in [*blocks, None]:
        if blk is None or blk.hint:
            if run:
                typed = blocks_from_typed_numbering(run)
                if typed is None:
                    return None
                out.extend(_restore_paragraphs(typed, run))
                run = []
            if blk is not None:
                out.append(blk)
        else:
            run.append(blk.text)
    return out


def _restore_paragraphs(typed: list[ReportBlock], originals: list[str]) -> list[ReportBlock]:
    """Body paragraphs exactly as typed (the outline parser normalises spaces, e.g. the
    ideographic spaces between table cells)."""
    try:
        from eduwriter.core.clean import normalize_chars
    except ImportError:  # pragma: no cover - the importer is part of the same package
        return typed
    norms = [_squash_spaces(normalize_chars(t)) for t in originals]
    j = 0
    for blk in typed:
        if blk.kind != "paragraph":
            continue
        k = next((k for k in range(j, len(norms)) if norms[k] == blk.text), None)
        if k is not None:
            blk.text = originals[k]
            j = k + 1
    return typed


def _leading_title(blocks: list[ReportBlock]) -> str:
    """The first paragraph when it reads as a document title (short, no sentence)."""
    first = blocks[0] if blocks else None
    if (
        first is not None
        and len(blocks) > 1
        and first.kind == "paragraph"
        and not first.hint
        and len(first.text) <= 40
        and split_marker(first.text)[0] is None
        and not re.search(r"[。！？；;!?，,：:]", first.text)
        and not first.text.startswith("· ")
        and not _ORDERED_RE.match(first.text)
    ):
        return first.text
    return ""


def _promote_numbered_lines(blocks: list[ReportBlock], official: bool) -> list[ReportBlock]:
    """In a file with Markdown headings (or where the outline parser failed): a short,
    title-like paragraph with a typed official number exactly one level below the heading
    above it becomes a heading. Digit numbers (1. （1）) count only in a file that uses
    Chinese-numeral numbering (一、 （一）), so an ordinary numbered list stays as typed."""
    out: list[ReportBlock] = []
    current = 0
    for blk in blocks:
        if blk.kind == "heading":
            current = blk.level
        elif not blk.hint:
            level, rest = split_marker(blk.text)
            if (
                level is not None
                and rest
                and level == current + 1
                and (level in _CJK_LEVELS or official)
                and _title_like(blk.text, rest)
            ):
                current = level
                out.append(ReportBlock("heading", rest, level=level))
                continue
        out.append(blk)
    return out
