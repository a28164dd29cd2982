"""Shared pieces of the fault and fuzz campaign: a CLI runner that captures output, valid and
malformed .docx files, and a report file to export."""

from __future__ import annotations

import contextlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from eduwriter.cli.main import run_cli


def examples(n: int) -> int:
    """How many examples a property test runs: ``n`` normally; the ``fuzz`` profile's count
    when that profile is loaded (``--hypothesis-profile=fuzz``; an explicit max_examples on a
    test would otherwise override the profile)."""
    from hypothesis import settings

    default = settings.default.max_examples
    return max(n, default) if default > 100 else n


#: Exit codes the CLI documents; anything else (or an exception) is a crash.
KNOWN_CODES = {0, 1, 2, 3, 4}


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*args: str) -> Run:
    """Run the command line in-process; an exception escaping it fails the test (a crash)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_cli([str(a) for a in args])
    run = Run(code, out.getvalue(), err.getvalue())
    assert code in KNOWN_CODES, f"unexpected exit code {code}: {run.err[-500:]}"
    assert "Traceback" not in run.err, run.err[-2000:]
    return run


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}<w:sectPr/></w:body></w:document>"
)


def paragraph(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)

SAMPLE_BODY = "".join(
    [
        paragraph("关于做好2026年课后服务工作的通知"),
        paragraph("一、总体要求"),
        paragraph("坚持立德树人，全面落实“双减”政策，提升课后服务质量。"),
        paragraph("二、主要任务"),
        paragraph("（一）丰富服务内容"),
        paragraph("各校要结合实际开设科技、体育、艺术等课程。"),
    ]
)


def minimal_docx(body: str = SAMPLE_BODY, extra: dict[str, bytes] | None = None) -> bytes:
    """A small valid .docx (only the parts Word needs) with ``body`` paragraphs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", DOCUMENT_XML.format(body=body))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def bomb_docx(inflated: int = 1 << 30, in_document: bool = False) -> bytes:
    """A .docx of about 1 MB whose one member inflates to ``inflated`` bytes of zeros: in
    ``word/document.xml`` itself (in_document) or in an unused part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        name = "word/document.xml" if in_document else "word/media/unused.bin"
        if not in_document:
            z.writestr("word/document.xml", DOCUMENT_XML.format(body=SAMPLE_BODY))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as member:
            if in_document:
                member.write(DOCUMENT_XML.split("{body}")[0].encode())
            chunk = b" " * (1 << 20) if in_document else b"\0" * (1 << 20)
            for _ in range(inflated >> 20):
                member.write(chunk)
    return buf.getvalue()


def entity_docx(billion_laughs: bool = False) -> bytes:
    if billion_laughs:
        doctype = '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
        )
        doctype += "]>"
        text = "&i;"
    else:
        doctype = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        text = "&secret;"
    xml = DOCUMENT_XML.format(body=paragraph("标题") + paragraph(text))
    xml = xml.replace("?>\n", "?>\n" + doctype, 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def corrupt_deflate_docx() -> bytes:
    """A .docx whose document.xml has damaged compressed data: the deflate stream starts with a
    reserved block type, so inflating it raises zlib.error (not a CRC mismatch)."""
    data = bytearray(minimal_docx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    at = info.header_offset
    name_len = int.from_bytes(data[at + 26 : at + 28], "little")
    extra_len = int.from_bytes(data[at + 28 : at + 30], "little")
    start = at + 30 + name_len + extra_len
    data[start] = 0xFF  # BFINAL=1, BTYPE=11: reserved, invalid
    return bytes(data)


OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504


def ole_file(*stream_names: str) -> bytes:
    """Bytes that start like an OLE compound file (legacy .doc, or an encrypted .docx: Word
    writes the streams EncryptionInfo and EncryptedPackage) and name ``stream_names`` in
    UTF-16 as their directory would."""
    names = b"".join(n.encode("utf-16-le") + b"\0" * 64 for n in stream_names)
    return OLE_HEADER + names + b"\0" * 2048


def report_file(path: Path) -> Path:
    """A small report file (the app's Markdown format) to export."""
    from eduwriter.compose.markdown_io import write_report
    from eduwriter.compose.report import Report, ReportBlock, ReportMeta

    report = Report(
        title="关于做好课后服务工作的通知",
        meta=ReportMeta(recipient="各中小学", signer="XX区教育局", date="2026年6月30日"),
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", "坚持立德树人，全面落实“双减”政策。"),
            ReportBlock("heading", "丰富服务内容", level=2),
            ReportBlock("paragraph", "各校要结合实际开设科技、体育、艺术等课程。"),
        ],
    )
    write_report(report, path)
    return path


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
