"""设置 → 共享素材库: where the unit's shared library is and how this writer logs in.

The server address (without the password) is kept in the settings file; the password goes to
the operating system's credential store (``keyring``) and nowhere else.  Where no credential
store exists the dialog says so, and the password is used for this session only.
测试连接 logs in off the GUI thread and says whether this login may read or also publish.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from eduwriter.gui.workers import BackgroundJob
from eduwriter.library.team.connection import TeamError, TeamServer, connect, saved_password

#: the settings key of the server URL (never holds a password)
URL_KEY = "team/server_url"
#: (sslmode, label) of the TLS choice
TLS_CHOICES = (
    ("prefer", "服务器支持时使用 TLS（推荐）"),
    ("require", "必须使用 TLS"),
    ("disable", "不使用 TLS"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TeamSettings", text)


def saved_server(settings: Any) -> TeamServer | None:
    """The shared library named in the settings, or None (no team configured, or unreadable)."""
    url = str(settings.value(URL_KEY, "") or "")
    if not url:
        return None
    try:
        return TeamServer.from_url(url)
    except TeamError:
        return None


def test_login(server: TeamServer, password: str | None) -> str:
    """Log in once and describe what this login may do (raises :class:`TeamError`)."""
    conn = connect(server, password)
    try:
        row = conn.execute(
            "SELECT pg_has_role(current_user, 'eduwriter_editor', 'member'),"
            " (SELECT count(*) FROM eduwriter.items WHERE NOT deleted)"
        ).fetchone()
    except Exception as exc:  # noqa: BLE001 - a server without the schema
        raise TeamError(
            f"已连上服务器，但没有找到共享素材库，请管理员先运行 serve-setup。（{exc}）\n"
            "Connected, but the server holds no shared library (run serve-setup)."
        ) from exc
    finally:
        conn.close()
    editor, count = bool(row[0]), int(row[1])
    role = "编辑（可以发布）" if editor else "读者（只读）"
    return f"连接成功：{server.user} 是{role}，共享素材 {count} 条。"


class TeamSettingsDialog(QDialog):
    """The dialog.  ``accepted`` after the writer saved; read :attr:`server` and
    :attr:`password` (the password for this session, also when it could not be kept)."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamSettingsDialog")
        self.setWindowTitle(_tr("共享素材库"))
        self.settings = settings
        self.server: TeamServer | None = saved_server(settings)
        self.password: str | None = None
        self.job: BackgroundJob | None = None
        lay = QVBoxLayout(self)
        intro = QLabel(
            _tr("单位的共享素材库放在 PostgreSQL 服务器上，请向管理员要服务器地址和账号。"), self
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.host.setPlaceholderText(_tr("例如 10.20.1.5 或 jyj-server"))
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.dbname = QLineEdit("eduwriter", self)
        self.dbname.setObjectName("dbname")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.pw = QLineEdit(self)
        self.pw.setObjectName("password")
        self.pw.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QComboBox(self)
        self.tls.setObjectName("tls")
        for mode, label in TLS_CHOICES:
            self.tls.addItem(_tr(label), mode)
        form.addRow(_tr("服务器地址："), self.host)
        form.addRow(_tr("端口："), self.port)
        form.addRow(_tr("数据库："), self.dbname)
        form.addRow(_tr("用户名："), self.user)
        form.addRow(_tr("密码："), self.pw)
        form.addRow(_tr("加密连接："), self.tls)
        lay.addLayout(form)
        self.store_note = QLabel(self)
        self.store_note.setObjectName("storeNote")
        self.store_note.setWordWrap(True)
        lay.addWidget(self.store_note)
        self.test_button = QPushButton(_tr("测试连接"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        lay.addWidget(self.test_button)
        self.result = QLabel(self)
        self.result.setObjectName("testResult")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        s = self.server
        if s is not None:
            self.host.setText(s.host)
            self.port.setValue(s.port)
            self.dbname.setText(s.dbname)
            self.user.setText(s.user)
            i = self.tls.findData(s.sslmode)
            self.tls.setCurrentIndex(max(i, 0))
            if saved_password(s):
                self.pw.setPlaceholderText(_tr("已保存在系统凭据库中"))
        if not credential_store_available():
            self.store_note.setText(
                _tr(
                    "本机没有可用的系统凭据库，密码不会保存，只在本次运行中使用；"
                    "也可以用 PGPASSWORD 或 .pgpass 文件。"
                )
            )
        else:
            self.store_note.setText(_tr("密码保存在系统凭据库中，不写入设置文件。"))

    def entered_server(self) -> TeamServer:
        host = self.host.text().strip()
        user = self.user.text().strip()
        if not host or not user:
            raise TeamError("请填写服务器地址和用户名。\nPlease give the server address and user.")
        return TeamServer(
            host=host,
            dbname=self.dbname.text().strip() or "eduwriter",
            user=user,
            port=self.port.value(),
            sslmode=str(self.tls.currentData()),
        )

    def entered_password(self, server: TeamServer) -> str | None:
        return self.pw.text() or saved_password(server)

    def test_connection(self) -> BackgroundJob | None:
        try:
            server = self.entered_server()
        except TeamError as exc:
            self.result.setText(str(exc))
            return None
        password = self.entered_password(server)
        self.test_button.setEnabled(False)
        self.result.setText(_tr("正在连接…"))
        job = BackgroundJob(lambda _p, _c: test_login(server, password), self)
        job.finished.connect(self.result.setText)
        job.failed.connect(self.result.setText)
        job.done.connect(lambda: self.test_button.setEnabled(True))
        self.job = job
        job.start()
        return job

    def save(self) -> None:
        from eduwriter.library.team.connection import save_password

        try:
            server = self.entered_server()
        except TeamError as exc:
            self.result.setText(str(exc))
            return
        self.settings.set_value(URL_KEY, server.url())
        self.settings.sync()
        self.server = server
        self.password = self.pw.text() or None
        if self.password and not save_password(server, self.password):
            self.store_note.setText(
                _tr("本机没有可用的系统凭据库，密码没有保存，只在本次运行中使用。")
            )
        self.accept()


def credential_store_available() -> bool:
    """True when keyring has a real backend (not the "fail" or "null" one)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - no keyring at all
        return False
    name = type(backend).__module__ + "." + type(backend).__name__
    return getattr(backend, "priority", 0) > 0 and not name.startswith(
        ("keyring.backends.fail", "keyring.backends.null")
    )
