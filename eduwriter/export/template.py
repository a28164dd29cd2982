"""The writer's own reference .docx: its styles, page setup and header/footer are used.

Our content is mapped onto the template's styles by name (Word matches built-in styles by
w:name, e.g. "heading 1"; WPS may write "标题 1"). A file that is not a .docx or has no
styles raises :class:`TemplateError` so the caller can offer the default layout instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from eduwriter.core.safe_zip import PackageError, SafeZip
from eduwriter.export.errors import TemplateError
from eduwriter.export.gbt9704 import W_NS

_W = f"{{{W_NS}}}"

HEADING_NAMES = {
    level: (f"heading {level}", f"标题 {level}", f"标题{level}") for level in (1, 2, 3, 4)
}
BODY_NAMES = ("normal", "正文")
TITLE_NAMES = ("title", "标题")
FOOTER_NAMES = ("footer", "页脚")


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


@dataclass(slots=True)
class StyleInfo:
    style_id: str
    name: str
    kind: str
    based_on: str | None
    east_asia_font: str | None
    rpr: etree._Element | None
    rfonts: etree._Element | None = None


@dataclass(slots=True)
class TemplateStyles:
    """Styles of a package, looked up by (normalised) name."""

    by_name: dict[str, StyleInfo] = field(default_factory=dict)
    by_id: dict[str, StyleInfo] = field(default_factory=dict)
    default_font: str | None = None
    default_rfonts: etree._Element | None = None
    #: theme fonts: {"major": name, "minor": name} (East Asian, Simplified Chinese first)
    theme_fonts: dict[str, str] = field(default_factory=dict)

    def find(self, names: tuple[str, ...], kind: str = "paragraph") -> StyleInfo | None:
        for name in names:
            info = self.by_name.get(_norm(name))
            if info is not None and info.kind == kind:
                return info
        return None

    def heading(self, level: int) -> StyleInfo | None:
        return self.find(HEADING_NAMES[level])

    def body(self) -> StyleInfo | None:
        return self.find(BODY_NAMES)

    def title(self) -> StyleInfo | None:
        return self.find(TITLE_NAMES)

    def rfonts_of(self, info: StyleInfo | None) -> etree._Element | None:
        """The w:rFonts that decides the East Asian font of this style (following basedOn)."""
        seen: set[str] = set()
        while info is not None and info.style_id not in seen:
            seen.add(info.style_id)
            el = info.rfonts
            if el is not None and (el.get(f"{_W}eastAsia") or el.get(f"{_W}eastAsiaTheme")):
                return el
            info = self.by_id.get(info.based_on or "")
        return self.default_rfonts

    def font_of(self, info: StyleInfo | None) -> str | None:
        """The East Asian font a paragraph of this style shows (theme fonts resolved)."""
        el = self.rfonts_of(info)
        if el is None:
            return None
        if el.get(f"{_W}eastAsia"):
            return el.get(f"{_W}eastAsia")
        theme = el.get(f"{_W}eastAsiaTheme") or ""
        return self.theme_fonts.get("major" if theme.startswith("major") else "minor")


def parse_styles(xml: bytes) -> TemplateStyles:
    """Read word/styles.xml."""
    root = etree.fromstring(xml)
    out = TemplateStyles()
    rpr_default = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
    if rpr_default is not None:
        out.default_font = rpr_default.get(f"{_W}eastAsia")
        out.default_rfonts = rpr_default
    for style in root.iter(f"{_W}style"):
        name_el = style.find(f"{_W}name")
        style_id = style.get(f"{_W}styleId") or ""
        name = name_el.get(f"{_W}val") if name_el is not None else style_id
        based = style.find(f"{_W}basedOn")
        rpr = style.find(f"{_W}rPr")
        fonts = rpr.find(f"{_W}rFonts") if rpr is not None else None
        info = StyleInfo(
            style_id=style_id,
            name=name or style_id,
            kind=style.get(f"{_W}type") or "paragraph",
            based_on=based.get(f"{_W}val") if based is not None else None,
            east_asia_font=fonts.get(f"{_W}eastAsia") if fonts is not None else None,
            rpr=rpr,
            rfonts=fonts,
        )
        out.by_id[style_id] = info
        out.by_name.setdefault(_norm(info.name), info)
    return out


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def parse_theme_fonts(xml: bytes) -> dict[str, str]:
    """{"major"|"minor": East Asian typeface} from a theme part (Simplified Chinese first)."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError:
        return {}
    out: dict[str, str] = {}
    for key in ("major", "minor"):
        scheme = root.find(f".//{_A}{key}Font")
        if scheme is None:
            continue
        hans = next(
            (f.get("typeface") for f in scheme.findall(f"{_A}font") if f.get("script") == "Hans"),
            None,
        )
        ea = scheme.find(f"{_A}ea")
        name = hans or (ea.get("typeface") if ea is not None else None)
        if name:
            out[key] = name
    return out


