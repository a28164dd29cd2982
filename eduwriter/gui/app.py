"""Start the desktop app: ``eduwriter`` with no arguments calls :func:`run`.

The window is shown first; everything heavy (opening the library, building it from the
bundled samples on first start, loading autocomplete phrasings) happens afterwards, off the
GUI thread, with progress in the status bar.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

_T0 = time.perf_counter()

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from eduwriter.gui.settings import ENV_DATA_DIR, Settings, data_dir  # noqa: E402

#: Benchmarks set this: print "EDUWRITER_READY <seconds>" once the window accepts input, then
#: (value "quit") leave, or (value "library") leave once the library pane is attached too.
ENV_BENCH = "EDUWRITER_BENCH"


def library_path() -> Path | None:
    """The library database: ``EDUWRITER_LIBRARY``, else inside ``EDUWRITER_DATA_DIR``, else the
    store's default (the user data folder)."""
    if os.environ.get("EDUWRITER_LIBRARY"):
        return Path(os.environ["EDUWRITER_LIBRARY"])
    if os.environ.get(ENV_DATA_DIR):
        return data_dir() / "library.db"
    return None


class StoreLoader(QObject):
    """Opens the store (and builds the built-in library on first start) in a thread."""

    progress = Signal(int, int, str)
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._cancel = False
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="store-open", daemon=True)
        self.thread.start()

    def cancel(self) -> None:
        self._cancel = True

    def _run(self) -> None:
        try:
            from eduwriter.library import ingest
            from eduwriter.library.store import LibraryStore

            store = LibraryStore.open(self.path, recover=True)
            if not store.has_builtin():
                ingest.ensure_builtin(
                    store,
                    progress=lambda done, total, name: self.progress.emit(done, total, str(name)),
                    cancel=lambda: self._cancel,
                )
        except Exception as exc:  # noqa: BLE001 - reported in the window, the app keeps running
            from eduwriter.gui.library_model import exception_message

            self.failed.emit(exception_message(exc))
            return
        self.ready.emit(store)


def offer_recovery(window: Any) -> bool:
    """After a crash: offer the report of the session that did not close. True if restored."""
    from eduwriter.gui.autosave import find_orphans
    from eduwriter.gui.files import read_report_file

    orphans = find_orphans()
    if not orphans:
        return False
    rec = orphans[0]
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.saved_at))
    name = (
        Path(rec.original).name if rec.original else QCoreApplication.translate("App", "未命名报告")
    )
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("App", "恢复报告"),
        QCoreApplication.translate(
            "App", "EduWriter 上次没有正常关闭。\n发现 {0} 自动保存的“{1}”。\n\n要恢复这份报告吗？"
        ).format(when, name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    restored = False
    if answer == QMessageBox.StandardButton.Yes:
        try:
            report = read_report_file(rec.report_path)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(
                window,
                QCoreApplication.translate("App", "恢复报告"),
                QCoreApplication.translate("App", "无法读取自动保存的文件：{0}").format(exc),
            )
            return False
        window.restore_recovered(report, rec.original)
        restored = True
    for other in orphans:
        other.discard()
    return restored


def _after_show(window: Any, app: QApplication, files: list[str]) -> None:
    bench = os.environ.get(ENV_BENCH, "")
    if bench:
        print(f"EDUWRITER_READY {time.perf_counter() - _T0:.3f}", flush=True)
        if bench == "quit":
            QTimer.singleShot(0, app.quit)
            return
    loader = StoreLoader(library_path(), window)
    loader.progress.connect(window.set_library_progress)
    loader.failed.connect(window.library_failed)

    def ready(store: Any) -> None:
        window.set_library_progress(0, 0, "")
        window.attach_store(store)
        moved = getattr(store, "recovered_from", None)
        if moved is not None and not bench:
            QMessageBox.warning(
                window,
                QCoreApplication.translate("App", "素材库"),
                QCoreApplication.translate(
                    "App",
                    "素材库文件已损坏，已改名保存为：\n{0}\n\n已新建素材库，内置范文会重新导入。",
                ).format(moved),
            )
        if bench == "library":
            print(f"EDUWRITER_LIBRARY {time.perf_counter() - _T0:.3f}", flush=True)
            QTimer.singleShot(0, app.quit)

    loader.ready.connect(ready)
    window.store_loader = loader
    loader.start()  # first, so the library builds while the writer answers any question
    if not bench:
        restored = offer_recovery(window)
        if files and not restored:
            window.open_or_import(files)
        try:
            from eduwriter.gui.font_check import check_fonts_once

            check_fonts_once(window, window.settings)
        except ImportError:  # pragma: no cover - packaging module missing
            pass


def split_args(args: list[str]) -> tuple[str | None, list[str]]:
    """(``--lang`` value, files to open) of the window's command line.

    ``eduwriter --lang en gui report.md`` reaches the window with the ``gui`` command still in
    front of the files (the option came first); it is the command, not a file to import."""
    args = list(args)
    lang = None
    if "--lang" in args:
        i = args.index("--lang")
        lang = args[i + 1] if i + 1 < len(args) else None
        del args[i : i + 2]
    if args and args[0] == "gui" and not Path(args[0]).exists():
        args.pop(0)
    return lang, args


def run(argv: list[str] | None = None) -> int:
    """Open the main window; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from eduwriter.gui.signals import protect_bool_refcounts

    protect_bool_refcounts()
    lang, args = split_args(args)
    try:
        from eduwriter.gui.dpi import configure_high_dpi

        configure_high_dpi()
    except ImportError:  # pragma: no cover
        pass
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "eduwriter"])
    app.setApplicationName("EduWriter")
    app.setOrganizationName("EduWriter")
    try:
        from eduwriter.gui.identity import apply_identity

        apply_identity(app)
    except ImportError:  # pragma: no cover
        pass
    try:
        from eduwriter.gui.crash import install_crash_handler

        install_crash_handler()
    except ImportError:  # pragma: no cover
        pass
    settings = Settings()
    if lang in ("zh_CN", "en", "zh"):
        settings.language = "zh_CN" if lang == "zh" else lang
    from eduwriter.gui.i18n import install_translator

    install_translator(settings.language)
    from eduwriter.gui.main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    QTimer.singleShot(0, lambda: _after_show(window, app, args))
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
