"""关于 EduWriter: name, version, Qt/Python versions, where the data and logs are, license."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eduwriter import APP_NAME, APP_NAME_ZH, __version__
from eduwriter.gui.identity import app_icon


def data_folder() -> Path:
    """The folder the app keeps the library, settings and recovery files in."""
    from eduwriter.gui.settings import data_dir

    return data_dir()


def log_folder() -> Path:
    from eduwriter.gui.crash import log_dir

    return log_dir()


def version_info() -> dict[str, str]:
    """What support needs to know, as label → value (also what 复制版本信息 copies)."""
    return {
        "版本 / version": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Python": platform.python_version(),
        "系统 / OS": f"{platform.system()} {platform.release()} ({sys.platform})",
        "数据文件夹 / data": str(data_folder()),
        "日志文件夹 / logs": str(log_folder()),
    }


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 %1").replace("%1", APP_NAME_ZH))
        self.info = version_info()

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.title_label = QLabel(
            f"<h2 style='margin:0'>{APP_NAME_ZH}</h2>"
            f"<div style='font-size:large'>{APP_NAME} {__version__}</div>"
        )
        self.blurb_label = QLabel(
            self.tr(
                "为教育系统办公室写作者编写工作计划、工作总结、讲话稿、实施方案和典型材料：整理范文，积累常用语句和结构骨架，按公文格式（GB/T 9704）导出 DOCX。"
            )
        )
        self.blurb_label.setWordWrap(True)

        rows = "".join(
            f"<tr><td style='padding-right:12px'>{label}</td><td>{value}</td></tr>"
            for label, value in self.info.items()
        )
        self.details_label = QLabel(f"<table>{rows}</table>")
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setWordWrap(True)

        self.license_label = QLabel(
            self.tr(
                "本程序以 MIT 许可证发布。界面使用 Qt for Python（PySide6），遵循 LGPL v3 许可证。"
            )
        )
        self.license_label.setWordWrap(True)

        self.copy_button = QPushButton(self.tr("复制版本信息"))
        self.copy_button.clicked.connect(self.copy_info)
        self.open_data_button = QPushButton(self.tr("打开数据文件夹"))
        self.open_data_button.clicked.connect(self.open_data_folder)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.open_data_button, QDialogButtonBox.ButtonRole.ActionRole)

        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.blurb_label)
        text.addWidget(self.details_label)
        text.addWidget(self.license_label)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(box)
        self.setMinimumWidth(520)

    def copy_info(self) -> None:
        lines = [f"{APP_NAME_ZH} {APP_NAME}"] + [f"{k}: {v}" for k, v in self.info.items()]
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.copy_button.setText(self.tr("已复制"))

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.info["数据文件夹 / data"]))


def show_about(parent: QWidget | None) -> None:
    """Show the About dialog (modal to ``parent``)."""
    AboutDialog(parent).exec()
