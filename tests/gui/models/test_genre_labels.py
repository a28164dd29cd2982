"""Every genre the importer produces has a Chinese and an English name in the library tree."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from eduwriter.core.genre import GENRE_LABELS, GENRES
from eduwriter.core.model import GENRES as MODEL_GENRES
from eduwriter.core.skeletons import GENRE_NAMES
from eduwriter.gui import i18n
from eduwriter.gui.models.library_items import GENRE_ORDER, genre_label


def test_every_importer_genre_has_a_chinese_label_and_a_group(qapp):
    assert set(GENRES) == set(MODEL_GENRES)
    assert set(GENRE_ORDER) == set(GENRES)
    for code in GENRES:
        label = genre_label(code)
        assert label != code and any("\u4e00" <= ch <= "\u9fff" for ch in label), code
        assert GENRE_NAMES[code], code
    assert genre_label("scheme") == GENRE_LABELS["scheme"] == "实施方案"


def test_every_genre_label_has_an_english_translation(tmp_path, qapp):
    qm = i18n.write_qm(i18n.ts_path("en"), tmp_path / "en.qm")
    tr = QTranslator()
    assert tr.load(str(qm))
    for code in GENRES:
        english = tr.translate("LibraryModel", genre_label(code))
        assert english and english.isascii(), code
