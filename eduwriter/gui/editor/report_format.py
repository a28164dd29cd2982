"""How the report looks in the composer: block kinds (stored in the block format) and fonts.

A block's format carries its kind in :data:`KIND_PROP`: ``TITLE`` (-1), ``PARAGRAPH`` (0) or a
heading level 1..4; :data:`HINT_PROP` marks a greyed placeholder paragraph from a skeleton.
Fonts follow GB/T 9704 where the machine has them (仿宋 body, 黑体 / 楷体 headings, 小标宋 title).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextFormat

KIND_PROP = QTextFormat.Property.UserProperty + 1
HINT_PROP = QTextFormat.Property.UserProperty + 2
TITLE = -1
PARAGRAPH = 0

BODY_FAMILIES = [
    "FangSong",
    "仿宋",
    "仿宋_GB2312",
    "STFangsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Serif CJK",
    "serif",
]
HEI_FAMILIES = ["SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"]
KAI_FAMILIES = ["KaiTi", "楷体", "楷体_GB2312", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC"]
TITLE_FAMILIES = ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC"]

BODY_POINT_SIZE = 15.0
TITLE_POINT_SIZE = 20.0
#: The widest usual marker per level: the marker is drawn right-aligned in this much room.
MARKER_SAMPLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def body_font() -> QFont:
    font = QFont()
    font.setFamilies(BODY_FAMILIES)
    font.setPointSizeF(BODY_POINT_SIZE)
    return font


def heading_font(level: int) -> QFont:
    font = body_font()
    if level == 1:
        font.setFamilies(HEI_FAMILIES)
    elif level == 2:
        font.setFamilies(KAI_FAMILIES)
    elif level == TITLE:
        font.setFamilies(TITLE_FAMILIES)
        font.setPointSizeF(TITLE_POINT_SIZE)
        font.setWeight(QFont.Weight.Bold)
    return font
