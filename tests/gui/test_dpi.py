"""High-DPI: fractional scale factors (125 %, 150 %) pass through; the user's override wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
from PySide6.QtGui import QGuiApplication
from eduwriter.gui.dpi import configure_high_dpi
configure_high_dpi()
app = QGuiApplication([])
print(QGuiApplication.highDpiScaleFactorRoundingPolicy().name)
"""


def _policy(**env: str) -> str:
    full = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env)
    full.pop("QT_SCALE_FACTOR_ROUNDING_POLICY", None)
    full.update(env)
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=full, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_fractional_scaling_passes_through() -> None:
    assert _policy() == "PassThrough"


def test_users_rounding_policy_is_respected() -> None:
    assert _policy(QT_SCALE_FACTOR_ROUNDING_POLICY="Round") == "Round"


def test_calling_after_the_app_exists_is_harmless(qapp, qtlog, monkeypatch) -> None:
    """Too late to change the policy: it is left as it is and Qt has nothing to warn about."""
    from PySide6.QtGui import QGuiApplication

    from eduwriter.gui.dpi import configure_high_dpi

    monkeypatch.delenv("QT_SCALE_FACTOR_ROUNDING_POLICY", raising=False)
    monkeypatch.delenv("QT_SCALE_FACTOR", raising=False)
    before = QGuiApplication.highDpiScaleFactorRoundingPolicy()
    configure_high_dpi()
    assert QGuiApplication.highDpiScaleFactorRoundingPolicy() == before
    assert not [r.message for r in qtlog.records if "RoundingPolicy" in r.message]
