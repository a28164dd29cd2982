"""The outline (right): the report's headings with their numbers.

Drag and drop moves a section with everything under it (dropped on a heading it becomes that
heading's last sub-section; between headings it takes the level of its new neighbour);
Alt+Up / Alt+Down swap it with its neighbour. Numbers update at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from eduwriter.gui.editor.report_model import ReportDocument, split_run_in

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeWidget):
    """Headings tree over a :class:`ReportDocument`."""

    #: The writer picked a heading: go there in the composer.
    headingActivated = Signal(int)

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(250)
        self._rebuild_timer.timeout.connect(self.rebuild)
        rd.structureChanged.connect(self.rebuild)
        rd.contentChanged.connect(self._rebuild_timer.start)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)
        self.rebuild()

    # ------------------------------------------------------------------ model -> tree
    def rebuild(self) -> None:
        """Rebuild the tree from the document's headings, keeping the selection."""
        self._rebuild_timer.stop()
        selected = self.selected_block()
        heads = self.rd.headings()
        for h in heads:
            h.text = split_run_in(h.text)[0]
        signature = [(h.block, h.level, h.marker, h.text) for h in heads]
        follow, self._pending_follow = getattr(self, "_pending_follow", None), None
        if signature == getattr(self, "_signature", None):
            if follow is not None:
                self.follow_block(follow)
            return
        self._signature = signature
        self.setUpdatesEnabled(False)
        self.clear()
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for h in heads:
            item = QTreeWidgetItem(
                [
                    f"{h.marker}{h.text}"
                    if h.text
                    else f"{h.marker}{QCoreApplication.translate('OutlineView', '（无标题）')}"
                ]
            )
            item.setData(0, BLOCK_ROLE, h.block)
            item.setToolTip(0, f"{h.marker}{h.text}")
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled
            )
            while stack and stack[-1][0] >= h.level:
                stack.pop()
            if stack:
                stack[-1][1].addChild(item)
            else:
                self.addTopLevelItem(item)
            stack.append((h.level, item))
            if h.block == selected:
                item.setSelected(True)
                self.setCurrentItem(item, 0)
        self.expandAll()
        self.setUpdatesEnabled(True)
        if follow is not None:
            self.follow_block(follow)

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return out

    def texts(self) -> list[str]:
        """Every row as shown (number + heading), in order."""
        return [it.text(0) for it in self.items()]

    def item_for_block(self, block: int) -> QTreeWidgetItem | None:
        for it in self.items():
            if it.data(0, BLOCK_ROLE) == block:
                return it
        return None

    def selected_block(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(0, BLOCK_ROLE))

    def follow_block(self, block_number: int) -> None:
        """Select the heading whose section holds the composer's cursor."""
        if self._rebuild_timer.isActive():
            # The tree is about to be rebuilt (the text changed): follow once it is.
            self._pending_follow = block_number
            return
        n = self.rd.heading_at_or_before(block_number)
        item = self.item_for_block(n) if n is not None else None
        if item is not None and item is not self.currentItem():
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.headingActivated.emit(int(item.data(0, BLOCK_ROLE)))

    # ------------------------------------------------------------------ moving
    def move_selected(self, direction: int) -> bool:
        block = self.selected_block()
        if block is None:
            return False
        text = self.rd.block(block).text()
        moved = self.rd.sibling_move(block, direction)
        if moved:
            self.rebuild()
            self._select_text_near(text, block, direction)
        return moved

    def _select_text_near(self, text: str, old: int, direction: int) -> None:
        for it in self.items() if direction > 0 else reversed(self.items()):
            b = int(it.data(0, BLOCK_ROLE))
            if self.rd.block(b).text() == text and (b > old if direction > 0 else b < old):
                self.setCurrentItem(it)
                return

    def context_menu(self) -> QMenu | None:
        """上移 / 下移 / 升级 / 降级 / 删除章节 for the selected heading."""
        block = self.selected_block()
        if block is None:
            return None
        menu = QMenu(self)
        menu.addAction(
            QCoreApplication.translate("OutlineView", "章节上移 (Alt+↑)"),
            lambda: self.move_selected(-1),
        )
        menu.addAction(
            QCoreApplication.translate("OutlineView", "章节下移 (Alt+↓)"),
            lambda: self.move_selected(1),
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("OutlineView", "升级"),
            lambda: self.rd.shift_level(block, -1),
        )
        menu.addAction(
            QCoreApplication.translate("OutlineView", "降级"),
            lambda: self.rd.shift_level(block, +1),
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("OutlineView", "删除章节"),
            lambda: self.rd.delete_section(block),
        )
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        item = self.itemAt(event.pos())
        if item is not None:
            self.setCurrentItem(item)
        menu = self.context_menu()
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def drop_section(self, source_block: int, target_block: int, position: str) -> bool:
        """Move the section at ``source_block`` relative to heading ``target_block``:
        ``"above"`` / ``"below"`` (same level as the target) or ``"on"`` (last child)."""
        levels = self.rd.levels()
        s_start, s_end = self.rd.section_range(source_block)
        if s_start <= target_block < s_end:
            return False  # a section cannot go inside itself
        target_level = levels[target_block]
        t_start, t_end = self.rd.section_range(target_block)
        if position == "above":
            dest, level = t_start, target_level
        elif position == "below":
            dest, level = t_end, target_level
        else:
            dest, level = t_end, min(target_level + 1, 4)
        text = self.rd.block(source_block).text()
        moved = self.rd.move_section(source_block, dest, level)
        if moved:
            self.rebuild()
            for it in self.items():
                if self.rd.block(int(it.data(0, BLOCK_ROLE))).text() == text:
                    self.setCurrentItem(it)
                    break
        return moved

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        if source is None or target is None or event.source() is not self:
            event.ignore()
            return
        pos = self.dropIndicatorPosition()
        where = {
            QAbstractItemView.DropIndicatorPosition.AboveItem: "above",
            QAbstractItemView.DropIndicatorPosition.BelowItem: "below",
            QAbstractItemView.DropIndicatorPosition.OnItem: "on",
        }.get(pos)
        if where is None or target is source:
            event.ignore()
            return
        # Never let Qt move the items itself: the tree is rebuilt from the document.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.drop_section(int(source.data(0, BLOCK_ROLE)), int(target.data(0, BLOCK_ROLE)), where)
