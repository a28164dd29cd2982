"""Files into the library: read each file (``core.importer``), derive items (``derive``), store.

The one way files get into a library (the CLI's ``library build`` and the window's import both
call it). Data flows one way: files → core → items → store; the store never calls back.

* :func:`ensure_builtin` / :func:`rebuild_builtin`: the built-in part from the bundled samples.
* :func:`import_files`: more files. Incremental: a file whose bytes have not changed since it
  was last imported (same name, same SHA-256) is not analysed again; ``full=True`` re-analyses
  every given file.
* :func:`remove_files`: forget files; their documents, sections and what only they supported go.
* :func:`rebuild_derived` / :func:`restore_deleted`: re-extract from the stored analyses.

Each new or changed file is analysed and extracted on its own, and committed with its document
and section items and its extraction results (:mod:`eduwriter.library.extractions`) as soon as
it is done, so a cancelled import keeps the files it finished. Then the library's phrasings,
heading families and skeletons are assembled from every file's stored results (no file is
analysed or extracted again) and written as a difference to what is stored.

Place names a file teaches (绍兴市 → 绍兴) are slots in every file: when the set learnt over the
library changes, the stored files that mention a name learnt or forgotten are extracted again
from their stored analyses, so the incremental path gives the same library as a full rebuild.

Each job holds the library's writer lock from reading the stored results to the final commit,
so two imports into one library cannot replace each other's items: the second waits briefly,
then gets :class:`~eduwriter.library.errors.LibraryBusyError`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from eduwriter.core.extract import ExtractedLibrary, assemble_library, result_places
from eduwriter.core.importer import analyze_file
from eduwriter.core.model import FileResult
from eduwriter.library import extractions, merge_state
from eduwriter.library.backend import Backend
from eduwriter.library.derive import document_items, extracted_items, result_from_json
from eduwriter.library.items import Cancel, ImportReport, Progress, StoredFile
from eduwriter.resources_path import sample_files


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes ("" when it cannot be read: the importer then says why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def analyze_paths(
    paths: Sequence[Path], progress: Progress | None = None, cancel: Cancel | None = None
) -> tuple[ImportReport, list[tuple[Path, FileResult]]]:
    """Analyse each file. Returns ``(ImportReport, [(path, FileResult), ...])`` with the files that
    failed listed in ``report.errors`` (path, message in Chinese)."""
    report = ImportReport()
    results: list[tuple[Path, FileResult]] = []
    total = len(paths)
    for n, path in enumerate(paths):
        if cancel and cancel():
            report.cancelled = True
            break
        if progress:
            progress(n, total, str(path))
        result = _analyze(path, report)
        if result is not None:
            results.append((path, result))
            report.files_ok.append(str(path))
    if progress and not report.cancelled:
        progress(total, total, "")
    return report, results


def _analyze(path: Path, report: ImportReport) -> FileResult | None:
    try:
        result = analyze_file(path)
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the others
        report.errors.append((str(path), f"无法读取：{exc}"))
        return None
    if result.error:
        report.errors.append((str(path), result.error))
        return None
    if not result.documents:
        report.errors.append((str(path), "文件中没有找到可用的正文。"))
        return None
    return result


def ensure_builtin(
    store: Backend, progress: Progress | None = None, cancel: Cancel | None = None
) -> ImportReport | None:
    """Build the built-in part from the bundled samples when it is missing (first run).

    Returns the report of the build, or None when the built-in part was already there (or the
    library is read-only: it is searched as it is)."""
    if store.has_builtin() or store.read_only:
        return None
    return rebuild_builtin(store, progress=progress, cancel=cancel)


def rebuild_builtin(
    store: Backend,
    paths: Iterable[str | os.PathLike] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Re-analyse the built-in files (default: the bundled samples) and rebuild every derived
    item. Personal items are never touched. Files that fail keep their previous analysis;
    built-in files no longer among ``paths`` are dropped (once at least one file worked)."""
    files = [Path(p) for p in (paths if paths is not None else sample_files())]
    with store.writing():
        before = store.count()
        keep = {str(p) for p in files}
        stale = [n for n, (o, _h) in store.file_origins().items() if o == "builtin"]
        report = _store_files(store, files, "builtin", progress, cancel)
        drop = [n for n in stale if n not in keep] if report.files_ok else []
        _drop(store, drop)
        _refresh(store, report, progress, before=before)
    return report


