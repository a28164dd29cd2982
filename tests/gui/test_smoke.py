"""The bundle smoke watch: reports the main window, closes it, and exits with a clear code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import sys
from eduwriter.gui.smoke import start_from_environment
assert start_from_environment()
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
app = QApplication(sys.argv)
w = QMainWindow() if sys.argv[1] == "main" else QWidget()
w.setWindowTitle("草稿")
w.show()
sys.exit(app.exec())
"""


def _run(kind: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env)
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, kind],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_main_window_is_reported_then_closed() -> None:
    result = _run("main", EDUWRITER_SMOKE_QUIT_MS="200")
    assert result.returncode == 0, result.stderr
    assert "EDUWRITER-SMOKE window-shown class=QMainWindow title='草稿'" in result.stdout
    assert "EDUWRITER-SMOKE window-closed" in result.stdout


def test_no_main_window_fails_with_code_3() -> None:
    result = _run("plain", EDUWRITER_SMOKE_QUIT_MS="200", EDUWRITER_SMOKE_TIMEOUT_MS="800")
    assert result.returncode == 3
    assert "EDUWRITER-SMOKE no-window" in result.stdout
