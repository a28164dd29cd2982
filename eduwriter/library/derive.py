"""Library items from analysed files: documents, sections, and the extracted phrasings,
heading families and skeletons.

``derive_items`` turns the stored analyses of all built-in and imported files into library items: one document
item per document, one section item per heading (parent: the enclosing section or document), and
the phrasings and skeletons extracted over all files together (so that recurrence across files and
merged per-genre skeletons see everything). Ids are stable (derived from file name, document
index and heading path), so rebuilding the library keeps favourites and folders.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from pathlib import Path

from eduwriter.core import extract
from eduwriter.core.domain import document_domain
from eduwriter.core.items import HeadingFamily, Phrasing, Skeleton, SourceRef
from eduwriter.core.model import Block, Document, FileResult, RunInItem, Slot
from eduwriter.core.phrases import normalise_text
from eduwriter.core.skeletons import document_title, sections
from eduwriter.library.items import Item


def result_from_json(data: dict) -> FileResult:
    """Inverse of ``FileResult.to_json`` (the store keeps analyses as JSON)."""
    docs = []
    for d in data.get("documents", []):
        blocks = [
            Block("heading", b["text"], b.get("level", 0), b.get("marker", ""))
            if b.get("kind") == "heading"
            else Block("paragraph", b["text"])
            for b in d.get("blocks", [])
        ]
        docs.append(
            Document(
                title=d.get("title"),
                genre=d.get("genre", "article"),
                blocks=blocks,
                slots=[Slot(s["raw"], s["kind"]) for s in d.get("slots", [])],
                run_in_items=[RunInItem(r["marker"], r["text"]) for r in d.get("run_in_items", [])],
                # analyses stored before domains existed: judged now from the stored text
                domain=d.get("domain")
                or document_domain(d.get("title") or "", [b.text for b in blocks]),
            )
        )
    return FileResult(
        path=data.get("path", ""),
        encoding=data.get("encoding", ""),
        removed=list(data.get("removed", [])),
        documents=docs,
        error=data.get("error"),
    )


def _hid(prefix: str, *parts: object) -> str:
    raw = "\x1f".join(str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(raw.encode('utf-8')).hexdigest()[:16]}"


def document_items(file_name: str, origin: str, result: FileResult) -> list[Item]:
    """Document and section items of one analysed file.

    Titles and heading paths are the extractor's (``skeletons.document_title`` and
    ``skeletons.sections``), so the sources of phrasings point at these items. A section's
    ``title`` is its heading without the numbering marker (kept in ``data["marker"]``), its
    ``text`` the paragraphs directly under it; ``parent`` is the enclosing section or document.
    """
    out: list[Item] = []
    for di, doc in enumerate(result.documents):
        title = document_title(doc, di, file_name)
        doc_id = _hid("doc", file_name, di, title)
        # shown and inserted: punctuation normalised like the phrasings' (，：；（） in Chinese)
        lines = []
        for b in doc.blocks:
            text = normalise_text(f"{b.marker}{b.text}" if b.kind == "heading" else b.text)
            lines.append(text)
        out.append(
            Item(
                id=doc_id,
                kind="document",
                genre=doc.genre,
                title=title,
                text="\n".join(lines),
                origin=origin,
                sources=[SourceRef(file_name, title)],
                position=di,
                data={
                    "file": file_name,
                    "index": di,
                    "encoding": result.encoding,
                    "slots": [s.raw for s in doc.slots],
                    "domain": doc.domain,
                },
            )
        )
        ids: dict[tuple[str, ...], str] = {(): doc_id}
        for si, sec in enumerate(sections(doc)):
            if not sec.path:
                continue
            sid = _hid("sec", doc_id, si, "/".join(sec.path))
            ids[sec.path] = sid
            out.append(
                Item(
                    id=sid,
                    kind="section",
                    genre=doc.genre,
                    title=normalise_text(sec.heading or ""),
                    text="\n".join(normalise_text(p) for p in sec.paragraphs),
                    origin=origin,
                    parent=ids.get(sec.path[:-1], doc_id),
                    position=si,
                    sources=[SourceRef(file_name, title, sec.path)],
                    data={
                        "level": sec.level,
                        "marker": normalise_text(sec.marker or ""),
                        "file": file_name,
                        "document": doc_id,
                    },
                )
            )
    return out


def phrasing_item(p: Phrasing, origin: str) -> Item:
    data = {"slots": list(p.slots), "original": p.original, "family": p.family, "score": p.score}
    data.update(domain=p.domain, flags=list(p.flags), suggestions=list(p.suggestions))
    return Item(
        id=p.id,
        kind="phrasing",
        function=p.function,
        genre=p.genre,
        text=p.text,
        tags=list(p.tags),
        origin=origin,
        sources=list(p.sources),
        data=data,
    )


def family_item(f: HeadingFamily, origin: str) -> Item:
    """A family of parallel headings as one phrasing item (function 标题): ``text`` the members
    joined by " / ", ``title`` the shared pattern, ``data["members"]`` ids and texts."""
    data = {
        "family": f.pattern,
        "members": [{"id": i, "text": t} for i, t in zip(f.members, f.texts, strict=True)],
        "score": f.score,
        "slots": [],
        "domain": f.domain,
    }
    return Item(
        id=f.id,
        kind="phrasing",
        function="标题",
        genre=f.genre,
        title=f.pattern,
        text=f.text,
        tags=list(f.tags),
        origin=origin,
        sources=list(f.sources),
        data=data,
    )


def skeleton_text(s: Skeleton) -> str:
    return "\n".join("　" * max(part.level - 1, 0) + part.heading for part in s.parts)


def skeleton_item(s: Skeleton, origin: str) -> Item:
    parts = [
        {
            "level": p.level,
            "heading": p.heading,
            "role": p.role,
            "hint": p.hint,
            "source": p.source.to_json() if p.source else None,
        }
        for p in s.parts
    ]
    data = {
        "merged": s.merged,
        "parts": parts,
        "support": list(s.support),
        "examples": [[r.to_json() for r in ex] for ex in s.examples],
        "form": s.form,
        "domain": s.domain,
    }
    return Item(
        id=s.id,
        kind="skeleton",
        function="合并结构" if s.merged else "文档结构",
        genre=s.genre,
        title=s.title,
        text=skeleton_text(s),
        origin=origin,
        sources=list(s.sources),
        data=data,
    )


def extracted_items(lib: extract.ExtractedLibrary, builtin_names: Collection[str]) -> list[Item]:
    """The phrasing, family and skeleton items of an assembled library. An item is ``builtin``
    when one of its sources is a built-in file (base names in ``builtin_names``)."""
    items: list[Item] = []

    builtin_files: dict[str, bool] = {}  # per source file name: phrasings share thousands

    def is_builtin(file: str) -> bool:
        if file not in builtin_files:
            builtin_files[file] = Path(file).name in builtin_names
        return builtin_files[file]

    def origin_of(sources: Sequence[SourceRef]) -> str:
        if not sources:  # a form's canonical outline: it ships with the program
            return "builtin"
        return "builtin" if any(is_builtin(s.file) for s in sources) else "imported"

    family_of = {m: f.id for f in lib.families for m in f.members}
    for p in lib.phrasings:
        item = phrasing_item(p, origin_of(p.sources))
        if p.id in family_of:
            item.data["family_id"] = family_of[p.id]
        items.append(item)
    for f in lib.families:
        items.append(family_item(f, origin_of(f.sources)))
    for s in [*lib.skeletons, *lib.merged]:
        srcs = list(s.sources) or [r for ex in s.examples for r in ex]
        items.append(skeleton_item(s, origin_of(srcs)))
    return items


def derive_items(
    files: Sequence[tuple[str, str, FileResult]], errors: list[tuple[str, str]] | None = None
) -> list[Item]:
    """All derived items of the given ``(file key, origin, analysis)`` triples, in one go (the
    library itself stores per-file results and assembles them, see ``ingest``).

    A file on which the extraction fails is left out (and listed in ``errors`` as
    ``(file key, message)``) so that one odd document cannot block the whole library.
    """
    items: list[Item] = []
    builtin_names: set[str] = set()
    good: list[tuple[str, str, FileResult]] = []
    for key, origin, result in files:
        name = Path(result.path or key).name
        try:
            docs = document_items(name, origin, result)
        except Exception as exc:  # noqa: BLE001 - reported, the other files go on
            if errors is not None:
                errors.append((key, f"无法整理该文件的章节：{exc}"))
            continue
        if origin == "builtin":
            builtin_names.add(name)
        items.extend(docs)
        good.append((key, name, result))
    places: set[str] = set()
    for _key, _name, result in good:
        places |= extract.result_places(result)
    extractions: list[extract.DocumentExtraction] = []
    for key, name, result in good:
        try:
            extractions.extend(
                extract.extract_document(doc, name, i, places)
                for i, doc in enumerate(result.documents)
            )
        except Exception as exc:  # noqa: BLE001
            if errors is not None:
                errors.append((key, f"无法从该文件提取句式和结构：{exc}"))
    items.extend(extracted_items(extract.assemble_library(extractions), builtin_names))
    return items
