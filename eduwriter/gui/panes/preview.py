"""公文预览 (F5): A4 pages as the DOCX prints them, following the text as it is typed.

The pages come from :func:`eduwriter.gui.panes.page_layout.lay_out` (the exporter's render
form and layout figures), computed off the GUI thread by a :class:`BackgroundJob` a moment
after the last keystroke. This module only paints them: each character on the 28 × 22 grid in
the font the export writes for its role (or the first of that font's named fallbacks this
computer has, said in the tool bar), "— N —" page numbers at the foot (odd pages right, even
pages left), with zoom and page navigation. The view scrolls to the composer's paragraph.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eduwriter.export import gbt9704 as L
from eduwriter.export.fonts import FONT_ALIASES, FontSet
from eduwriter.gui.editor.report_format import TITLE
from eduwriter.gui.editor.report_model import ReportDocument
from eduwriter.gui.panes.page_layout import (
    Page,
    lay_out,
    page_of_source,
    preview_font_set,
)
from eduwriter.gui.workers import BackgroundJob

#: What stands in for a font this computer lacks, by its look (宋/仿宋/楷 serif, 黑 sans).
_FALLBACKS = {
    "hei": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei"),
    "song": ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "SimSun"),
}
_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
_GAP = 16  # pixels between pages
_DEBOUNCE_MS = 400


def _tr(text: str) -> str:
    return QCoreApplication.translate("Preview", text)


def role_font(fonts: FontSet, role: str) -> str:
    """The Chinese font name the export writes for a span role."""
    if role == "title":
        return fonts.title
    if role.startswith("h"):
        return fonts.heading(int(role[1:]))
    return fonts.body


def screen_font(name: str) -> tuple[QFont, str]:
    """A QFont for the export font ``name`` and the family it will really show in: the font
    itself, one of its Latin names, else a named stand-in of the same look."""
    installed = set(QFontDatabase.families())
    look = "hei" if name in ("黑体",) else "song"
    candidates = [name, *FONT_ALIASES.get(name, ())[:1], *_FALLBACKS[look]]
    family = next((c for c in candidates if c in installed), candidates[0])
    font = QFont()
    font.setFamilies(candidates)
    font.setStyleHint(QFont.StyleHint.SansSerif if look == "hei" else QFont.StyleHint.Serif)
    return font, (family if family in installed else QFontInfo(font).family())


class PageView(QWidget):
    """The pages, one under the other, painted at ``zoom`` (1.0 = real size on screen)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pages")
        self.pages: list[Page] = []
        self.zoom = 1.0
        self.bold_title = False
        self.fonts: FontSet = preview_font_set("installed")
        self._px_per_pt = self.logicalDpiX() / 72.0
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#8a8a8a"))
        self.setPalette(pal)

    # geometry, in pixels at the current zoom
    def pt(self, twips: float) -> float:
        return twips / 20.0 * self._px_per_pt * self.zoom

    def page_size(self) -> QSize:
        return QSize(round(self.pt(L.PAGE_WIDTH)), round(self.pt(L.PAGE_HEIGHT)))

    def page_top(self, index: int) -> int:
        return _GAP + index * (self.page_size().height() + _GAP)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        size = self.page_size()
        n = max(len(self.pages), 1)
        return QSize(size.width() + 2 * _GAP, _GAP + n * (size.height() + _GAP))

    def set_pages(self, pages: list[Page]) -> None:
        self.pages = pages
        self.resize(self.sizeHint())
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.resize(self.sizeHint())
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        size = self.page_size()
        left = max(_GAP, (self.width() - size.width()) // 2)
        for i, page in enumerate(self.pages):
            top = self.page_top(i)
            rect = QRectF(left, top, size.width(), size.height())
            if not rect.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(3, 3), QColor("#5a5a5a"))
            painter.fillRect(rect, QColor("#ffffff"))
            self._paint_page(painter, page, rect)
        painter.end()

    def _font(self, role: str) -> QFont:
        font, _family = screen_font(role_font(self.fonts, role))
        size = 22 if role == "title" else 16
        font.setPixelSize(max(1, round(size * self._px_per_pt * self.zoom)))
        if role == "title" and self.fonts.title_bold:
            font.setBold(True)
        return font

    def _paint_page(self, painter: QPainter, page: Page, rect: QRectF) -> None:
        x0 = rect.left() + self.pt(L.MARGIN_LEFT)
        y0 = rect.top() + self.pt(L.MARGIN_TOP)
        cell = self.pt(L.CHAR_WIDTH)
        pitch = self.pt(L.LINE_PITCH)
        width = self.pt(L.TEXT_WIDTH)
        painter.setPen(QColor("#000000"))
        fonts: dict[str, QFont] = {}
        for k, line in enumerate(page.lines):
            if line is None:
                continue
            base = y0 + k * pitch + pitch * 0.78
            spans = line.spans
            units = [(ch, s.font) for s in spans for ch in s.text]
            step = [
                (self.pt(L.SIZE_TITLE * 10) if f == "title" else cell) * _width(ch)
                for ch, f in units
            ]
            total = sum(step)
            if line.align == "center":
                x = x0 + (width - total) / 2
            elif line.align == "right":
                x = x0 + width - line.right * cell - total
            else:
                x = x0 + line.x * cell
            for (ch, role), w in zip(units, step, strict=True):
                font = fonts.get(role)
                if font is None:
                    font = fonts[role] = self._font(role)
                painter.setFont(font)
                painter.drawText(QPointF(x, base), ch)
                x += w
        number = page.page_number_text
        font = self._font("body")
        font.setPixelSize(max(1, round(14 * self._px_per_pt * self.zoom)))
        painter.setFont(font)
        fm_w = painter.fontMetrics().horizontalAdvance(number)
        y = rect.bottom() - self.pt(L.FOOTER_DISTANCE) + self.pt(280)
        indent = self.pt(L.PAGE_NUMBER_INDENT)
        if page.number % 2:
            x = rect.left() + self.pt(L.MARGIN_LEFT) + width - indent - fm_w
        else:
            x = rect.left() + self.pt(L.MARGIN_LEFT) + indent
        painter.drawText(QPointF(x, y), number)


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


