"""Reading a report from Markdown: our own files exactly, hand-written ones tolerantly."""

from __future__ import annotations

import re
from pathlib import Path

from eduwriter.compose.markdown_syntax import (
    ESCAPABLE_START,
    HEADING_RE,
    HINT_MARK,
    META_KEYS,
    PLAIN_MARK,
    RUNIN_RE,
    YES,
    split_marker,
)
from eduwriter.compose.report import MAX_LEVEL, Report, ReportBlock, ReportMeta
from eduwriter.compose.typed_numbering import blocks_from_typed_numbering, squash_spaces
from eduwriter.core.clean import normalize_chars
from eduwriter.core.decode import DecodeError, decode_bytes, looks_binary


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
    try:
        return decode_bytes(data)[0]
    except DecodeError as exc:
        if looks_binary(data):
            raise MarkdownReadError(f"“{name}”不是文本文件，无法作为报告打开。") from exc
        raise MarkdownReadError(f"“{name}”无法作为报告打开：{exc}") from exc


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
        attr = META_KEYS.get(m.group(1).strip().lower()) or META_KEYS.get(m.group(1).strip())
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
            meta.sealed = value.strip().lower() in YES
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
    if line.startswith("\\") and ESCAPABLE_START.match(line[1:]):
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
        if stripped.startswith("\\") and ESCAPABLE_START.match(stripped[1:]):
            items.append(("para", 0, _para_text(stripped), ""))
            continue
        hm = HEADING_RE.match(stripped)
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
        rm = RUNIN_RE.match(stripped)
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
    norms = [squash_spaces(normalize_chars(t)) for t in originals]
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
