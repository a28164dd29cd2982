"""Font names for the official layout, and which of them this computer has.

``strict`` writes the names GB/T 9704 documents customarily use (仿宋_GB2312, 楷体_GB2312,
方正小标宋简体), which Windows does not ship; ``installed`` writes the names Windows 10+ ships
(仿宋, 楷体, 黑体, 宋体), so the document prints the same everywhere without extra fonts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FontSet:
    """The East Asian fonts of each role in the default layout."""

    key: str
    body: str  # 正文, level-3 and level-4 headings
    title: str  # 标题 (小标宋)
    h1: str  # 一、
    h2: str  # （一）
    h3: str  # 1.
    h4: str  # （1）
    page_number: str  # — 1 —
    title_bold: bool = False  # bold stands in for 小标宋's weight when 宋体 replaces it
    #: digits and Latin letters (w:ascii/w:hAnsi) in body and headings; None: the Chinese font
    latin: str | None = None

    def describe(self) -> str:
        """One line for the writer: which names the document asks for."""
        which = "标准字体名" if self.key == "strict" else "Windows 自带字体"
        latin = f"，数字和西文用 {self.latin}" if self.latin else "，数字和西文随中文字体"
        return (
            f"{which}：标题 {self.title}{'（加粗）' if self.title_bold else ''}，"
            f"正文 {self.body}，一级标题 {self.h1}，二级标题 {self.h2}{latin}"
        )

    def heading(self, level: int) -> str:
        return (self.h1, self.h2, self.h3, self.h4)[min(max(level, 1), 4) - 1]

    def names(self) -> list[str]:
        """Every font name the output uses, in order of first use, without duplicates."""
        order = [self.title, self.body, self.h1, self.h2, self.h3, self.h4, self.page_number]
        if self.latin:
            order.append(self.latin)
        return list(dict.fromkeys(order))


FONT_SETS: dict[str, FontSet] = {
    "strict": FontSet(
        key="strict",
        body="仿宋_GB2312",
        title="方正小标宋简体",
        h1="黑体",
        h2="楷体_GB2312",
        h3="仿宋_GB2312",
        h4="仿宋_GB2312",
        page_number="宋体",
    ),
    "installed": FontSet(
        key="installed",
        body="仿宋",
        title="宋体",
        h1="黑体",
        h2="楷体",
        h3="仿宋",
        h4="仿宋",
        page_number="宋体",
        title_bold=True,
    ),
}

#: Latin family names and Windows file names for each Chinese font name.
FONT_ALIASES: dict[str, tuple[str, ...]] = {
    "仿宋": ("FangSong", "simfang.ttf"),
    "仿宋_GB2312": ("FangSong_GB2312", "FS_GB2312.ttf", "仿宋_GB2312.ttf", "SIMFANG_GB2312.TTF"),
    "楷体": ("KaiTi", "simkai.ttf"),
    "楷体_GB2312": ("KaiTi_GB2312", "KAI_GB2312.ttf", "楷体_GB2312.ttf", "SIMKAI_GB2312.TTF"),
    "黑体": ("SimHei", "simhei.ttf"),
    "宋体": ("SimSun", "simsun.ttc", "simsun.ttf"),
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSJW.ttf"),
    "华文中宋": ("STZhongsong", "STZHONGS.TTF"),
}

#: Latin names Word writes as w:altName in the font table (helps it find a substitute).
ALT_NAMES: dict[str, str] = {name: aliases[0] for name, aliases in FONT_ALIASES.items()}


#: The font for digits and Latin letters that most units expect in body and headings.
LATIN_FONT = "Times New Roman"


def get_font_set(name: str, latin: str | None = LATIN_FONT) -> FontSet:
    """``auto``, ``strict`` or ``installed`` with ``latin`` for digits and Latin letters
    (None keeps them in the Chinese font); raises ValueError for another name.

    ``auto`` writes the standard names (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) when this
    computer has them, the fonts Windows ships otherwise (also when fonts cannot be checked).
    The app's preview asks the same function, so it shows what the DOCX asks for.
    """
    if name == "auto":
        strict = FONT_SETS["strict"]
        needed = (strict.title, strict.body, strict.h2)
        name = "strict" if all(is_installed(f) for f in needed) else "installed"
    try:
        base = FONT_SETS[name]
    except KeyError:
        raise ValueError(
            f"未知的字体方案“{name}”，可选：auto（自动）、strict（标准字体名）或 installed（系统自带字体）"
        ) from None
    return replace(base, latin=latin)


def _windows_font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


@lru_cache(maxsize=1)
def installed_font_names() -> frozenset[str] | None:
    """Lower-cased family names and font file names on this computer; None if unknown."""
    names: set[str] = set()
    checked = False
    if sys.platform.startswith("win"):
        for folder in _windows_font_dirs():
            try:
                names.update(p.name.lower() for p in folder.iterdir())
                checked = True
            except OSError:
                continue
        try:  # registry value names look like "FangSong (TrueType)" / "仿宋 (TrueType)"
            import winreg

            for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
                try:
                    key = winreg.OpenKey(
                        hive, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
                    )
                except OSError:
                    continue
                with key:
                    i = 0
                    while True:
                        try:
                            value_name, value, _ = winreg.EnumValue(key, i)
                        except OSError:
                            break
                        i += 1
                        for part in str(value_name).split("&"):
                            names.add(part.split("(")[0].strip().lower())
                        names.add(Path(str(value)).name.lower())
                checked = True
        except ImportError:  # pragma: no cover - not Windows
            pass
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, ":", "family"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=20,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            checked = True
            for line in out.splitlines():
                names.update(part.strip().lower() for part in line.split(",") if part.strip())
    if sys.platform == "darwin" and not checked:
        for folder in (
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path.home() / "Library/Fonts",
        ):
            try:
                names.update(p.name.lower() for p in folder.iterdir())
                checked = True
            except OSError:
                continue
    return frozenset(names) if checked else None


def is_installed(font: str, installed: frozenset[str] | None = None) -> bool | None:
    """Whether ``font`` (a Chinese name) is installed; None when this cannot be checked."""
    names = installed_font_names() if installed is None else installed
    if names is None:
        return None
    candidates = (font, *FONT_ALIASES.get(font, ()))
    return any(c.lower() in names for c in candidates)


def missing_fonts(fonts: list[str]) -> list[str] | None:
    """The fonts of ``fonts`` this computer lacks (None when this cannot be checked)."""
    names = installed_font_names()
    if names is None:
        return None
    return [f for f in fonts if not is_installed(f, names)]
