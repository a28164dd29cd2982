"""Messages from the library and the importer, as the writer should read them.

Store and importer errors carry a Chinese message (``message_zh``) and often an English one
(``message_en``) or a trailing English gloss: show the one of the interface language.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale


def ui_is_english() -> bool:
    """True when the UI runs in English (``i18n.install_translator`` sets the default locale)."""
    return QLocale().language() == QLocale.Language.English


#: A trailing English gloss in parentheses: "无法读取：文件是空的 (empty file)".
_GLOSS_RE = re.compile(r"[\s]*[(（]([A-Za-z][\x20-\x7e]*)[)）][\s。.]*$")


def english_gloss(message: str) -> str:
    """The English part of a Chinese-first message ("… (binary file)" → "binary file"), or ""."""
    match = _GLOSS_RE.search(message or "")
    return match.group(1).strip() if match else ""


def ui_message(message: str, english: bool | None = None) -> str:
    """A store / importer message as the writer should read it: as given in Chinese; in English
    its trailing English gloss when it has one (else the message as given)."""
    if english is None:
        english = ui_is_english()
    if english:
        gloss = english_gloss(message)
        if gloss:
            return gloss[:1].upper() + gloss[1:]
    return message


def exception_message(exc: BaseException) -> str:
    """The user-facing text of a library error in the UI language (``message_zh``/``message_en``)."""
    zh = getattr(exc, "message_zh", None)
    en = getattr(exc, "message_en", None)
    if ui_is_english():
        return str(en or (ui_message(zh) if zh else exc))
    return str(zh or exc)