@dataclass(slots=True)
class Package:
    """An opened .docx/.dotx: every part's bytes plus the parsed styles."""

    parts: dict[str, bytes]
    names: list[str]
    document_path: str
    styles_path: str | None
    styles: TemplateStyles
    #: members left out because their names could write outside the package (../, /, C:)
    dropped: list[str] = field(default_factory=list)
    core_path: str | None = None
    app_path: str | None = None


def safe_member(name: str) -> bool:
    """A zip member name that stays inside the package (no ../, absolute path or drive)."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    return ".." not in name.split("/")


def _main_document_path(parts: dict[str, bytes]) -> str | None:
    rels = parts.get("_rels/.rels")
    if rels is None:
        return "word/document.xml" if "word/document.xml" in parts else None
    try:
        root = etree.fromstring(rels)
    except etree.XMLSyntaxError:
        return None
    for rel in root:
        if (rel.get("Type") or "").endswith("/officeDocument"):
            return (rel.get("Target") or "").lstrip("/")
    return None


def open_package(path: str | Path, *, what: str = "模板") -> Package:
    """Open a .docx/.dotx, raising :class:`TemplateError` with a Chinese message when broken."""
    p = Path(path)
    offer = "可以改用默认的公文版式导出。" if what == "模板" else ""
    if not p.exists():
        raise TemplateError(f"找不到{what}文件“{p}”。")
    try:
        with SafeZip(p) as zf:  # bounded inflation; damaged data is a PackageError
            all_names = zf.namelist()
            names = [n for n in all_names if safe_member(n) and not n.endswith("/")]
            dropped = [n for n in all_names if not safe_member(n)]
            parts = {n: zf.read(n) for n in names}
    except PackageError as exc:
        reason = "" if exc.kind == "damaged" else f"{exc.reason_zh}。"
        raise TemplateError(
            f"{what}“{p.name}”不是有效的 Word 文档（.docx），无法使用。{reason}{offer}"
        ) from exc
    doc_path = _main_document_path(parts)
    if not doc_path or doc_path not in parts:
        raise TemplateError(f"{what}“{p.name}”中没有正文部分，不是有效的 .docx 文件。{offer}")
    styles_path = _related_part(parts, doc_path, "/styles")
    styles = TemplateStyles()
    if styles_path is not None:
        try:
            styles = parse_styles(parts[styles_path])
        except etree.XMLSyntaxError as exc:
            raise TemplateError(f"{what}“{p.name}”的样式已损坏，无法使用。{offer}") from exc
    theme_path = _related_part(parts, doc_path, "/theme")
    if theme_path is not None:
        styles.theme_fonts = parse_theme_fonts(parts[theme_path])
    core_path = _package_part(parts, "/metadata/core-properties")
    app_path = _package_part(parts, "/extended-properties")
    return Package(parts, names, doc_path, styles_path, styles, dropped, core_path, app_path)


def _package_part(parts: dict[str, bytes], type_suffix: str) -> str | None:
    """A part the package relationships point to (core or app properties), if present."""
    try:
        root = etree.fromstring(parts.get("_rels/.rels", b""))
    except etree.XMLSyntaxError:
        return None
    for rel in root:
        if (rel.get("Type") or "").endswith(type_suffix):
            target = (rel.get("Target") or "").lstrip("/")
            return target if target in parts else None
    return None


def _related_part(parts: dict[str, bytes], doc_path: str, type_suffix: str) -> str | None:
    folder, _, base = doc_path.rpartition("/")
    rels_path = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    data = parts.get(rels_path)
    if data is None:
        return None
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return None
    for rel in root:
        if (rel.get("Type") or "").endswith(type_suffix) and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else (f"{folder}/{target}" if folder else target)
            )
            return resolved if resolved in parts else None
    return None


def load_template(path: str | Path) -> Package:
    """Open the writer's reference template and check that it can be used."""
    pkg = open_package(path)
    if pkg.styles_path is None or not pkg.styles.by_id:
        raise TemplateError(
            f"模板“{Path(path).name}”中没有样式，无法套用。可以改用默认的公文版式导出。"
        )
    return pkg
