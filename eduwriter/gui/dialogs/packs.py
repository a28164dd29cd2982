"""素材包 (.ewlib): share the personal library with colleagues, and take theirs in.

文件 → 导入素材包… / 导出我的素材…; opening a ``.ewlib`` file with EduWriter (the installer's
file association, ``EduWriter.exe gui pack.ewlib``) or dropping one on the window asks, then
merges it (``eduwriter.library.sharing``: by stable id, one transaction — a damaged pack
changes nothing). When an item was changed on both sides the writer chooses once for the pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from eduwriter.library import sharing

PACK_SUFFIX = ".ewlib"


class PackController(QObject):
    """Pack import/export for one window; packs asked for before the library is open wait."""

    #: A pack was merged: (path, MergeReport).
    imported = Signal(str, object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.store: Any = None
        self._pending: list[str] = []

    def attach_store(self, store: Any) -> None:
        self.store = store
        pending, self._pending = self._pending, []
        if pending:
            self.import_packs(pending)

    # ------------------------------------------------------------------ import
    def ask_import(self) -> None:
        paths = QFileDialog.getOpenFileNames(
            self.window,
            QCoreApplication.translate("Packs", "导入素材包"),
            "",
            QCoreApplication.translate("Packs", "素材包 (*.ewlib)"),
        )[0]
        if paths:
            self.import_packs(paths, confirm=False)

    def import_packs(self, paths: list[str], confirm: bool = True) -> int:
        """Merge each pack (after asking when ``confirm``); returns how many were merged."""
        if self.store is None:
            self._pending.extend(paths)
            return 0
        done = 0
        for path in paths:
            name = Path(path).name
            if confirm:
                answer = QMessageBox.question(
                    self.window,
                    QCoreApplication.translate("Packs", "导入素材包"),
                    QCoreApplication.translate(
                        "Packs", "把素材包“{0}”导入素材库吗？\n同样的素材不会重复导入。"
                    ).format(name),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    continue
            choice: dict[str, str] = {}
            try:
                report = sharing.import_pack(
                    self.store, path, resolver=lambda c, ch=choice: self._resolve(c, ch)
                )
            except Exception as exc:  # noqa: BLE001 - PackError, OSError: the library is unchanged
                QMessageBox.warning(
                    self.window,
                    QCoreApplication.translate("Packs", "导入素材包"),
                    QCoreApplication.translate(
                        "Packs", "无法导入“{0}”：{1}\n素材库没有改动。"
                    ).format(name, exc),
                )
                continue
            done += 1
            library = getattr(self.window, "library", None)
            if library is not None:
                library.refresh()
            self.imported.emit(path, report)
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("Packs", "导入素材包"),
                QCoreApplication.translate(
                    "Packs", "“{0}”已导入：新增 {1} 条，更新 {2} 条，已有 {3} 条，冲突 {4} 处。"
                ).format(
                    name, report.added, report.updated, report.unchanged, len(report.conflicts)
                ),
            )
        return done

    def _resolve(self, conflict: Any, choice: dict[str, str]) -> str:
        """Ask once per pack what to do with items changed on both sides."""
        if "all" in choice:
            return choice["all"]
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Packs", "素材有两个版本"))
        title = getattr(conflict.mine, "title", "") or getattr(conflict.mine, "text", "")[:20]
        box.setText(
            QCoreApplication.translate(
                "Packs",
                "“{0}”在您的素材库和素材包中都改过。\n本次导入中这样的素材都按下面的选择处理：",
            ).format(title)
        )
        mine = box.addButton(
            QCoreApplication.translate("Packs", "保留我的"), QMessageBox.ButtonRole.RejectRole
        )
        theirs = box.addButton(
            QCoreApplication.translate("Packs", "用素材包的"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("Packs", "两个都保留"), QMessageBox.ButtonRole.ActionRole
        )
        box.exec()
        clicked = box.clickedButton()
        choice["all"] = "mine" if clicked is mine else "theirs" if clicked is theirs else "both"
        return choice["all"]

    # ------------------------------------------------------------------ export
    def ask_export(self) -> bool:
        if self.store is None:
            return False
        path = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Packs", "导出我的素材"),
            QCoreApplication.translate("Packs", "我的素材") + PACK_SUFFIX,
            QCoreApplication.translate("Packs", "素材包 (*.ewlib)"),
        )[0]
        if not path:
            return False
        if not path.lower().endswith(PACK_SUFFIX):
            path += PACK_SUFFIX
        return self.export_to(path)

    def export_to(self, path: str) -> bool:
        try:
            count = sharing.export_pack(self.store, path)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Packs", "导出我的素材"),
                QCoreApplication.translate("Packs", "无法导出：{0}").format(exc),
            )
            return False
        QMessageBox.information(
            self.window,
            QCoreApplication.translate("Packs", "导出我的素材"),
            QCoreApplication.translate(
                "Packs", "已把 {0} 条素材导出到：\n{1}\n可以发给同事，用 EduWriter 打开即可导入。"
            ).format(count, path),
        )
        return True
