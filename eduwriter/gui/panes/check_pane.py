"""The 检查 pane (F7): the findings of the check engine for the report being written.

Findings are listed by severity (错误 first, then 建议) and refresh as the writer types: edits
are debounced, the text is read on the GUI thread (cheap) and checked on one worker thread;
results of an older text are dropped.  Double-click a finding to jump to its paragraph;
**修正** applies a safe replacement as one undo step; **忽略** hides a finding until its
paragraph changes; **总是忽略** adds the word to the writer's check dictionary (a plain file in
the data folder); **关闭此规则** adds the rule.  :meth:`CheckPane.confirm_export` asks before an
export while errors remain.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eduwriter.compose.checks import (
    CheckDoc,
    Finding,
    UserDictionary,
    check_doc,
    count_errors,
    format_user_dictionary,
    parse_user_dictionary,
)
from eduwriter.compose.checks.document import doc_from_blocks
from eduwriter.compose.checks.userdict import FILE_NAME
from eduwriter.core.atomic import atomic_write_text
from eduwriter.gui.editor.report_model import ReportDocument

#: Quiet time after the last keystroke before the report is checked again.
DEBOUNCE_MS = 400
_ROLE = Qt.ItemDataRole.UserRole
_HAN = ("\u4e00", "\u9fff")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CheckPane", text)


def _lang() -> str:
    probe = QCoreApplication.translate("CheckPane", "错误")
    return "zh" if probe == "错误" else "en"


def snapshot(rd: ReportDocument) -> CheckDoc:
    """The report as it stands, read on the GUI thread: (kind, text, hint) per text block."""
    blocks: list[tuple[int, str, bool]] = []
    block = rd.doc.begin()
    while block.isValid():
        blocks.append((rd.kind_of(block), block.text(), rd.is_hint(block)))
        block = block.next()
    meta = rd.meta
    meta_copy = dataclasses.replace(meta, attachments=list(meta.attachments))
    return doc_from_blocks(blocks, meta_copy)


#: Front-matter fields a one-click fix may change (the finding's ``part``).
META_PARTS = ("recipient", "signer", "date", "doc_number", "print_date")


class _CheckTask(QRunnable):
    def __init__(self, runner: CheckRunner, gen: int, doc: CheckDoc, user: UserDictionary):
        super().__init__()
        self._runner, self._gen, self._doc, self._user = runner, gen, doc, user

    def run(self) -> None:  # worker thread
        runner = self._runner
        if self._gen != runner.latest:
            return  # a newer text is waiting
        try:
            findings = check_doc(self._doc, self._user)
        except Exception:  # noqa: BLE001 - a checker failure must never reach the writer
            findings = []
        if self._gen == runner.latest:
            try:
                runner.done.emit(self._gen, self._doc, findings)
            except RuntimeError:  # the pane went away while this check ran
                pass


class CheckRunner(QObject):
    """Checks on one background thread; ``done(generation, doc, findings)`` in the GUI thread."""

    done = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.latest = 0

    def request(self, doc: CheckDoc, user: UserDictionary) -> int:
        self.latest += 1
        self.pool.start(_CheckTask(self, self.latest, doc, user))
        return self.latest

    def warm_up(self) -> None:
        """Load the segmenter's dictionary on the worker thread before the first check."""
        from eduwriter.core import words

        self.pool.start(_Call(words.warm_up))

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self._fn = fn

    def run(self) -> None:  # worker thread
        try:
            self._fn()
        except Exception:  # noqa: BLE001 - a failed warm-up only makes the first check slower
            pass


