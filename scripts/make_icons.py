"""Draw the EduWriter application icon: a red rounded square with a white 文.

Writes ``resources/icons/eduwriter.png`` (256 px) and ``resources/icons/eduwriter.ico``
(16, 24, 32, 48, 64, 128 px as 32-bit bitmaps plus 256 px as PNG, the layout Windows
Explorer and Inno Setup read). Needs only PySide6 (QPainter on an offscreen QImage) and a bold
CJK font (Noto Sans CJK SC on Linux, Microsoft YaHei/SimHei on Windows).

    QT_QPA_PLATFORM=offscreen python scripts/make_icons.py [--out resources/icons]

The outputs are committed; run this only to change the design.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
)

RED = QColor("#C8102E")  # the red of official document headers (红头)
WHITE = QColor("#FFFFFF")
MASTER = 1024
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
FONT_CANDIDATES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "黑体",
)


def _font_family() -> str:
    installed = set(QFontDatabase.families())
    for name in FONT_CANDIDATES:
        if name in installed:
            return name
    raise SystemExit("没有找到中文字体（例如 Noto Serif CJK SC），无法绘制图标。")


def draw_master(size: int = MASTER, *, small: bool = False) -> QImage:
    """The icon at ``size`` px with a transparent background.

    ``small`` drops the rule and enlarges the character so it stays legible at 16-32 px.
    """
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    margin = size * 0.04
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(square, size * 0.18, size * 0.18)
    painter.fillPath(path, RED)

    # A thin white rule under the character, like the red line under a 红头 header.
    if not small:
        rule_h = size * 0.04
        painter.fillRect(QRectF(size * 0.2, size * 0.8, size * 0.6, rule_h), WHITE)

    font = QFont(_font_family())
    font.setPixelSize(int(size * (0.74 if small else 0.6)))
    font.setWeight(QFont.Weight.Black)
    painter.setFont(font)
    painter.setPen(WHITE)
    text_rect = QRectF(0, 0, size, size) if small else QRectF(0, size * 0.02, size, size * 0.76)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, "文")
    painter.end()
    return image


def scaled(master: QImage, size: int) -> QImage:
    image = master.scaled(
        size,
        size,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BGRA DIB (bottom-up) followed by the 1-bit AND mask, as ICO entries hold it."""
    w, h = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(h - 1, -1, -1):
        row = bytearray()
        for x in range(w):
            argb = image.pixel(x, y)
            a, r, g, b = (argb >> 24) & 0xFF, (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF
            row += bytes((b, g, r, a))
        rows.append(bytes(row))
    mask_stride = ((w + 31) // 32) * 4
    mask = b"\x00" * (mask_stride * h)  # alpha channel decides; the AND mask stays empty
    return header + b"".join(rows) + mask


def ico_bytes(master: QImage, small_master: QImage, sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    images = []
    for size in sizes:
        image = scaled(small_master if size <= 32 else master, size)
        images.append((size, png_bytes(image) if size >= 256 else dib_bytes(image)))
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    payload = b""
    for size, data in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return out + payload


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "resources" / "icons"
    parser.add_argument("--out", type=Path, default=default_out)
    ns = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ns.out.mkdir(parents=True, exist_ok=True)
    master = draw_master()
    png_path = ns.out / "eduwriter.png"
    png_path.write_bytes(png_bytes(scaled(master, 256)))
    ico_path = ns.out / "eduwriter.ico"
    ico_path.write_bytes(ico_bytes(master, draw_master(small=True)))
    print(f"wrote {png_path} and {ico_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
