"""共享素材库 → 发布: an editor publishes a folder of 我的素材 to the unit's shared library.

The server decides who may publish (roles, GRANTs, row-level security): a reader's login is
refused by the server and the dialog says so in plain words.  An item another editor changed
since this editor's last sync is not overwritten; the dialog lists it with who changed it.
The editor also picks the unit (school sub-library) to publish to; the list is the server's
(:func:`~eduwriter.library.team.publish.publish_units`), read in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.workers import BackgroundJob
from eduwriter.library.team.connection import TeamError, TeamServer, connect
from eduwriter.library.team.publish import (
    PublishResult,
    items_to_publish,
    publish_synced,
    publish_units,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamPublish", text)


def publish_job(
    store: Any,
    folder: int | None,
    server: TeamServer,
    password: str | None,
    cache_path,
    unit: str | None = None,
) -> Callable:
    """A BackgroundJob body: publish ``folder`` of the writer's library (None: all of 我的素材)
    as items of ``unit`` (None: the whole bureau's)."""

    def job(_progress, _cancelled) -> PublishResult:
        from eduwriter.library.team.cache import TeamCache

        items = items_to_publish(store, folder, unit)
        if not items:
            raise TeamError("这个文件夹里没有可发布的素材。\nNothing to publish in this folder.")
        cache = TeamCache.open(cache_path)
        try:
            with connect(server, password) as conn:
                return publish_synced(conn, items, cache)
        finally:
            cache.close()

    return job


def units_job(server: TeamServer, password: str | None) -> Callable:
    """A BackgroundJob body: the units this login may publish to (from the server)."""

    def job(_progress, _cancelled) -> list[str | None]:
        with connect(server, password) as conn:
            return publish_units(conn)

    return job


def result_text(result: PublishResult) -> str:
    lines = [
        _tr("已发布：新增 %1 条，更新 %2 条，未变 %3 条。")
        .replace("%1", str(result.added))
        .replace("%2", str(result.updated))
        .replace("%3", str(result.unchanged))
    ]
    if result.conflicts:
        lines.append(
            _tr("下面 %1 条别人已经改过，没有覆盖（你的文字仍在我的素材里）：").replace(
                "%1", str(len(result.conflicts))
            )
        )
        for c in result.conflicts:
            lines.append(
                _tr("·「%1」—— %2 改过，服务器上是第 %3 版")
                .replace("%1", c.text[:30])
                .replace("%2", c.updated_by)
                .replace("%3", str(c.server_version))
            )
        lines.append(_tr("请先同步，比较后再发布。"))
    return "\n".join(lines)


class PublishDialog(QDialog):
    """Choose a folder of 我的素材 and publish it; the outcome is shown in the dialog.
    ``published`` is called with the result after a publish that reached the server."""

    def __init__(
        self,
        store: Any,
        server: TeamServer,
        password: str | None,
        cache_path,
        parent: QWidget | None = None,
        published: Callable[[PublishResult], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamPublishDialog")
        self.setWindowTitle(_tr("发布到共享素材库"))
        self.store, self.server, self.password = store, server, password
        self.cache_path = cache_path
        self.published = published
        self.job: BackgroundJob | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_tr("服务器：%1").replace("%1", server.url()), self))
        form = QFormLayout()
        self.folder = QComboBox(self)
        self.folder.setObjectName("folder")
        self.folder.addItem(_tr("我的素材（全部）"), None)
        for f in sorted(store.folders(), key=lambda f: store.folder_path(f.id)):
            self.folder.addItem(store.folder_path(f.id), f.id)
        form.addRow(_tr("发布的文件夹："), self.folder)
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        self.unit.addItem(_tr("（正在读取服务器上的单位…）"), None)
        self.unit.setEnabled(False)
        form.addRow(_tr("发布到："), self.unit)
        lay.addLayout(form)
        self.publish_button = QPushButton(_tr("发布"), self)
        self.publish_button.setObjectName("publish")
        self.publish_button.clicked.connect(self.publish)
        lay.addWidget(self.publish_button)
        self.outcome = QPlainTextEdit(self)
        self.outcome.setObjectName("outcome")
        self.outcome.setReadOnly(True)
        lay.addWidget(self.outcome)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.units_job = BackgroundJob(units_job(server, password), self)
        self.units_job.finished.connect(self._units)
        self.units_job.failed.connect(self._no_units)
        self.units_job.start()

    def _units(self, units: list[str | None]) -> None:
        self.unit.clear()
        for unit in units:
            self.unit.addItem(unit or _tr("全单位（各校都能看到）"), unit)
        self.unit.setEnabled(len(units) > 1)

    def _no_units(self, message: str) -> None:
        self.unit.clear()
        self.unit.addItem(_tr("全单位（各校都能看到）"), None)
        self.outcome.setPlainText(message)

    def publish(self) -> BackgroundJob:
        folder, unit = self.folder.currentData(), self.unit.currentData()
        self.publish_button.setEnabled(False)
        self.outcome.setPlainText(_tr("正在发布…"))
        job = BackgroundJob(
            publish_job(self.store, folder, self.server, self.password, self.cache_path, unit),
            self,
        )
        job.finished.connect(self._done)
        job.failed.connect(self.outcome.setPlainText)
        job.done.connect(lambda: self.publish_button.setEnabled(True))
        self.job = job
        job.start()
        return job

    def _done(self, result: PublishResult) -> None:
        self.outcome.setPlainText(result_text(result))
        if self.published is not None:
            self.published(result)
