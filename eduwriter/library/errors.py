"""Library errors. Each carries a message for the user in Chinese (``message_zh``) and English."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Base class: ``message_zh`` is shown to the user; ``str(exc)`` is the English text."""

    def __init__(self, message_zh: str, message_en: str = "") -> None:
        super().__init__(message_en or message_zh)
        self.message_zh = message_zh
        self.message_en = message_en or message_zh


class LibraryCorruptError(LibraryError):
    """The database file is damaged or is not an EduWriter library. Nothing was changed.

    Open again with ``LibraryStore.open(path, recover=True)`` to move the file aside (it is kept,
    renamed ``library.db.corrupt-YYYYMMDD-HHMMSS``) and start a fresh library.
    """

    def __init__(self, path: Path, detail: str = "") -> None:
        lines = detail.strip().splitlines()
        short = lines[0][:160] if lines else ""
        if len(lines) > 1:
            short += f" (+{len(lines) - 1} more)"
        super().__init__(
            f"资料库文件已损坏或不是 EduWriter 资料库：{path}。原文件不会被覆盖；"
            f"可以将它改名保存到一旁，并新建一个空的资料库。",
            f"The library database is damaged or not an EduWriter library: {path} ({short}). "
            "It will not be overwritten; it can be set aside and a fresh library created.",
        )
        self.path = path
        #: the full diagnosis (e.g. every line of SQLite's quick_check), for logs and --verbose
        self.detail = detail


class LibraryLockedError(LibraryError):
    """Another program or task holds the library: SQLite's lock (another EduWriter window in the
    middle of a write). Made with its one message by :func:`eduwriter.library.database.in_use`."""

    def __init__(self, path: Path, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh, message_en)
        self.path = path


class LibraryVersionError(LibraryError):
    """The database was written by a newer EduWriter (schema version too new)."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"资料库由更新版本的 EduWriter 创建（格式版本 {found}，本程序支持 {supported}），"
            f"请升级 EduWriter：{path}",
            f"The library was created by a newer EduWriter (schema {found} > {supported}): {path}",
        )
        self.path = path


class PackError(LibraryError):
    """An ``.ewlib`` file is damaged, foreign or of an unsupported version. Library untouched."""


class LibraryBusyError(LibraryLockedError):
    """Another import or build holds the library's writer lock (only one writer at a time); the
    same message as :class:`LibraryLockedError` (:func:`eduwriter.library.database.in_use`)."""
