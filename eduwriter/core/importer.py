"""The import pipeline: file -> decode -> clean -> segment -> outline -> slots.

Public entry points:

* :func:`analyze_file` — one file on disk -> :class:`FileResult` (never raises for bad
  input; ``error`` is set with a one-line Chinese message instead);
* :func:`analyze_text` — text already in memory -> :class:`FileResult`;
* :func:`parse_outline` — a snippet or a re-imported document -> one :class:`Document`
  (headings recognised from typed markers, nothing removed as boilerplate).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from eduwriter.core.clean import clean_lines, normalize_lines, repeated_lines
from eduwriter.core.domain import document_domain
from eduwriter.core.genre import TITLE_WORDS, guess_genre
from eduwriter.core.model import Block, Document, FileResult
from eduwriter.core.outline import build_outline, match_marker
from eduwriter.core.readers import ReadError, SourceText, read_source
from eduwriter.core.segment import RawDocument, is_separator, segment_lines
from eduwriter.core.slots import find_slots

__all__ = ["analyze_file", "analyze_files", "analyze_text", "build_document", "parse_outline"]


def analyze_file(path: str | Path) -> FileResult:
    """Analyze the file at ``path``. Bad input gives a result with ``error`` set."""
    p = Path(path)
    try:
        src = read_source(p)
    except ReadError as exc:
        return FileResult(path=str(path), error=str(exc))
    except Exception as exc:  # unexpected I/O trouble must not stop a batch
        return FileResult(path=str(path), error=f"无法读取：{type(exc).__name__}: {exc}")
    result = analyze_text(src.text, str(path), heading_hints=src.headings)
    result.encoding = src.encoding
    result.removed = list(dict.fromkeys([*src.removed, *result.removed]))  # reader's drops
    return result


#: ``progress(done, total, path)``: called after each file of a batch is analyzed.
Progress = Callable[[int, int, str], None]


def analyze_files(paths: list[str | Path], progress: Progress | None = None) -> list[FileResult]:
    """Analyze a batch of files (one result per path, in order). Besides what
    :func:`analyze_file` does, short lines repeated around the body of many files of the
    batch (site menus, names, footers) are removed too; titles and numbered headings are
    never treated so. ``progress`` is called once per file, when its result is ready."""
    texts: list[SourceText | None] = []
    results: list[FileResult] = []
    for path in paths:
        try:
            texts.append(read_source(path))
            results.append(FileResult(path=str(path)))
        except ReadError as exc:
            texts.append(None)
            results.append(FileResult(path=str(path), error=str(exc)))
        except Exception as exc:  # unexpected I/O trouble must not stop a batch
            texts.append(None)
            results.append(
                FileResult(path=str(path), error=f"无法读取：{type(exc).__name__}: {exc}")
            )
    repeated = repeated_lines([t.text for t in texts if t is not None], _protected_line)
    for k, src in enumerate(texts):
        if src is not None:
            res = analyze_text(src.text, str(paths[k]), repeated, heading_hints=src.headings)
            res.encoding = src.encoding
            res.removed = list(dict.fromkeys([*src.removed, *res.removed]))  # reader's drops
            results[k] = res
        if progress is not None:
            progress(k + 1, len(paths), str(paths[k]))
    return results


def _protected_line(line: str) -> bool:
    return (
        bool(TITLE_WORDS.search(line))
        or match_marker(line) is not None
        or is_separator(line) is not None
    )


def analyze_text(
    text: str,
    path: str = "",
    repeated: frozenset[str] = frozenset(),
    heading_hints: Mapping[str, int] | None = None,
) -> FileResult:
    """Clean, segment and outline ``text``; slots and run-in items per document.
    ``repeated``: lines found around the body of many files of a batch (see
    :func:`analyze_files`); ``heading_hints``: titles and headings known from the source's
    formatting (see :class:`~eduwriter.core.readers.SourceText`)."""
    protected = frozenset(heading_hints) if heading_hints else frozenset()
    lines, removed = clean_lines(text, repeated, protected)
    raw_docs, removed_seg = segment_lines(lines, heading_hints)
    documents: list[Document] = []
    previous_genre: str | None = None
    for raw in raw_docs:
        doc = build_document(raw, previous_genre, heading_hints)
        doc.domain = document_domain(raw.title, raw.lines)  # imports only: never on a paste
        previous_genre = doc.genre
        documents.append(doc)
    seen: set[str] = set()
    all_removed = [r for r in [*removed, *removed_seg] if not (r in seen or seen.add(r))]
    return FileResult(path=path, encoding="", removed=all_removed, documents=documents)


def build_document(
    raw: RawDocument,
    previous_genre: str | None = None,
    heading_hints: Mapping[str, int] | None = None,
) -> Document:
    """Outline, genre, slots and run-in items of one segmented document."""
    blocks, run_in = build_outline(raw.lines, heading_hints)
    genre = guess_genre(
        raw.title, raw.lines, fallback=previous_genre if raw.title is None else None
    )
    full_text = "\n".join(([raw.title] if raw.title else []) + raw.lines)
    return Document(
        title=raw.title,
        genre=genre,
        blocks=blocks,
        slots=find_slots(full_text),
        run_in_items=run_in,
    )


def parse_outline(text: str) -> Document:
    """Headings (typed markers recognised, levels assigned) and paragraphs of ``text``.

    Meant for pasted snippets and re-imported documents: nothing is dropped as boilerplate
    and the text is not split into several documents. A first line that looks like a title
    (short, no marker, no punctuation, names a document type such as …工作计划) followed by
    more text becomes the title.
    """
    lines = [ln.text for ln in normalize_lines(text)]
    title: str | None = None
    if len(lines) > 1:
        first = lines[0]
        if (
            len(first) <= 40
            and match_marker(first) is None
            and not any(c in first for c in "。！？；;!?，,：:")
            and TITLE_WORDS.search(first)
        ):
            title = first
            lines = lines[1:]
    raw = RawDocument(title, lines)
    doc = build_document(raw)
    if not doc.blocks and title is None:
        doc.blocks = [Block("paragraph", ln) for ln in lines]
    return doc
