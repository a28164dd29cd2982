"""Open a .docx/.dotx zip package safely: bounded decompression, clear reasons for failure.

Used by every reader of Word packages (the import reader, re-import, the export template), so
that a zip bomb, a damaged member, an encrypted package or an old binary .doc gives one clear
message instead of a ``zlib.error`` traceback or gigabytes of memory.

Limits (all members, checked first from the zip directory, then while inflating, since a
directory can lie): :data:`MAX_PART` per member, :data:`MAX_TOTAL` for all members read, and
a compression ratio of at most :data:`MAX_RATIO` for members larger than :data:`RATIO_FLOOR`.
Inflation is streamed in chunks, so a bomb is stopped after at most one chunk past the limit.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

__all__ = [
    "MAX_PART",
    "MAX_RATIO",
    "MAX_TOTAL",
    "PackageError",
    "SafeZip",
    "sniff_not_docx",
]

#: Largest decompressed size of one member.
MAX_PART = 64 * 1024 * 1024
#: Largest decompressed size of all members together.
MAX_TOTAL = 160 * 1024 * 1024
#: Largest compression ratio (uncompressed / compressed) of a member above RATIO_FLOOR.
MAX_RATIO = 200
RATIO_FLOOR = 2 * 1024 * 1024
_CHUNK = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


class PackageError(Exception):
    """The package cannot be read. ``kind`` says why: ``"doc"`` (an old binary Word file),
    ``"encrypted"`` (password-protected), ``"bomb"`` (too large when inflated),
    ``"damaged"`` (corrupt data, not a zip); ``reason_zh`` / ``reason_en`` say it to the
    writer (what it is and what to do)."""

    def __init__(self, kind: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"{reason_zh} ({reason_en})")
        self.kind = kind
        self.reason_zh = reason_zh
        self.reason_en = reason_en


def _doc_error() -> PackageError:
    return PackageError(
        "doc",
        "这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再打开",
        "an old binary Word .doc file: save it as .docx in Word or WPS first",
    )


def _encrypted_error() -> PackageError:
    return PackageError(
        "encrypted",
        "这个文档设置了打开密码，请在 Word 或 WPS 中取消密码后另存再打开",
        "the document is password-protected: remove the password in Word or WPS and save again",
    )


def _damaged_error(detail: str = "") -> PackageError:
    extra = f": {detail}" if detail else ""
    return PackageError(
        "damaged",
        "这个文件已损坏或不是有效的 Word 文档（.docx），请用 Word 或 WPS 打开后另存一份",
        f"damaged or not a Word .docx{extra}",
    )


def _bomb_error(name: str, what: str) -> PackageError:
    return PackageError(
        "bomb",
        f"这个 .docx 文件解压后过大（{what}），已拒绝打开，以免耗尽内存",
        f"the package inflates too much ({name}: {what}); refused to protect memory",
    )


def sniff_not_docx(head: bytes) -> PackageError | None:
    """The reason a file starting with ``head`` (its first few KB, or all of it) is not a zip
    package: an old .doc, or a password-protected .docx (both are OLE compound files)."""
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in head:
            return _encrypted_error()
        return _doc_error()
    return None


class SafeZip:
    """A zip package opened for bounded reading (use as a context manager).

    Raises :class:`PackageError` on opening when the file is not a zip (with the reason when
    it is a .doc or an encrypted .docx), or when the directory announces members beyond the
    limits; :meth:`read` raises it for damaged data or members that inflate beyond them."""

    def __init__(
        self,
        path: str | Path,
        *,
        max_part: int = MAX_PART,
        max_total: int = MAX_TOTAL,
        max_ratio: int = MAX_RATIO,
    ) -> None:
        self.path = Path(path)
        self.max_part, self.max_total, self.max_ratio = max_part, max_total, max_ratio
        self._read_total = 0
        try:
            with open(self.path, "rb") as fh:
                head = fh.read(1 << 16)
                fh.seek(0, 2)
                size = fh.tell()
                if size > len(head):
                    fh.seek(max(0, size - (1 << 16)))
                    head += fh.read()
        except OSError as exc:
            raise PackageError("damaged", f"无法读取文件：{exc.strerror or exc}", str(exc)) from exc
        reason = sniff_not_docx(head)
        if reason is not None:
            raise reason
        try:
            self._zf = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise _damaged_error(type(exc).__name__) from exc
        try:
            self._check_directory()
        except PackageError:
            self._zf.close()
            raise

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def _check_directory(self) -> None:
        total = 0
        for info in self._zf.infolist():
            if info.flag_bits & 0x1:
                raise _encrypted_error()
            self._check_size(info.filename, info.file_size, info.compress_size)
            total += info.file_size
            if total > self.max_total:
                raise _bomb_error("*", f"合计超过 {self.max_total // 1024 // 1024} MB")

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        if size > self.max_part:
            raise _bomb_error(name, f"单个部分超过 {self.max_part // 1024 // 1024} MB")
        if size > RATIO_FLOOR and size > self.max_ratio * max(compressed, 1):
            raise _bomb_error(name, f"压缩比超过 {self.max_ratio}:1")

    def namelist(self) -> list[str]:
        """Member names, in the order of the zip directory."""
        return self._zf.namelist()

    def safe_names(self) -> list[str]:
        """Member names that stay inside the package (no ``..``, no absolute path, no
        backslash or drive): the ones a writer may copy into another package."""
        out = []
        for name in self._zf.namelist():
            pure = PurePosixPath(name)
            if (
                not name
                or name.startswith("/")
                or "\\" in name
                or ":" in pure.parts[0]
                or any(part in ("..", ".") for part in pure.parts)
            ):
                continue
            out.append(name)
        return out

    def read(self, name: str) -> bytes:
        """The inflated bytes of member ``name`` (``KeyError`` when absent), within limits."""
        info = self._zf.getinfo(name)
        if info.is_dir():
            return b""
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zf.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self._read_total += len(chunk)
                    self._check_size(name, size, info.compress_size)
                    if self._read_total > self.max_total:
                        raise _bomb_error(name, f"合计超过 {self.max_total // 1024 // 1024} MB")
                    chunks.append(chunk)
        except PackageError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise _damaged_error(f"{name}: {type(exc).__name__}") from exc
        except RuntimeError as exc:  # encrypted member, unsupported compression
            raise _damaged_error(f"{name}: {exc}") from exc
        except NotImplementedError as exc:  # compression method not supported
            raise _damaged_error(f"{name}: {exc}") from exc
        return b"".join(chunks)

    def read_optional(self, name: str) -> bytes | None:
        """Like :meth:`read`, ``None`` when there is no such member."""
        try:
            return self.read(name)
        except KeyError:
            return None
