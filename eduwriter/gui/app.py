"""Start the desktop app: ``eduwriter`` with no arguments calls :func:`run`.

The window is shown first; everything heavy (opening the library, building it from the
bundled samples on first start, loading autocomplete phrasings) happens afterwards, off the
GUI thread, with progress in the status bar.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

_T0 = time.perf_counter()

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from eduwriter.gui.autosave import Recovery, find_orphans  # noqa: E402
from eduwriter.gui.files import read_report_file  # noqa: E402
from eduwriter.gui.settings import ENV_DATA_DIR, Settings, data_dir  # noqa: E402

if TYPE_CHECKING:
    from eduwriter.gui.main_window import MainWindow

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


def offer_recovery(window: MainWindow) -> bool:
    """After a crash: offer the reports of the sessions that did not close. True if restored.

    Every report is offered, newest first, until the writer takes one into this window; the
    ones declined are discarded. Reports not yet offered when one is taken stay on disk and a
    new EduWriter window is started, which offers them in turn (one report per window). None
    is deleted without having been offered."""
    orphans = find_orphans()
    for i, rec in enumerate(orphans):
        if not _ask_to_restore(window, rec, i, len(orphans)):
            rec.discard()
            continue
        try:
            report = read_report_file(rec.report_path)
        except Exception as exc:  # noqa: BLE001 - kept on disk, offered again next time
            QMessageBox.warning(
                window,
                QCoreApplication.translate("App", "恢复报告"),
                QCoreApplication.translate("App", "无法读取自动保存的文件：{0}").format(exc),
            )
            continue
        window.restore_recovered(report, rec.original)
        rec.discard()
        if i + 1 < len(orphans):
            window.start_another_window()
        return True
    return False


def _ask_to_restore(window: MainWindow, rec: Recovery, index: int, total: int) -> bool:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.saved_at))
    name = (
        Path(rec.original).name if rec.original else QCoreApplication.translate("App", "未命名报告")
    )
    if not rec.original:
        try:
            title = read_report_file(rec.report_path).title.strip()
        except Exception:  # noqa: BLE001 - the question still names the time
            title = ""
        name = title or name
    text = QCoreApplication.translate(
        "App", "EduWriter 上次没有正常关闭。\n发现 {0} 自动保存的“{1}”。\n\n要恢复这份报告吗？"
    ).format(when, name)
    if total > 1:
        text += "\n" + QCoreApplication.translate("App", "（第 {0} 份，共 {1} 份）").format(
            index + 1, total
        )
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("App", "恢复报告"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _after_show(window: MainWindow, app: QApplication, files: list[str]) -> None:
    bench = os.environ.get(ENV_BENCH, "")
    if bench:
        print(f"EDUWRITER_READY {time.perf_counter() - _T0:.3f}", flush=True)
        if bench == "quit":
            QTimer.singleShot(0, app.quit)
            return
    # first, so the library builds while the writer answers any question
    job = window.open_library(library_path(), quiet=bool(bench))
    if bench == "library":

        def opened(_store: object) -> None:
            print(f"EDUWRITER_LIBRARY {time.perf_counter() - _T0:.3f}", flush=True)
            QTimer.singleShot(0, app.quit)

        job.finished.connect(opened)
    if not bench:
        restored = offer_recovery(window)
        if files and not restored:
            window.open_or_import(files)
        try:
            from eduwriter.gui.dialogs.font_check import check_fonts_once

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
    if QApplication.instance() is None:
        from eduwriter.gui.i18n import use_time_locale

        early = "zh_CN" if lang == "zh" else lang
        use_time_locale(early if early in ("zh_CN", "en") else Settings().language)
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
