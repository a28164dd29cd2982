"""The shared unit library in the window: menus, background sync and the status bar.

:func:`install` adds 设置 → 共享素材库… and 共享素材库 → 立即同步 / 发布…, and a status-bar
label (单位素材库：已同步 HH:MM, or 离线（使用 HH:MM 的缓存）).  :class:`TeamSync` syncs at
start and every few minutes on a pool thread (:class:`~eduwriter.gui.workers.BackgroundJob`,
connections from a psycopg pool); after a sync that changed something the shared items are
given to the store as a read-only layer and the library pane (tree, search) and the
autocomplete are refreshed.  With no team configured nothing happens and nothing is shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu

from eduwriter.gui.dialogs.team_settings import TeamSettingsDialog, saved_server
from eduwriter.gui.workers import BackgroundJob
from eduwriter.library.team.cache import TeamCache
from eduwriter.library.team.connection import (
    CONNECT_TIMEOUT,
    TeamError,
    TeamOffline,
    TeamServer,
    connect,
    make_pool,
    saved_password,
)
from eduwriter.library.team.layer import SharedLayer, favorites_of, prune_favorites
from eduwriter.library.team.sync import SyncResult, pull

if TYPE_CHECKING:
    from eduwriter.gui.main_window import MainWindow

#: minutes between background syncs
SYNC_MINUTES = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamSync", text)


@dataclass(slots=True)
class SyncOutcome:
    result: SyncResult
    changed: bool
    last_sync: float
    error: str = ""


def sync_job(store: Any, server: TeamServer, password: str | None, pool: Any, cache_path: Path):
    """A BackgroundJob body: pull the changes into the local copy (offline: keep it) and, when
    something changed (or no layer is shown yet), hand the store a fresh read-only layer."""

    def job(_progress, _cancelled) -> SyncOutcome:
        cache = TeamCache.open(cache_path)
        error = ""
        try:
            try:
                result = _pull(pool, server, password, cache)
            except TeamOffline as exc:
                result = SyncResult(offline=True, message=str(exc))
            except TeamError as exc:  # refused login, no schema: the copy is used, as offline
                result = SyncResult(offline=True, message=str(exc))
                error = str(exc)
            changed = bool(result.changed or result.removed or result.full)
            if changed or getattr(store, "shared", None) is None:
                layer = SharedLayer.from_cache(cache, server.url(), favorites_of(store))
                if not result.offline:  # the server answered: a star of a retired item goes
                    prune_favorites(store, layer)
                store.attach_shared(layer)
                changed = True
            return SyncOutcome(result, changed, cache.last_sync, error)
        finally:
            cache.close()

    return job


def _pull(pool: Any, server: TeamServer, password: str | None, cache: TeamCache) -> SyncResult:
    try:
        with pool.connection(timeout=CONNECT_TIMEOUT) as conn:
            return pull(conn, cache)
    except TeamError:
        raise
    except Exception as exc:  # noqa: BLE001 - the pool hides why: one direct try explains it
        try:
            conn = connect(server, password)
        except TeamError:
            raise
        conn.close()  # the server answers now: the pool's failure was something else
        raise TeamOffline(f"同步失败：{exc}\nSync failed: {exc}") from exc


def stamp(ts: float) -> str:
    return time.strftime("%H:%M", time.localtime(ts)) if ts else ""


class TeamSync(QObject):
    """The window's shared-library controller (see the module docstring)."""

    #: emitted after each sync with its :class:`SyncOutcome`
    synced = Signal(object)

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.server: TeamServer | None = saved_server(win.settings)
        self.password: str | None = None  # this session's, when no credential store keeps it
        self.store: Any = None
        self.pool: Any = None
        self.job: BackgroundJob | None = None
        self.dialog: Any = None
        self.status = QLabel(win)
        self.status.setObjectName("teamStatus")
        self.status.hide()
        win.statusBar().addPermanentWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_MINUTES * 60_000)
        self.timer.timeout.connect(self.sync_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- wiring ------------------------------------------------------------------------------
    def attach_store(self, store: Any) -> None:
        self.store = store
        if self.server is not None:
            self.sync_now()
            self.timer.start()

    def cache_path(self) -> Path:
        return Path(self.store.path).with_name("team_cache.db")

    def _password(self) -> str | None:
        if self.server is None:
            return None
        return self.password or saved_password(self.server)

    # -- sync --------------------------------------------------------------------------------
    def sync_now(self) -> BackgroundJob | None:
        """Start a sync unless one runs, no team is configured or the library is not open."""
        if self.server is None or self.store is None:
            return None
        if self.job is not None and self.job.is_running():
            return self.job
        if self.pool is None:
            try:
                self.pool = make_pool(self.server, self._password())
            except Exception as exc:  # noqa: BLE001 - no pool: the sync below reports offline
                self.status.setToolTip(str(exc))
        job = BackgroundJob(
            sync_job(self.store, self.server, self._password(), self.pool, self.cache_path()),
            self,
        )
        job.finished.connect(self._synced)
        job.failed.connect(self._failed)
        self.job = job
        self.status.show()
        if not self.status.text():
            self.status.setText(_tr("单位素材库：正在同步…"))
        job.start()
        return job

    def _synced(self, outcome: SyncOutcome) -> None:
        r = outcome.result
        when = stamp(outcome.last_sync)
        if not r.offline:
            text = _tr("单位素材库：已同步 %1").replace("%1", stamp(time.time()))
        elif outcome.error:
            text = _tr("单位素材库：无法登录（使用 %1 的缓存）").replace("%1", when or "—")
        elif when:
            text = _tr("单位素材库：离线（使用 %1 的缓存）").replace("%1", when)
        else:
            text = _tr("单位素材库：离线（还没有缓存）")
        self.status.setText(text)
        self.status.setToolTip(r.message or text)
        self.status.show()
        if outcome.changed and self.win.library is not None:
            self.win.library.refresh()
            self.win.autocomplete.attach_store(self.store)
        self.synced.emit(outcome)

    def _failed(self, message: str) -> None:
        self.status.setText(_tr("单位素材库：同步出错"))
        self.status.setToolTip(message)

    # -- commands ----------------------------------------------------------------------------
    def open_settings(self) -> TeamSettingsDialog:
        dialog = TeamSettingsDialog(self.win.settings, self.win)
        dialog.accepted.connect(lambda: self.use_server(dialog.server, dialog.password))
        self.dialog = dialog
        dialog.open()
        return dialog

    def use_server(self, server: TeamServer | None, password: str | None) -> None:
        """Switch to ``server`` (from the settings dialog) and sync now."""
        self.close_pool()
        self.server, self.password = server, password
        self.status.setText("")
        if server is not None and self.store is not None:
            self.sync_now()
            self.timer.start()

    def open_publish(self) -> Any:
        from PySide6.QtWidgets import QMessageBox

        from eduwriter.gui.dialogs.team_publish import PublishDialog

        if self.server is None or self.store is None:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                _tr("共享素材库"),
                _tr("还没有设置共享素材库：请先在 设置 → 共享素材库 里填写服务器。"),
                parent=self.win,
            )
            self.dialog = box
            box.open()
            return box
        dialog = PublishDialog(
            self.store,
            self.server,
            self._password(),
            self.cache_path(),
            self.win,
            published=lambda _r: self.sync_now(),
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- closing -----------------------------------------------------------------------------
    def close_pool(self) -> None:
        if self.job is not None:
            self.job.wait(15000)
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def shutdown(self) -> None:
        self.timer.stop()
        self.close_pool()


def install(win: MainWindow) -> TeamSync:
    """Add the menus and the status label to ``win``; returns the controller."""
    team = TeamSync(win)
    bar = win.menuBar()
    help_action = bar.actions()[-1] if bar.actions() else None
    settings_menu = QMenu(_tr("设置(&S)"), win)
    settings_menu.setObjectName("settingsMenu")
    act = settings_menu.addAction(_tr("共享素材库…"))
    act.setObjectName("teamSettings")
    act.triggered.connect(team.open_settings)
    team_menu = QMenu(_tr("共享素材库(&T)"), win)
    team_menu.setObjectName("teamMenu")
    act = team_menu.addAction(_tr("立即同步"))
    act.setObjectName("teamSync")
    act.triggered.connect(team.sync_now)
    act = team_menu.addAction(_tr("发布…"))
    act.setObjectName("teamPublish")
    act.triggered.connect(team.open_publish)
    for menu in (team_menu, settings_menu):
        if help_action is not None:
            bar.insertMenu(help_action, menu)
            help_action = menu.menuAction()
        else:
            bar.addMenu(menu)
    return team
