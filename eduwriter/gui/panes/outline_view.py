"""The outline (right): the report's headings with their numbers.

Drag and drop moves a section with everything under it, and shows what it will do before the
button is released: in the upper or lower quarter of a row a line between the rows (the
section goes there as a sibling, taking its new neighbour's level); in the middle of a row the
row is framed and marked 成为下级 (the section becomes that heading's last sub-section); the
tool tip and :attr:`OutlineView.dropHint` say it in words. Esc (or leaving the outline) cancels.
A skeleton's closing part (结尾 and the like) stays last. Alt+Up / Alt+Down swap a section
with its neighbour. Numbers update at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from eduwriter.gui.editor.report_model import ReportDocument, split_run_in

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeWidget):
    """Headings tree over a :class:`ReportDocument`."""

    #: The writer picked a heading: go there in the composer.
    headingActivated = Signal(int)
    #: While dragging: what a drop here would do ("" when the drag left or ended).
    dropHint = Signal(str)

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # our own indicator says sibling or child
        self._drop: tuple[QTreeWidgetItem, str] | None = None
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
        if event.key() == Qt.Key.Key_Escape and self._drop is not None:
            self.cancel_drag()
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

    # ------------------------------------------------------------------ drag and drop
    def drop_zone(self, point: QPoint) -> tuple[QTreeWidgetItem, str] | None:
        """(target row, "above" / "below" / "on") for a drop at ``point`` of the viewport."""
        target = self.itemAt(point)
        if target is None:
            return None
        rect = self.visualItemRect(target)
        quarter = max(rect.height() // 4, 2)
        if point.y() < rect.top() + quarter:
            return target, "above"
        if point.y() >= rect.bottom() - quarter:
            return target, "below"
        return target, "on"

    def _allowed(self, zone: tuple[QTreeWidgetItem, str] | None) -> bool:
        source = self.currentItem()
        if zone is None or source is None or zone[0] is source:
            return False
        s_start, s_end = self.rd.section_range(int(source.data(0, BLOCK_ROLE)))
        return not s_start <= int(zone[0].data(0, BLOCK_ROLE)) < s_end

    def describe_drop(self, zone: tuple[QTreeWidgetItem, str]) -> str:
        target, where = zone
        name = target.text(0)
        if where == "above":
            return self.tr("放在“{0}”之前，成为同级章节").format(name)
        if where == "below":
            return self.tr("放在“{0}”之后，成为同级章节").format(name)
        return self.tr("放进“{0}”，成为它的下级（最后一个小节）").format(name)

    def _set_drop(self, zone: tuple[QTreeWidgetItem, str] | None) -> None:
        if zone != self._drop:
            self._drop = zone
            self.viewport().update()
            self.dropHint.emit(self.describe_drop(zone) if zone else "")

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if event.source() is not self:
            event.ignore()
            return
        zone = self.drop_zone(event.position().toPoint())
        if not self._allowed(zone):
            self._set_drop(None)
            event.ignore()
            return
        self._set_drop(zone)
        QToolTip.showText(
            self.viewport().mapToGlobal(event.position().toPoint()), self.describe_drop(zone), self
        )
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._set_drop(None)
        QToolTip.hideText()
        super().dragLeaveEvent(event)

    def cancel_drag(self) -> None:
        """Esc: forget the drop target (Qt ends the drag itself)."""
        self._set_drop(None)
        QToolTip.hideText()

    def startDrag(self, actions) -> None:  # noqa: N802 - Qt override
        """A small label beside the pointer, never over the rows it is dropped on."""
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData([self.indexFromItem(item)]))
        fm = self.fontMetrics()
        text = item.text(0)
        pix = QPixmap(fm.horizontalAdvance(text) + 12, fm.height() + 6)
        pix.fill(QColor(255, 255, 255, 200))
        painter = QPainter(pix)
        painter.setPen(QColor("#333333"))
        painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        drag.setPixmap(pix)
        drag.setHotSpot(QPoint(-16, -12))  # the image sits below right of the pointer
        drag.exec(Qt.DropAction.MoveAction)
        self.cancel_drag()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._drop is None:
            return
        target, where = self._drop
        rect = self.visualItemRect(target)
        painter = QPainter(self.viewport())
        color = QColor("#1a73e8")
        if where == "on":
            painter.setPen(QPen(color, 2))
            fill = QColor(color)
            fill.setAlpha(40)
            painter.fillRect(rect.adjusted(1, 1, -1, -1), fill)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            label = self.tr("成为下级")
            painter.drawText(
                QRect(rect.left(), rect.top(), self.viewport().width() - 6, rect.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        else:
            y = rect.top() if where == "above" else rect.bottom()
            painter.setPen(QPen(color, 3))
            painter.drawLine(rect.left(), y, self.viewport().width(), y)
            painter.setBrush(color)
            painter.drawEllipse(QPoint(rect.left() + 3, y), 4, 4)
        painter.end()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        source = self.currentItem()
        zone = self.drop_zone(event.position().toPoint())
        self._set_drop(None)
        QToolTip.hideText()
        if source is None or event.source() is not self or not self._allowed(zone):
            event.ignore()
            return
        # Never let Qt move the items itself: the tree is rebuilt from the document.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        target, where = zone  # type: ignore[misc]
        self.drop_section(int(source.data(0, BLOCK_ROLE)), int(target.data(0, BLOCK_ROLE)), where)