class CheckPane(QWidget):
    """The list of findings with 修正 / 忽略 / 总是忽略 / 关闭此规则."""

    #: New findings are shown (tests and the status bar listen): (errors, suggestions).
    updated = Signal(int, int)

    def __init__(
        self,
        rd: ReportDocument,
        go_to: Callable[[int, int, int], None],
        data_folder: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rd = rd
        self.go_to = go_to
        self.dictionary_path = data_folder / FILE_NAME if data_folder is not None else None
        self._dictionary_mtime: float | None = None
        self.user = self._load_dictionary()
        self.findings: list[Finding] = []
        self.doc = CheckDoc()
        self._ignored: set[tuple[str, int, str]] = set()
        #: Asks whether to export with errors left; replaced in tests.
        self.ask_export: Callable[[int], bool] = self._ask_export_box

        self.runner = CheckRunner(self)
        self.runner.done.connect(self._on_done)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)

        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_tr("问题"), _tr("原文"), _tr("建议改为")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(_tr("检查结果"))
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.jump(item))
        self.tree.currentItemChanged.connect(lambda *_: self._sync_buttons())
        self.errors_item = QTreeWidgetItem(self.tree, [_tr("错误")])
        self.suggestions_item = QTreeWidgetItem(self.tree, [_tr("建议")])
        self.btn_fix = QPushButton(_tr("修正"), self)
        self.btn_fix.setToolTip(_tr("按建议修改这一处（可撤销）"))
        self.btn_ignore = QPushButton(_tr("忽略"), self)
        self.btn_ignore.setToolTip(_tr("这次不再提示这一处"))
        self.btn_always = QPushButton(_tr("总是忽略"), self)
        self.btn_always.setToolTip(_tr("把这个词加入检查词典，以后不再提示"))
        self.btn_rule = QPushButton(_tr("关闭此规则"), self)
        self.btn_rule.setToolTip(_tr("以后不再做这一项检查（可在检查词典里恢复）"))
        self.btn_fix.clicked.connect(lambda: self.fix(self.current()))
        self.btn_ignore.clicked.connect(lambda: self.ignore_once(self.current()))
        self.btn_always.clicked.connect(lambda: self.ignore_always(self.current()))
        self.btn_rule.clicked.connect(lambda: self.disable_rule(self.current()))
        self.btn_dictionary = QPushButton(_tr("检查词典…"), self)
        self.btn_dictionary.setToolTip(_tr("在文本编辑器里打开检查词典（接受的词语、关闭的规则）"))
        self.btn_dictionary.setEnabled(self.dictionary_path is not None)
        self.btn_dictionary.clicked.connect(self.edit_dictionary)
        #: Opens a file in the system's editor; replaced in tests.
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        buttons = QHBoxLayout()
        for b in (self.btn_fix, self.btn_ignore, self.btn_always, self.btn_rule):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_dictionary)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)

        rd.contentChanged.connect(self.timer.start)
        rd.metaChanged.connect(self.timer.start)
        self.runner.warm_up()
        self._show([])

    # ------------------------------------------------------------------ dictionary
    def _mtime(self) -> float | None:
        try:
            return self.dictionary_path.stat().st_mtime if self.dictionary_path else None
        except OSError:
            return None

    def _load_dictionary(self) -> UserDictionary:
        path = self.dictionary_path
        self._dictionary_mtime = self._mtime()
        if path is None or not path.is_file():
            return UserDictionary()
        try:
            return parse_user_dictionary(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            return UserDictionary()

    def _reload_if_edited(self) -> None:
        """Pick up changes the writer made to the dictionary file in an editor."""
        if self._mtime() != self._dictionary_mtime:
            self.user = self._load_dictionary()

    def _save_dictionary(self) -> None:
        if self.dictionary_path is not None:
            atomic_write_text(self.dictionary_path, format_user_dictionary(self.user))
            self._dictionary_mtime = self._mtime()

    def edit_dictionary(self) -> None:
        """Open the dictionary file (created on first use) in the system's text editor."""
        if self.dictionary_path is None:
            return
        if not self.dictionary_path.exists():
            self._save_dictionary()
        self.open_file(self.dictionary_path)

    # ------------------------------------------------------------------ checking
    def refresh(self) -> None:
        """Check the report as it stands now, in the background."""
        self._reload_if_edited()
        self.runner.request(snapshot(self.rd), self._user_copy())

    def refresh_now(self) -> list[Finding]:
        """Check now, on this thread (before an export; in tests)."""
        self._reload_if_edited()
        doc = snapshot(self.rd)
        self.runner.latest += 1  # results of checks still running are stale
        self._on_done(self.runner.latest, doc, check_doc(doc, self.user))
        return self.findings

    def _user_copy(self) -> UserDictionary:
        return UserDictionary(set(self.user.words), set(self.user.rules))

    def _on_done(self, gen: int, doc: CheckDoc, findings: list[Finding]) -> None:
        if gen != self.runner.latest:
            return
        self.doc = doc
        live = {self._ignore_key(f) for f in findings}
        self._ignored &= live  # an ignored finding whose paragraph changed comes back
        self._show([f for f in findings if self._ignore_key(f) not in self._ignored])

    def _ignore_key(self, f: Finding) -> tuple[str, int, str]:
        return (f.rule, f.start, self.doc.paragraphs[f.paragraph].text)

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        lang = _lang()
        for group in (self.errors_item, self.suggestions_item):
            group.takeChildren()
        for f in findings:
            group = self.errors_item if f.severity == "error" else self.suggestions_item
            repl = f.replacement if f.replacement else (_tr("删去") if f.replacement == "" else "")
            item = QTreeWidgetItem(group, [f.message(lang), f.text, repl])
            item.setData(0, _ROLE, f)
            item.setToolTip(0, f"[{f.rule}] {f.message(lang)}")
        errors = count_errors(findings)
        suggestions = len(findings) - errors
        self.errors_item.setText(0, _tr("错误（{0}）").format(errors))
        self.suggestions_item.setText(0, _tr("建议（{0}）").format(suggestions))
        self.errors_item.setExpanded(True)
        self.suggestions_item.setExpanded(True)
        if findings:
            self.summary.setText(_tr("{0} 个错误，{1} 条建议").format(errors, suggestions))
        else:
            self.summary.setText(_tr("没有发现问题。"))
        self._sync_buttons()
        self.updated.emit(errors, suggestions)

    # ------------------------------------------------------------------ actions
    def current(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, _ROLE) if item is not None else None

    def _sync_buttons(self) -> None:
        f = self.current()
        self.btn_fix.setEnabled(f is not None and f.safe)
        for b in (self.btn_ignore, self.btn_always, self.btn_rule):
            b.setEnabled(f is not None)

    def jump(self, item: QTreeWidgetItem | Finding | None) -> None:
        """Put the composer's cursor on the finding (a title or body paragraph)."""
        f = item.data(0, _ROLE) if isinstance(item, QTreeWidgetItem) else item
        if f is not None and f.block is not None:
            self.go_to(f.block, f.start, f.end)

    def fix(self, f: Finding | None) -> bool:
        """Apply a safe replacement as one undo step; False when the text has changed."""
        if f is None or not f.safe or f.replacement is None:
            return False
        if f.block is not None:
            block = self.rd.block(f.block)
            if not block.isValid() or block.text()[f.start : f.end] != f.text:
                self.refresh_now()
                return False
            with self.rd.edit(_tr("修正")) as cur:
                cur.setPosition(block.position() + f.start)
                cur.setPosition(block.position() + f.end, QTextCursor.MoveMode.KeepAnchor)
                cur.insertText(f.replacement)
        elif not self._fix_meta(f):
            return False
        self.refresh_now()
        return True

    def _fix_meta(self, f: Finding) -> bool:
        meta = self.rd.meta
        # every field kept (发文字号, 签发人, 版记…): only the one being fixed changes
        new = dataclasses.replace(meta, attachments=list(meta.attachments))
        if f.part == "attachment" and 0 <= f.index < len(new.attachments):
            old = new.attachments[f.index]
        elif f.part in META_PARTS:
            old = getattr(new, f.part)
        else:
            return False
        if old[f.start : f.end] != f.text:
            self.refresh_now()
            return False
        fixed = old[: f.start] + (f.replacement or "") + old[f.end :]
        if f.part == "attachment":
            new.attachments[f.index] = fixed
        else:
            setattr(new, f.part, fixed)
        return self.rd.set_meta(new)

    def ignore_once(self, f: Finding | None) -> None:
        if f is not None:
            self._ignored.add(self._ignore_key(f))
            self._show([x for x in self.findings if x is not f])

    def ignore_always(self, f: Finding | None) -> None:
        """Accept the finding's text as written (a word with Chinese in it), else the rule."""
        if f is None:
            return
        if any(_HAN[0] <= ch <= _HAN[1] for ch in f.text):
            self.user.words.add(f.text)
        else:
            self.user.rules.add(f.rule)
        self._save_dictionary()
        self.refresh_now()

    def disable_rule(self, f: Finding | None) -> None:
        if f is not None:
            self.user.rules.add(f.rule)
            self._save_dictionary()
            self.refresh_now()

    # ------------------------------------------------------------------ export
    def confirm_export(self) -> bool:
        """True when the export may go ahead: no errors, or the writer says so.  Unfilled
        【slots】 are left to the export's own question, which lists where they are: the writer
        is asked about them once, not twice."""
        errors = count_errors(f for f in self.refresh_now() if f.rule != "slot.unfilled")
        return errors == 0 or self.ask_export(errors)

    def _ask_export_box(self, errors: int) -> bool:
        box = QMessageBox(self.window())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("检查"))
        box.setText(_tr("报告里还有 {0} 个错误，仍要导出吗？").format(errors))
        go = box.addButton(_tr("仍然导出"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("查看错误"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is go:
            return True
        parent = self.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()
        return False


def install(window) -> CheckPane:  # noqa: ANN001 - the main window
    """Add the 检查 pane to ``window``: a dock (F7 shows it), wired to the composer and to
    the export action (which asks first while errors remain)."""
    from eduwriter.gui.settings import data_dir

    def go_to(block: int, start: int, end: int) -> None:
        window.composer.go_to_block(block)
        b = window.rd.block(block)
        cur = QTextCursor(b)
        cur.setPosition(b.position() + start)
        cur.setPosition(b.position() + end, QTextCursor.MoveMode.KeepAnchor)
        window.composer.setTextCursor(cur)

    pane = CheckPane(window.rd, go_to, data_dir(), window)
    dock = window._dock(_tr("检查"), "checkDock", pane)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    outline = getattr(window, "outline_dock", None)
    if outline is not None:
        window.tabifyDockWidget(outline, dock)
        outline.raise_()
    toggle = dock.toggleViewAction()
    toggle.setText(_tr("检查"))
    toggle.setShortcut("F7")
    window.addAction(toggle)
    for menu_action in window.menuBar().actions():
        if menu_action.text() == QCoreApplication.translate("MainWindow", "视图(&V)"):
            menu_action.menu().addAction(toggle)
    export = window.exporter.action
    export.triggered.disconnect()
    export.triggered.connect(
        lambda _c=False: pane.confirm_export() and window.exporter.ask_and_export()
    )
    window.check_dock = dock
    pane.refresh()
    return pane