def import_files(
    store: Backend,
    paths: Iterable[str | os.PathLike],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    full: bool = False,
) -> ImportReport:
    """Import more documents: each new or changed file is analysed, extracted and committed (a
    file that fails is reported in ``errors`` and the rest are imported), then the library is
    assembled from every file's stored results. Unchanged files (same name and content as
    stored) are listed in ``report.unchanged`` and ``files_ok`` without being analysed again,
    unless ``full``. After a cancel the files finished so far stay imported."""
    given = [Path(p) for p in paths]
    with store.writing():
        before = store.count()
        known = {name: h for name, (_o, h) in store.file_origins().items()}
        hashes = {str(p): file_hash(p) for p in given}
        todo = [
            p for p in given if full or not hashes[str(p)] or known.get(str(p)) != hashes[str(p)]
        ]
        unchanged = [str(p) for p in given if p not in todo]
        report = _store_files(store, todo, "imported", progress, cancel, hashes)
        report.unchanged = unchanged
        report.files_ok = [*unchanged, *report.files_ok]
        _refresh(store, report, progress, force=full and bool(given), before=before)
    return report


def remove_files(
    store: Backend,
    names: Iterable[str],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Forget stored files (by the name they were imported under) with their items, and
    re-assemble the library without them. Names that are not stored are ignored."""
    report = ImportReport()
    with store.writing():
        stored = store.file_origins()
        drop = [name for name in names if name in stored]
        if drop:
            _drop(store, drop)
            _refresh(store, report, progress)
        else:
            report.total_items = store.count()
    return report


def rebuild_derived(
    store: Backend,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Re-extract all builtin/imported items from the stored analyses."""
    report = ImportReport()
    with store.writing():
        _refresh(store, report, progress, force=True)
    return report


def restore_deleted(store: Backend) -> int:
    """Bring back the built-in and imported items the writer deleted (rebuilds the derived
    part). Returns the number of items restored."""
    before = store.count()
    with store.writing():
        store.clear_deleted()
        _refresh(store, ImportReport(), None, force=True)
    return store.count() - before


# --------------------------------------------------------------------------------------------
# The steps


def _base(name: str, result: FileResult) -> str:
    """The name sources cite: the base name of the analysed file."""
    return Path(result.path or name).name


def _known_places(store: Backend) -> set[str]:
    """The place names the stored extraction results were made with."""
    return set(json.loads(store.meta("places", "[]")))


def _extract_and_save(
    store: Backend,
    stored: StoredFile,
    result: FileResult,
    places: set[str],
    own: set[str],
    docs_written: bool = False,
) -> None:
    """Extract one (stored) file and commit its results and document items together
    (``docs_written``: its document items were written in this run already)."""
    base = _base(stored.name, result)
    exts = extractions.extract_file(result, base, places | own)
    version = extractions.extractor_version()
    with store.transaction() as conn:
        if _merging(store):
            store.save_extraction(stored.name, version, own, [])
            merge_state.save_file(conn, stored.name, stored.origin, exts)
        else:
            store.save_extraction(stored.name, version, own, extractions.to_json(exts))
        if not docs_written:
            store.update_derived(document_items(base, stored.origin, result), [base], False)


def _merging(store: Backend) -> bool:
    """True when the store keeps the merge state (an import re-merges only what changed)."""
    return bool(getattr(store, "merge_state", False))


def _save_pending(store: Backend, stored: StoredFile, result: FileResult) -> None:
    """Commit one analysed file with its document items and the places it teaches; its
    extraction is pending until :func:`_refresh`."""
    base = _base(stored.name, result)
    docs = document_items(base, stored.origin, result)
    own = result_places(result)
    with store.transaction():
        store.save_files([stored])
        store.save_extraction(stored.name, PENDING, own, [])
        store.update_derived(docs, [base], extracted=False)


#: The extractor version of a stored file whose extraction is still to be made.
PENDING = "pending"


def _store_files(
    store: Backend,
    paths: Sequence[Path],
    origin: str,
    progress: Progress | None,
    cancel: Cancel | None,
    hashes: dict[str, str] | None = None,
) -> ImportReport:
    """Analyse, extract and commit each file in turn; ``progress(n, total, path)`` before
    each, ``progress(total, total, "")`` at the end."""
    report = ImportReport()
    total = len(paths)
    for n, path in enumerate(paths):
        if cancel and cancel():
            report.cancelled = True
            break
        if progress:
            progress(n, total, str(path))
        result = _analyze(path, report)
        if result is None:
            continue
        digest = (hashes or {}).get(str(path)) or file_hash(path)
        stored = StoredFile(str(path), origin, result.to_json(), digest)
        try:  # extracted in _refresh, once, with the place names learnt over the whole run
            _save_pending(store, stored, result)
        except Exception as exc:  # noqa: BLE001 - one odd document must not block the library
            report.errors.append((str(path), f"无法从该文件提取句式和结构：{exc}"))
            continue
        report.files_ok.append(str(path))
    if progress and total and not report.cancelled:
        progress(total, total, "")
    return report


def _drop(store: Backend, names: Sequence[str]) -> None:
    if not names:
        return
    stored = {n: store.stored_file(n) for n in names}
    bases = [_base(n, result_from_json(f.result)) for n, f in stored.items() if f]
    with store.transaction() as conn:
        if _merging(store):
            for name in names:
                merge_state.forget_file(conn, name)
        store.save_files([], drop=names)
        store.update_derived([], bases, extracted=False)


def _refresh(
    store: Backend,
    report: ImportReport,
    progress: Progress | None,
    force: bool = False,
    before: int | None = None,
) -> None:
    """Bring every file's stored results up to date, then assemble and write the library.

    Results made by another extractor (or missing, after the migration from schema 3) are
    made again from the stored analyses (``force``: all of them); so are those of the files
    that mention a place name learnt or forgotten since they were extracted."""
    if progress:
        progress(0, 1, "提取句式和结构…")
    version = extractions.extractor_version()
    index = store.extraction_index()
    origins = store.file_origins()
    redo = [n for n in origins if force or n not in index or index[n][0] != version]
    own: dict[str, set[str]] = {}
    for name in redo:  # what each file teaches, before any is extracted with the union
        if not force and index.get(name, ("", []))[0] == PENDING:
            own[name] = set(index[name][1])
            continue
        stored = store.stored_file(name)
        own[name] = result_places(result_from_json(stored.result)) if stored else set()
    learnt: set[str] = set()
    for name in origins:
        learnt |= own[name] if name in own else set(index[name][1])
    changed = learnt ^ _known_places(store)
    redo_set = set(redo)
    again = sorted(n for n in store.files_mentioning(changed) if n not in redo_set)
    for name in [*redo, *again]:
        stored = store.stored_file(name)
        if stored is None:
            continue
        result = result_from_json(stored.result)
        taught = own.get(name) or set(index.get(name, ("", []))[1])
        try:
            pending = index.get(name, ("", []))[0] == PENDING
            _extract_and_save(store, stored, result, learnt, taught, docs_written=pending)
        except Exception as exc:  # noqa: BLE001
            report.errors.append((name, f"无法从该文件提取句式和结构：{exc}"))
            with store.transaction():
                store.save_extraction(name, version, taught, [])
    failed = {key for key, _msg in report.errors}
    report.files_ok = [f for f in report.files_ok if f not in failed]
    builtin = {Path(n).name for n, (o, _h) in origins.items() if o == "builtin"}
    before = store.count() if before is None else before
    if _merging(store):
        with store.transaction() as conn:
            _assemble(store, conn, builtin, force)
            store.set_meta("places", json.dumps(sorted(learnt), ensure_ascii=False))
    else:
        exts = [e for _n, data in store.extraction_data() for e in extractions.from_json(data)]
        items = extracted_items(assemble_library(exts), builtin)
        with store.transaction():
            store.update_derived(items, [], extracted=True)
            store.set_meta("places", json.dumps(sorted(learnt), ensure_ascii=False))
    report.added = max(store.count() - before, 0)
    report.total_items = store.count()


def _assemble(store: Backend, conn: object, builtin: set[str], force: bool) -> None:
    """Re-merge what the changed files touch (``force``: everything) and write it."""
    changes = merge_state.assemble(conn, force=force)  # type: ignore[arg-type]
    skeletons = [s for s in changes.skeletons if not s.merged]
    merged = [s for s in changes.skeletons if s.merged]
    lib = ExtractedLibrary(changes.phrasings, skeletons, merged, changes.families)
    items = extracted_items(lib, builtin)
    if changes.full:
        store.update_derived(items, [], extracted=True)
    else:
        store.update_derived_ids(items, changes.scope, changes.family_ids)  # type: ignore[attr-defined]
