"""The analysed source files of a library and their stored extraction results.

:class:`StoredFiles` is the part of :class:`~eduwriter.library.store.LibraryStore` that keeps the
``files`` table (each file's analysis and the SHA-256 of its bytes), the ``extractions`` table
(each file's per-document extraction results, see :mod:`eduwriter.library.extractions`) and the
``meta`` table; it relies on the store's ``_query`` and ``transaction``.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager

from eduwriter.library.items import StoredFile


def _now() -> float:
    return time.time()


def _encode(result: dict) -> bytes:
    """A stored analysis: zlib-compressed JSON (schema 5 and before stored the JSON text)."""
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def _text(stored: str | bytes) -> str:
    return zlib.decompress(stored).decode("utf-8") if isinstance(stored, bytes) else stored


class StoredFiles:
    """Stored files, extraction results and meta values (mixed into ``LibraryStore``)."""

    _query: Callable[..., list[tuple]]
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def has_builtin(self) -> bool:
        return bool(self._query("SELECT 1 FROM files WHERE origin='builtin' LIMIT 1"))

    def stored_files(self) -> list[StoredFile]:
        """The analyses of every built-in and imported file, by origin then name."""
        return [
            StoredFile(name, origin, json.loads(_text(result)), hash_)
            for name, origin, result, hash_ in self._query(
                "SELECT name, origin, result, hash FROM files ORDER BY origin, name"
            )
        ]

    def stored_file(self, name: str) -> StoredFile | None:
        found = self._query("SELECT name, origin, result, hash FROM files WHERE name=?", (name,))
        if not found:
            return None
        name, origin, result, hash_ = found[0]
        return StoredFile(name, origin, json.loads(_text(result)), hash_)

    def file_origins(self) -> dict[str, tuple[str, str]]:
        """``{name: (origin, hash)}`` of every stored file (without reading the analyses)."""
        return {n: (o, h) for n, o, h in self._query("SELECT name, origin, hash FROM files")}

    def files_mentioning(self, words: Iterable[str]) -> set[str]:
        """Names of the stored files whose analysis contains any of ``words``."""
        words = [w for w in words if w]
        if not words:
            return set()
        out: set[str] = set()
        for name, result in self._query("SELECT name, result FROM files"):
            text = _text(result)
            if any(w in text for w in words):
                out.add(name)
        return out

    def extraction_index(self) -> dict[str, tuple[str, list[str]]]:
        """``{file: (extractor version, places it teaches)}`` of the stored extraction results."""
        return {
            f: (v, json.loads(p))
            for f, v, p in self._query("SELECT file, version, places FROM extractions")
        }

    def extraction_data(self) -> Iterator[tuple[str, list]]:
        """``(file, stored result)`` of every file, ordered as :meth:`stored_files`."""
        for name, data in self._query(
            "SELECT f.name, e.data FROM files f JOIN extractions e ON e.file = f.name "
            "ORDER BY f.origin, f.name"
        ):
            yield name, json.loads(data)

    def save_extraction(self, name: str, version: str, places: Iterable[str], data: list) -> None:
        """Store one file's extraction result (replacing an older one)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO extractions(file, version, places, data) VALUES (?,?,?,?)",
                (
                    name,
                    version,
                    json.dumps(sorted(places), ensure_ascii=False),
                    json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                ),
            )

    def meta(self, key: str, default: str = "") -> str:
        found = self._query("SELECT value FROM meta WHERE key=?", (key,))
        return found[0][0] if found else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, value))

    def save_files(self, files: Iterable[StoredFile], drop: Iterable[str] = ()) -> None:
        """Store (or replace) the analyses of ``files`` and forget the files named in ``drop``
        (with their extraction results)."""
        with self.transaction() as conn:
            for name in drop:
                conn.execute("DELETE FROM files WHERE name=?", (name,))
                conn.execute("DELETE FROM extractions WHERE file=?", (name,))
            for f in files:
                conn.execute(
                    "INSERT OR REPLACE INTO files(name, origin, result, imported, hash) "
                    "VALUES (?,?,?,?,?)",
                    (f.name, f.origin, _encode(f.result), _now(), f.hash),
                )

    def clear_deleted(self) -> None:
        """Forget which built-in/imported items the writer deleted (a rebuild restores them)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM deleted")
