"""Bytes -> text: detect the encoding of a 范文 file and refuse binary files.

Order of attempts: a byte-order mark (UTF-8/UTF-16/UTF-32), strict UTF-8, UTF-16 without
a BOM (recognised by its zero bytes), strict GB18030 (a superset of GBK and GB2312, the usual
encoding of Chinese Windows files), Big5, and finally charset-normalizer, whose guess is
accepted only when the decoded text looks like real text.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]


class DecodeError(ValueError):
    """The bytes are not text, or their encoding could not be recognised.

    ``str(err)`` is a one-line message for the user (Chinese first).
    """


#: Magic numbers of common binary formats a user might pick by mistake.
_MAGIC = (
    (b"%PDF", "PDF 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"PK\x03\x04", "ZIP 压缩包（或 Office 文档）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文档（.doc/.xls）"),
    (b"\x7fELF", "程序文件"),
    (b"MZ", "程序文件"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"SQLite format 3", "SQLite 数据库"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8-SIG"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# C0 control characters other than tab, LF, CR, FF, ESC/SUB (seen in old DOS text).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _binary_message(kind: str = "") -> str:
    what = f"（{kind}）" if kind else ""
    return (
        f"无法读取：这是二进制文件{what}，不是文本，请另存为 .txt 或 .docx 后再导入 (binary file)"
    )


def looks_binary(data: bytes) -> str | None:
    """Return a message when ``data`` is clearly not text, else ``None``."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic == b"MZ" and len(head) > 2 and head[2:3].isalpha():
                continue  # "MZ" can begin a plain-text line
            return _binary_message(kind)
    if any(head.startswith(bom) for bom, _, _ in _BOMS):
        return None
    if b"\x00" in head and _utf16_guess(head) is None:
        return _binary_message()
    return None


def _utf16_guess(head: bytes) -> str | None:
    """Guess UTF-16 without BOM from where the zero bytes sit (ASCII-heavy text)."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    zeros_even = even.count(0) / max(len(even), 1)
    zeros_odd = odd.count(0) / max(len(odd), 1)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Text decoded by a guessed codec must not be full of control or odd characters."""
    if not text:
        return True
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 200):
        return False
    # Characters that are neither ASCII, CJK, CJK punctuation/full-width nor common symbols.
    odd = 0
    for ch in sample:
        o = ord(ch)
        if o < 0x80 or 0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF:
            continue
        if 0x2000 <= o <= 0x206F or o in (0xA0, 0xB7, 0xD7, 0x2460) or 0x2460 <= o <= 0x24FF:
            continue
        odd += 1
    return odd <= len(sample) * 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)``.

    Raises :class:`DecodeError` for binary data or an unrecognised encoding.
    """
    message = looks_binary(data)
    if message:
        raise DecodeError(message)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"无法读取：文件以 {name} 标记开头，但内容不是有效的 {name} ({exc.reason})"
                ) from exc
    try:
        text = data.decode("utf-8")
        if _plausible(text):
            return text, "UTF-8"
        raise DecodeError(_binary_message())
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes (a file cut in the middle of a character, a stray byte):
    # decoding it as GB18030 would turn the whole text into plausible-looking nonsense.
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if damaged <= max(3, len(data) // 2000) and _CJK.search(text) and _plausible(text):
        return text, "UTF-8"
    guess = _utf16_guess(data[:8192])
    if guess:
        try:
            return data.decode(guess), "UTF-16"
        except UnicodeDecodeError:
            pass
    for codec, name in (("gb18030", "GB18030"), ("big5", "Big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, name
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200000]).best()
    except Exception:  # pragma: no cover - library failure is treated as "unknown"
        best = None
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _plausible(text) and best.chaos < 0.3:
            return text, best.encoding.upper()
    raise DecodeError(
        "无法读取：无法识别文本编码（不是 UTF-8、GB18030/GBK 或 UTF-16） (unknown encoding)"
    )
