"""公文预览 as the writer sees it: A4 pages, page numbers, no hints, zoom and page navigation,
following the text as it is typed and the composer's paragraph."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from eduwriter.compose.report import Report, ReportBlock
from eduwriter.export import gbt9704 as L


def _long_report() -> Report:
    blocks = []
    for i in range(1, 7):
        blocks.append(ReportBlock("heading", f"第{i}部分", level=1))
        blocks += [ReportBlock("paragraph", "认真落实各项工作要求，" * 8) for _ in range(3)]
    blocks.append(ReportBlock("paragraph", "【在此写明保障措施】", hint=True))
    return Report(title="上半年工作总结", blocks=blocks)


def _open(window, qtbot):
    window.composer.go_to_block(0)
    window.act_preview.trigger()
    dialog = window._preview_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=5000)
    return dialog


def test_preview_shows_a4_pages_with_page_numbers_and_no_hints(window, qtbot):
    window.rd.set_report(_long_report())
    dialog = _open(window, qtbot)
    assert dialog.page_count() >= 3
    assert "在此写明" not in dialog.text()
    size = dialog.view.page_size()
    assert abs(size.height() / size.width() - 297 / 210) < 0.01
    assert dialog.page_label.text() == f"第 1 / {dialog.page_count()} 页"
    # the page is white paper with black type inside the 版心 and the number at the foot
    image = dialog.view.grab().toImage()
    left = (dialog.view.width() - size.width()) // 2
    assert image.pixelColor(left + 5, 16 + 5) == QColor("#ffffff")
    body_y = 16 + round(dialog.view.pt(L.MARGIN_TOP + L.LINE_PITCH * 2.6))
    row = [image.pixelColor(x, body_y).lightness() for x in range(left, left + size.width())]
    assert min(row) < 128


def test_page_navigation_and_zoom(window, qtbot):
    window.rd.set_report(_long_report())
    dialog = _open(window, qtbot)
    width = dialog.view.page_size().width()
    qtbot.mouseClick(dialog.next_btn, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text().startswith("第 2 /")
    qtbot.mouseClick(dialog.zoom_in, Qt.MouseButton.LeftButton)
    assert dialog.zoom_label.text() == "125%"
    assert dialog.view.page_size().width() > width
    assert dialog.page_label.text().startswith("第 2 /")  # zoom keeps the page


def test_preview_follows_typing_and_the_composer(window, qtbot):
    window.rd.set_report(_long_report())
    dialog = _open(window, qtbot)
    composer = window.composer
    composer.go_to_block(1)
    cur = composer.textCursor()
    cur.insertText("新写的一句话。")
    qtbot.waitUntil(lambda: "新写的一句话。" in dialog.text(), timeout=5000)
    last_heading = max(h.block for h in window.rd.headings())
    composer.go_to_block(last_heading)
    qtbot.waitUntil(lambda: dialog.current_page() == dialog.page_count() - 1, timeout=3000)
    assert dialog.page_label.text() == f"第 {dialog.page_count()} / {dialog.page_count()} 页"


def test_preview_names_the_fonts_it_shows(window, qtbot):
    window.rd.set_report(Report(title="标题", blocks=[ReportBlock("paragraph", "正文。")]))
    dialog = _open(window, qtbot)
    label = dialog.font_label.text()
    assert label.startswith("字体：") and "仿宋" in label and "宋体" in label
