"""Files into the library: read each file (``core.importer``), derive items (``derive``), store.

The one way files get into a library (the CLI's ``library build`` and the window's import both
call it). Data flows one way: files → core → items → store; the store never calls back.

* :func:`ensure_builtin` / :func:`rebuild_builtin`: the built-in part from the bundled samples.
* :func:`import_files`: more files. Incremental: a file whose bytes have not changed since it
  was last imported (same name, same SHA-256) is not analysed again; ``full=True`` re-analyses
  every given file. Then phrasings and skeletons are re-extracted over all stored analyses, so
  recurring wording and merged skeletons take every file into account.
* :func:`remove_files`: forget files; their documents, sections and what only they supported go.
* :func:`rebuild_derived` / :func:`restore_deleted`: re-derive from the stored analyses.

Each job holds the library's writer lock from reading the stored analyses to the final commit,
so two imports into one library cannot replace each other's items: the second waits briefly,
then gets :class:`~eduwriter.library.errors.LibraryBusyError`. Nothing is changed when
``cancel()`` answers true before the end.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from eduwriter.core.importer import analyze_file
from eduwriter.core.model import FileResult
from eduwriter.library.backend import Backend
from eduwriter.library.derive import derive_items, result_from_json
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
            progress(n, total, f"分析 {path.name}…")
        try:
            result = analyze_file(path)
        except Exception as exc:  # noqa: BLE001 - a broken file must not stop the others
            report.errors.append((str(path), f"无法读取：{exc}"))
            continue
        if result.error:
            report.errors.append((str(path), result.error))
            continue
        if not result.documents:
            report.errors.append((str(path), "文件中没有找到可用的正文。"))
            continue
        results.append((path, result))
        report.files_ok.append(str(path))
    if progress and not report.cancelled:
        progress(total, total, "分析完成")
    return report, results


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
    item. Personal items are never touched."""
    files = [Path(p) for p in (paths if paths is not None else sample_files())]
    with store.writing():
        report, results = analyze_paths(files, progress, cancel)
        if report.cancelled:
            return report
        if not results:  # nothing could be analysed: keep what the library has
            report.total_items = store.count()
            return report
        # files that failed this time keep their previous analysis; files no longer among the
        # built-in ones are dropped
        keep = {str(p) for p in files}
        stale = [f.name for f in store.stored_files() if f.origin == "builtin"]
        stale = [name for name in stale if name not in keep]
        new = [_stored(path, "builtin", result) for path, result in results]
        _rederive(store, new, stale, progress, cancel, report)
    return report


def import_files(
    store: Backend,
    paths: Iterable[str | os.PathLike],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    full: bool = False,
) -> ImportReport:
    """Import more documents: each new or changed file is analysed (a file that fails is
    reported in ``errors`` and the rest are imported), then phrasings and skeletons are
    re-extracted over all files. Unchanged files (same name and content as stored) are listed in
    ``report.unchanged`` and ``files_ok`` without being analysed again, unless ``full``."""
    given = [Path(p) for p in paths]
    with store.writing():
        known = {f.name: f.hash for f in store.stored_files()}
        hashes = {str(p): file_hash(p) for p in given}
        todo = [
            p for p in given if full or not hashes[str(p)] or known.get(str(p)) != hashes[str(p)]
        ]
        unchanged = [str(p) for p in given if p not in todo]
        report, results = analyze_paths(todo, progress, cancel)
        report.unchanged = unchanged
        report.files_ok = [*unchanged, *report.files_ok]
        if report.cancelled or not results:
            report.total_items = store.count()
            return report
        new = [_stored(path, "imported", result, hashes[str(path)]) for path, result in results]
        _rederive(store, new, [], progress, cancel, report)
    return report


def remove_files(
    store: Backend,
    names: Iterable[str],
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Forget stored files (by the name they were imported under) and re-derive the library
    without them. Names that are not stored are ignored."""
    report = ImportReport()
    with store.writing():
        stored = {f.name for f in store.stored_files()}
        drop = [name for name in names if name in stored]
        if drop:
            _rederive(store, [], drop, progress, cancel, report)
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
        _rederive(store, [], [], progress, cancel, report)
    return report


def restore_deleted(store: Backend) -> int:
    """Bring back the built-in and imported items the writer deleted (rebuilds the derived
    part). Returns the number of items restored."""
    before = store.count()
    with store.writing():
        store.clear_deleted()
        _rederive(store, [], [], None, None, ImportReport())
    return store.count() - before


def _stored(path: Path, origin: str, result: FileResult, digest: str | None = None) -> StoredFile:
    digest = file_hash(path) if digest is None else digest
    return StoredFile(str(path), origin, result.to_json(), digest)


def _rederive(
    store: Backend,
    new_files: list[StoredFile],
    drop_files: list[str],
    progress: Progress | None,
    cancel: Cancel | None,
    report: ImportReport,
) -> None:
    """Extract over the stored analyses plus ``new_files`` (minus ``drop_files``), then save
    the files and replace the derived items in one transaction. The caller holds the writer
    lock, so the stored analyses cannot change underneath."""
    replaced = {f.name for f in new_files} | set(drop_files)
    files = [f for f in store.stored_files() if f.name not in replaced] + new_files
    if progress:
        progress(0, 1, "提取句式和结构…")
    errors: list[tuple[str, str]] = []
    triples = [(f.name, f.origin, result_from_json(f.result)) for f in files]
    items = derive_items(triples, errors)
    report.errors.extend(errors)
    failed = {key for key, _msg in errors}
    report.files_ok = [f for f in report.files_ok if f not in failed]
    if cancel and cancel():
        report.cancelled = True
        return
    before = store.count()
    with store.transaction():
        store.save_files(new_files, drop=drop_files)
        store.replace_derived(items)
    # net growth: re-extraction renames many derived ids, which is not "new" to the writer
    report.added = max(store.count() - before, 0)
    report.total_items = store.count()
