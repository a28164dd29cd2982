"""The import pipeline: file -> decode -> clean -> segment -> outline -> slots.

Public entry points:

* :func:`analyze_file` — one file on disk -> :class:`FileResult` (never raises for bad
  input; ``error`` is set with a one-line Chinese message instead);
* :func:`analyze_text` — text already in memory -> :class:`FileResult`;
* :func:`parse_outline` — a snippet or a re-imported document -> one :class:`Document`
  (headings recognised from typed markers, nothing removed as boilerplate).
"""

from __future__ import annotations

from pathlib import Path

from eduwriter.core.clean import clean_lines, normalize_lines, repeated_lines
from eduwriter.core.genre import TITLE_WORDS, guess_genre
from eduwriter.core.model import Block, Document, FileResult
from eduwriter.core.outline import build_outline, match_marker
from eduwriter.core.readers import ReadError, read_text
from eduwriter.core.segment import RawDocument, is_separator, segment_lines
from eduwriter.core.slots import find_slots

__all__ = ["analyze_file", "analyze_files", "analyze_text", "build_document", "parse_outline"]


def analyze_file(path: str | Path) -> FileResult:
    """Analyze the file at ``path``. Bad input gives a result with ``error`` set."""
    p = Path(path)
    try:
        text, encoding = read_text(p)
    except ReadError as exc:
        return FileResult(path=str(path), error=str(exc))
    except Exception as exc:  # unexpected I/O trouble must not stop a batch
        return FileResult(path=str(path), error=f"无法读取：{type(exc).__name__}: {exc}")
    result = analyze_text(text, str(path))
    result.encoding = encoding
    return result


def analyze_files(paths: list[str | Path]) -> list[FileResult]:
    """Analyze a batch of files (one result per path, in order). Besides what
    :func:`analyze_file` does, short lines repeated around the body of many files of the
    batch (site menus, names, footers) are removed too; titles and numbered headings are
    never treated so."""
    texts: list[tuple[str, str] | None] = []
    results: list[FileResult] = []
    for path in paths:
        try:
            texts.append(read_text(path))
            results.append(FileResult(path=str(path)))
        except ReadError as exc:
            texts.append(None)
            results.append(FileResult(path=str(path), error=str(exc)))
        except Exception as exc:  # unexpected I/O trouble must not stop a batch
            texts.append(None)
            results.append(
                FileResult(path=str(path), error=f"无法读取：{type(exc).__name__}: {exc}")
            )
    repeated = repeated_lines([t[0] for t in texts if t is not None], _protected_line)
    for k, item in enumerate(texts):
        if item is None:
            continue
        text, encoding = item
        res = analyze_text(text, str(paths[k]), repeated=repeated)
        res.encoding = encoding
        results[k] = res
    return results


def _protected_line(line: str) -> bool:
    return (
        bool(TITLE_WORDS.search(line))
        or match_marker(line) is not None
        or is_separator(line) is not None
    )


def analyze_text(text: str, path: str = "", repeated: frozenset[str] = frozenset()) -> FileResult:
    """Clean, segment and outline ``text``; slots and run-in items per document.
    ``repeated``: lines found around the body of many files of a batch (see
    :func:`analyze_files`)."""
    lines, removed = clean_lines(text, repeated)
    raw_docs, removed_seg = segment_lines(lines)
    documents: list[Document] = []
    previous_genre: str | None = None
    for raw in raw_docs:
        doc = build_document(raw, previous_genre)
        previous_genre = doc.genre
        documents.append(doc)
    seen: set[str] = set()
    all_removed = [r for r in [*removed, *removed_seg] if not (r in seen or seen.add(r))]
    return FileResult(path=path, encoding="", removed=all_removed, documents=documents)


def build_document(raw: RawDocument, previous_genre: str | None = None) -> Document:
    """Outline, genre, slots and run-in items of one segmented document."""
    blocks, run_in = build_outline(raw.lines)
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