class PreviewDialog(QDialog):
    """公文预览: a window beside the composer that follows the report as it is typed."""

    def __init__(self, rd: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rd = rd
        self.setObjectName("previewDialog")
        self.setWindowTitle(_tr("公文预览"))
        self.resize(900, 1000)
        self.view = PageView(self)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("preview")
        self.scroll.setWidget(self.view)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidgetResizable(False)
        bar = QHBoxLayout()
        self.prev_btn = QPushButton(_tr("上一页"), self)
        self.next_btn = QPushButton(_tr("下一页"), self)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.zoom_out = QPushButton("−", self)
        self.zoom_in = QPushButton("+", self)
        self.zoom_label = QLabel(self)
        self.font_label = QLabel(self)
        self.font_label.setObjectName("fontLabel")
        self.font_label.setWordWrap(True)
        self.zoom_out.setToolTip(_tr("缩小（Ctrl+-）"))
        self.zoom_in.setToolTip(_tr("放大（Ctrl+=）"))
        self.zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in.setShortcut(QKeySequence("Ctrl+="))
        self.prev_btn.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next_btn.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        for w in (self.prev_btn, self.page_label, self.next_btn):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (self.zoom_out, self.zoom_label, self.zoom_in):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.font_label, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.scroll, 1)
        self.prev_btn.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_btn.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_page_number)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        rd.contentChanged.connect(self._timer.start)
        rd.metaChanged.connect(self._timer.start)
        self._job: BackgroundJob | None = None
        self._again = False
        self._follow: int | None = None
        self._apply_options()
        self._show_zoom()
        self.refresh()

    # ------------------------------------------------------------------ options
    def _apply_options(self) -> None:
        settings = getattr(self.parent(), "settings", None)
        opts = settings.export_options() if settings is not None else {}
        self.view.fonts = preview_font_set(str(opts.get("fonts") or "installed"))
        shown = []
        latin = _tr("字体：") != "字体："  # a Latin-script interface names fonts in Latin
        for role in ("title", "body", "h1", "h2"):
            name = role_font(self.view.fonts, role)
            _font, family = screen_font(name)
            label = FONT_ALIASES.get(name, (name,))[0] if latin else name
            if family == name or family in FONT_ALIASES.get(name, ()):
                shown.append(label)
            else:
                shown.append(_tr("{0}（本机没有，以 {1} 代替）").format(label, family))
        self.font_label.setText(_tr("字体：") + _tr("；").join(dict.fromkeys(shown)))

    # ------------------------------------------------------------------ layout off the GUI thread
    def refresh(self) -> None:
        """Lay the report out again in the background (a running layout finishes first)."""
        if self._job is not None and self._job.is_running():
            self._again = True
            return
        report = self.rd.to_report()
        self._job = BackgroundJob(lambda _progress, _cancelled: lay_out(report), self)
        self._job.finished.connect(self._laid_out)
        self._job.done.connect(self._job_done)
        self._job.start()

    def _job_done(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _laid_out(self, pages: object) -> None:
        self.view.set_pages(list(pages))  # type: ignore[arg-type]
        self._show_page_number()
        if self._follow is not None:
            self.follow_block(self._follow)

    def wait(self, msecs: int = 10000) -> bool:
        """Block until the running layout is done (for tests and screenshots)."""
        return self._job is None or self._job.wait(msecs)

    # ------------------------------------------------------------------ navigation
    def page_count(self) -> int:
        return len(self.view.pages)

    def current_page(self) -> int:
        """0-based index of the page at the top of the view."""
        h = self.view.page_size().height() + _GAP
        return min(max(self.scroll.verticalScrollBar().value() // max(h, 1), 0), self.page_count())

    def go_to_page(self, index: int, line: int = 0) -> None:
        index = min(max(index, 0), max(self.page_count() - 1, 0))
        y = self.view.page_top(index) - _GAP
        if line:
            y += round(self.view.pt(L.MARGIN_TOP) + line * self.view.pt(L.LINE_PITCH)) - 40
        self.scroll.verticalScrollBar().setValue(y)
        self._show_page_number()

    def step_zoom(self, step: int) -> None:
        near = min(range(len(_ZOOMS)), key=lambda i: abs(_ZOOMS[i] - self.view.zoom))
        page = self.current_page()
        self.view.set_zoom(_ZOOMS[min(max(near + step, 0), len(_ZOOMS) - 1)])
        self._show_zoom()
        self.go_to_page(page)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.view.zoom * 100)}%")

    def _show_page_number(self, *_args: object) -> None:
        n = self.page_count()
        cur = min(self.current_page() + 1, n)
        self.page_label.setText(_tr("第 {0} / {1} 页").format(cur, n))
        self.prev_btn.setEnabled(cur > 1)
        self.next_btn.setEnabled(cur < n)

    def follow_block(self, block_number: int) -> None:
        """Scroll to where the composer's paragraph ``block_number`` prints."""
        self._follow = block_number
        if not self.view.pages:
            return
        page, line = page_of_source(self.view.pages, render_index(self.rd, block_number))
        self.go_to_page(page, line)

    def text(self) -> str:
        """Every page's lines as plain text (what the writer reads), pages split by a form feed."""
        return "\f".join(p.text() for p in self.view.pages)


def render_index(rd: ReportDocument, block_number: int) -> int:
    """The index in :func:`~eduwriter.compose.render.render`'s output of the composer's block
    ``block_number`` (what :meth:`ReportDocument.to_report` keeps of the blocks before it)."""
    report_has_title = bool(rd.doc.begin().text().strip())
    index = int(report_has_title) + int(bool(rd.meta.recipient.strip()))
    if block_number == 0:
        return 0
    block = rd.doc.begin().next()
    while block.isValid() and block.blockNumber() < block_number:
        if rd.kind_of(block) > 0 or (block.text().strip() and rd.kind_of(block) != TITLE):
            index += 1
        block = block.next()
    return index
