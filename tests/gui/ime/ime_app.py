"""The app under a real input method (started by test_ibus.py): opens a report, then every
150 ms writes what the writer sees to a JSON file and obeys one command from a command file
(``goto BLOCK OFFSET``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from eduwriter.compose.markdown_io import read_report
from eduwriter.gui.files import FileController
from eduwriter.gui.main_window import MainWindow
from eduwriter.gui.settings import Settings


def main() -> None:
    report, state_path, command_path = (Path(a) for a in sys.argv[1:4])
    FileController.ask_save_changes = lambda self: "discard"
    app = QApplication(sys.argv[:1])
    win = MainWindow(Settings())
    win.resize(1000, 700)
    win.move(0, 0)
    win.rd.set_report(read_report(report))
    win.show()
    win.activateWindow()
    win.composer.setFocus()
    done: set[str] = set()

    def tick() -> None:
        c = win.composer
        if command_path.exists():
            line = command_path.read_text(encoding="utf-8").strip()
            if line and line not in done:
                done.add(line)
                _cmd, block, offset = line.split()[:3]
                blk = win.rd.block(int(block))
                cur = QTextCursor(blk)
                cur.setPosition(blk.position() + min(int(offset), blk.length() - 1))
                c.setTextCursor(cur)
                c.setFocus()
        popup = win.autocomplete.popup
        geo = popup.geometry()
        state = {
            "blocks": [win.rd.block(n).text() for n in range(win.rd.doc.blockCount())],
            "levels": win.rd.levels(),
            "preedit": c.preedit,
            "popup": popup.isVisible(),
            "popup_rect": [geo.x(), geo.y(), geo.width(), geo.height()],
            "screen": c.screen().geometry().width(),
            "selected": c.textCursor().selectedText(),
            "block": c.textCursor().blockNumber(),
            "suggest_ready": bool(len(win.autocomplete.index)),
            "done": sorted(done),
        }
        tmp = state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        tmp.replace(state_path)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(150)
    app.exec()


if __name__ == "__main__":
    main()
