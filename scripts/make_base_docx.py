"""Generate resources/docx/base.docx: the clean base document of the default layout.

Not python-docx's default template: docDefaults fixed (仿宋 3号, no space after, widow control
off), themeFontLang zh-CN, no theme part (so no theme font can override the explicit names),
heading styles named exactly "heading 1".."heading 4" with CJK fonts, odd/even footers with
"— N —" and w:evenAndOddHeaders in the settings.

    python scripts/make_base_docx.py            # rewrite resources/docx/base.docx
    python scripts/make_base_docx.py --check    # exit 1 when the committed file is stale
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eduwriter.export import gbt9704  # noqa: E402
from eduwriter.export.fonts import FONT_SETS  # noqa: E402

TARGET = ROOT / "resources" / "docx" / "base.docx"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT_MAIN}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT_MAIN}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT_MAIN}.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{_CT_MAIN}.fontTable+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_CT_MAIN}.footer+xml"/>'
    f'<Override PartName="/word/footer2.xml" ContentType="{_CT_MAIN}.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOC_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId4" Type="{_DOC_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rId5" Type="{_DOC_REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)
CORE = (
    _HEAD
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title></dc:title><dc:creator>EduWriter</dc:creator><dc:language>zh-CN</dc:language>"
    "</cp:coreProperties>"
)
APP = (
    _HEAD
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>EduWriter</Application></Properties>"
)


def document_xml() -> str:
    return (
        _HEAD + f'<w:document xmlns:w="{gbt9704.W_NS}" xmlns:r="{gbt9704.R_NS}"><w:body>'
        "<w:p/>" + gbt9704.sect_pr_xml("rId4", "rId5") + "</w:body></w:document>"
    )


def build() -> bytes:
    """The bytes of base.docx (deterministic: fixed timestamps, fixed order)."""
    fonts = FONT_SETS["installed"]
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", gbt9704.styles_xml(fonts)),
        ("word/settings.xml", gbt9704.settings_xml()),
        ("word/fontTable.xml", gbt9704.font_table_xml(fonts)),
        ("word/footer1.xml", gbt9704.footer_xml(even=False)),
        ("word/footer2.xml", gbt9704.footer_xml(even=True)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed file")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        ok = TARGET.exists() and TARGET.read_bytes() == data
        print(
            "base.docx is up to date" if ok else "base.docx is stale: run scripts/make_base_docx.py"
        )
        return 0 if ok else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
