"""UI language: Simplified Chinese (the source language of every string) or English.

The English strings live in ``resources/translations/eduwriter_en.ts`` (Qt Linguist XML,
in the repository). Qt loads compiled ``.qm`` files; they are build products and not in git:

* ``scripts/build_translations.py`` compiles them next to the ``.ts`` (with ``pyside6-lrelease``
  when it is installed, else with :func:`write_qm` below);
* at run time, when the bundled ``.qm`` is missing or older than its ``.ts`` (a pip install from
  source), :func:`qm_for` compiles it into the user cache with :func:`write_qm` — so English
  works in every kind of install without Qt's tools.

For Chinese the app also loads Qt's own ``qtbase_zh_CN.qm`` so standard buttons and file
dialogs speak Chinese.
"""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from eduwriter.resources_path import resources_dir

LANGUAGES = ("zh_CN", "en")
_QM_MAGIC = bytes(
    [0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD]
)
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8
_SEC_HASHES, _SEC_MESSAGES, _SEC_LANGUAGE = 0x42, 0x69, 0xA7

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(lang: str) -> Path:
    return translations_dir() / f"eduwriter_{lang}.ts"


# ---------------------------------------------------------------------------------- .qm writer
def _elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def read_ts(path: Path) -> tuple[str, list[tuple[str, str, str, str]]]:
    """(language, [(context, source, comment, translation)]) of finished translations."""
    root = ET.parse(path).getroot()
    language = root.get("language", "")
    out: list[tuple[str, str, str, str]] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            comment = msg.findtext("comment") or ""
            tr_el = msg.find("translation")
            if tr_el is None:
                continue
            kind = tr_el.get("type", "")
            text = tr_el.text or ""
            if kind in ("unfinished", "vanished", "obsolete") or not text:
                continue
            out.append((name, source, comment, text))
    return language, out


def qm_bytes(language: str, messages: list[tuple[str, str, str, str]]) -> bytes:
    """A Qt .qm file (the subset QTranslator needs: hashes, messages, language)."""
    body = bytearray()
    hashes: list[tuple[int, int]] = []
    for context, source, comment, translation in messages:
        offset = len(body)
        t = translation.encode("utf-16-be")
        body += struct.pack(">BI", _TAG_TRANSLATION, len(t)) + t
        for tag, value in ((_TAG_SOURCE, source), (_TAG_CONTEXT, context), (_TAG_COMMENT, comment)):
            raw = value.encode("utf-8")
            body += struct.pack(">BI", tag, len(raw)) + raw
        body += bytes([_TAG_END])
        hashes.append((_elf_hash((source + comment).encode("utf-8")), offset))
    hashes.sort()
    hash_block = b"".join(struct.pack(">II", h, o) for h, o in hashes)
    lang = language.encode("utf-8")
    out = bytearray(_QM_MAGIC)
    out += struct.pack(">BI", _SEC_LANGUAGE, len(lang)) + lang
    out += struct.pack(">BI", _SEC_HASHES, len(hash_block)) + hash_block
    out += struct.pack(">BI", _SEC_MESSAGES, len(body)) + body
    return bytes(out)


def write_qm(ts: Path, qm: Path) -> Path:
    """Compile a .ts file into a .qm file (atomically)."""
    language, messages = read_ts(ts)
    data = qm_bytes(language, messages)
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".qm.tmp")
    tmp.write_bytes(data)
    tmp.replace(qm)
    return qm


def qm_for(lang: str) -> Path | None:
    """The .qm to load for ``lang``: the bundled one, else one built into the user cache."""
    ts = ts_path(lang)
    bundled = translations_dir() / f"eduwriter_{lang}.qm"
    if bundled.exists() and (not ts.exists() or bundled.stat().st_mtime >= ts.stat().st_mtime):
        return bundled
    if not ts.exists():
        return bundled if bundled.exists() else None
    from eduwriter.gui.settings import cache_dir

    cached = cache_dir() / "translations" / f"eduwriter_{lang}.qm"
    try:
        if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
            write_qm(ts, cached)
    except (OSError, ET.ParseError):
        return bundled if bundled.exists() else None
    return cached


# ---------------------------------------------------------------------------------- install
class MnemonicFallback(QTranslator):
    """Qt's own strings whose mnemonic moved after the shipped catalogue was made.

    Qt 6.12's file dialog says "&Look in:" and "Files of &type:" while qtbase_zh_CN.qm only
    knows "Look in:" and "Files of type:", so the Chinese file dialog showed English labels.
    For a Qt string with "&" that qtbase cannot translate, look it up without the "&" and put
    the mnemonic back in the Chinese way (查找范围(&L)：)."""

    def __init__(self, base: QTranslator, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._base = base

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(  # noqa: D102 - Qt override
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null QString), not "": Qt stops at the first non-null answer.
        if not source or "&" not in source or not context.startswith("Q"):
            return None
        i = source.find("&")
        if i + 1 >= len(source) or not source[i + 1].isalnum():
            return None
        plain = source[:i] + source[i + 1 :]
        found = self._base.translate(context, plain, disambiguation, n)
        if not found or found == plain or "&" in found:
            return found or None
        key = source[i + 1].upper()
        colon = found[-1] if found[-1] in ":：" else ""
        return f"{found[: len(found) - len(colon)]}(&{key}){colon}"


#: The locale whose date and time formats go with each UI language.
TIME_LOCALES = {"zh_CN": "zh_CN.UTF-8", "en": "en_US.UTF-8"}


def use_time_locale(lang: str) -> bool:
    """Make dates in Qt's own widgets (the file dialog's 修改日期) follow the UI language.

    Qt's file dialog formats dates with the *system* locale, which Qt reads from the
    environment once, when the application object is made; on a machine set to the C locale
    that gave "4 12 2026 13:56". Call before ``QApplication`` exists; returns False after."""
    if QCoreApplication.instance() is not None:
        return False
    os.environ["LC_TIME"] = TIME_LOCALES.get(lang, TIME_LOCALES["zh_CN"])
    return True


def install_translator(lang: str) -> bool:
    """Load the UI language into the running application (replacing a previous one).

    Widgets built afterwards use it; the main window asks for a restart after a change.
    Returns True when a translation was loaded (or none is needed: Chinese)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "zh_CN"
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if lang == "zh_CN" else QLocale.Language.English)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "zh_CN":
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            # Asked only when qtbase has no translation (installed first = searched last).
            fallback = MnemonicFallback(qt, app)
            app.installTranslator(fallback)
            app.installTranslator(qt)
            _installed.extend([fallback, qt])
        return True
    qt = QTranslator(app)
    if qt.load("qtbase_en", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    qm = qm_for(lang)
    if qm is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
