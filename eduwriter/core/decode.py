"""Bytes -> text: detect the encoding of a 范文 file and refuse binary files.

Order of attempts: a byte-order mark (UTF-8/UTF-16/UTF-32), strict UTF-8, UTF-16 without
a BOM (recognised by its zero bytes), strict GB18030 (a superset of GBK and GB2312, the usual
encoding of Chinese Windows files), Big5, and finally charset-normalizer, whose guess is
accepted only when the decoded text looks like real text.

Binary data is refused with a message saying so, from general signals only: magic numbers of
common formats, NUL bytes outside a UTF-16 layout, C0 control bytes (never produced by UTF-8,
GB18030 or Big5 text), text decoded from UTF-16/UTF-32 that is full of control or unassigned
characters, and — when no encoding fits — bytes that are undecodable under both UTF-8 and
GB18030 and that charset-normalizer cannot read without chaos.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

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
# The same as bytes, plus DEL: no byte of UTF-8, GB18030 or Big5 text is one of these.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
#: More control bytes than this share of the first 64 KB: binary (text files have none).
CONTROL_BYTE_SHARE = 0.01
#: Share of garbage characters (undecodable, control, private-use, unassigned) when read as
#: UTF-8 and as GB18030, above which data that fits no encoding is called binary rather than
#: "unknown encoding". Random bytes give 0.5+ and 0.1+; damaged text a few per cent at most.
GARBAGE_SHARE_UTF8 = 0.1
GARBAGE_SHARE_GB = 0.05
_CJK = re.compile(r"[\u3400-\u9fff]")
_DAMAGE = re.compile("\ufffd+")


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
    if _utf16_guess(head) is not None:
        return None  # judged after decoding (see decode_bytes)
    if b"\x00" in head:
        return _binary_message()
    sample = data[:65536]
    if len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) * CONTROL_BYTE_SHARE):
        if _utf16_cjk(data) is not None:
            return None  # Chinese UTF-16 without BOM has such bytes (see decode_bytes)
        return _binary_message()
    return None


def _garbage_share(data: bytes, codec: str) -> float:
    """Share of the characters of ``data`` decoded leniently by ``codec`` that are garbage:
    undecodable bytes (U+FFFD), control, private-use or unassigned characters."""
    text = data[:65536].decode(codec, errors="replace")
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        if ch == "\ufffd" or (
            ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")
        ):
            bad += 1
    return bad / len(text)


def _utf16_guess(head: bytes) -> str | None:
    """Guess UTF-16 without BOM: from where the zero bytes sit (ASCII-heavy text), or, for
    CJK-heavy text with a few zero bytes (from digits and ASCII), from which byte order
    decodes to plausible text."""
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
    if b"\x00" not in head:
        return None
    chunk = head[: len(head) // 2 * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        text = chunk.decode(codec, errors="replace")
        if (
            text.count("\ufffd") <= 1
            and len(_CJK.findall(text)) * 2 >= len(text)
            and _plausible(text)
        ):
            return codec
    return None


#: Share of CJK characters (ideographs and CJK punctuation) above which bytes without zero
#: bytes and without a BOM are read as UTF-16: GB18030 or Big5 bytes read as UTF-16 give
#: Hangul, surrogates and private-use characters, never ideographs.
UTF16_CJK_SHARE = 0.8
_CJK_OR_PUNCT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_NOT_SPACE = re.compile(r"\S")
#: Characters that are neither ASCII, CJK, CJK punctuation/full-width nor common symbols.
_ODD = re.compile(
    "[^\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2000-\u206f"
    "\u00a0\u00b7\u00d7\u2460-\u24ff]"
)


def _utf16_cjk(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` for UTF-16 without BOM and without zero bytes (text of Chinese
    characters only, such as one line of 中文), judged by the share of CJK characters."""
    if len(data) < 4 or len(data) % 2 or b"\x00" in data[:8192]:
        return None
    for codec in ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        visible = len(_NOT_SPACE.findall(text, 0, 20000))
        cjk = len(_CJK_OR_PUNCT.findall(text, 0, 20000))
        if visible and cjk >= visible * UTF16_CJK_SHARE and _plausible(text):
            return text, codec
    return None


def _plausible(text: str) -> bool:
    """Text decoded by a guessed codec must not be full of control or odd characters."""
    if not text:
        return True
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 200):
        return False
    odd = len(_ODD.findall(sample))
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
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"无法读取：文件以 {name} 标记开头，但内容不是有效的 {name} ({exc.reason})"
                ) from exc
            if not _plausible(text):
                raise DecodeError(_binary_message())
            return text, name
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
    damaged = len(_DAMAGE.findall(text))  # damaged spots: one bad byte may give 3 U+FFFD
    if damaged <= max(3, len(data) // 2000) and _CJK.search(text) and _plausible(text):
        return text, "UTF-8"
    cjk16 = _utf16_cjk(data)
    if cjk16 is not None:
        return cjk16[0], "UTF-16"
    guess = _utf16_guess(data[:8192])
    if guess:
        try:
            text = data.decode(guess)
        except UnicodeDecodeError:
            text = None
        # zero bytes in a UTF-16 layout: real text, or a binary record format
        if text is None or not _plausible(text):
            raise DecodeError(_binary_message())
        return text, "UTF-16"
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
    # charset-normalizer found nothing or only chaos, and neither UTF-8 nor GB18030 reads the
    # bytes as anything but garbage: binary (a Latin-1 or Shift-JIS file is "unknown encoding")
    if (
        (best is None or best.chaos >= 0.3)
        and _garbage_share(data, "utf-8") > GARBAGE_SHARE_UTF8
        and _garbage_share(data, "gb18030") > GARBAGE_SHARE_GB
    ):
        raise DecodeError(_binary_message())
    raise DecodeError(
        "无法读取：无法识别文本编码（不是 UTF-8、GB18030/GBK 或 UTF-16） (unknown encoding)"
    )
