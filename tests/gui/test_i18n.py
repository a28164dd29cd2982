"""English works without Qt's tools: the .ts is compiled by our own .qm writer when needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator

from eduwriter.gui import i18n


def test_own_qm_writer_output_is_read_by_qt(tmp_path: Path, qapp):
    qm = i18n.write_qm(i18n.ts_path("en"), tmp_path / "en.qm")
    tr = QTranslator()
    assert tr.load(str(qm))
    assert tr.translate("MainWindow", "文件(&F)") == "&File"
    assert tr.translate("App", "恢复报告") == "Restore report"
    assert tr.translate("MainWindow", "不存在的字符串") == ""


def test_missing_bundled_qm_is_built_into_the_cache(tmp_path: Path, monkeypatch, isolated_data):
    ts_dir = tmp_path / "translations"
    ts_dir.mkdir()
    (ts_dir / "eduwriter_en.ts").write_bytes(i18n.ts_path("en").read_bytes())
    monkeypatch.setattr(i18n, "translations_dir", lambda: ts_dir)
    qm = i18n.qm_for("en")
    assert qm is not None and qm.exists()
    assert str(qm).startswith(str(isolated_data))


def test_every_english_string_is_translated():
    _lang, messages = i18n.read_ts(i18n.ts_path("en"))
    import xml.etree.ElementTree as ET

    total = len(list(ET.parse(i18n.ts_path("en")).getroot().iter("message")))
    assert len(messages) == total > 200
