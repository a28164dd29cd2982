"""The default layout checked on a real consumer: LibreOffice (headless) -> PDF -> pdftotext.

A4; text block's left edge at 28 ± 1 mm; a full page holds 22 lines of 28 characters;
"— 1 —" at the right on page 1 and "— 2 —" at the left on page 2. This machine (and CI) has
only the Noto CJK fonts, so LibreOffice substitutes 仿宋/黑体/楷体/宋体: the grid figures are
measured with the fonts that are installed, which is what the exact line pitch and character
spacing must hold for.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from export_helpers import BODY
from lxml import etree

from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.export import export_report

pytestmark = pytest.mark.slow

PT_PER_MM = 72 / 25.4
XHTML = "{http://www.w3.org/1999/xhtml}"
PAGE_NUMBER_RE = re.compile(r"^—\s*(\d+)\s*—$")


def _tools() -> tuple[str, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    missing = " and ".join(n for n, p in (("soffice", soffice), ("pdftotext", pdftotext)) if not p)
    reason = f"{missing} not installed: cannot check the layout on LibreOffice (apt install libreoffice-writer-nogui poppler-utils)"
    if os.environ.get("EDUWRITER_REQUIRE_LIBREOFFICE") == "1":
        pytest.fail(reason + " — required because EDUWRITER_REQUIRE_LIBREOFFICE=1")
    pytest.skip(reason)


def _long_report() -> Report:
    return Report(
        title="关于做好2026年全市教育工作的实施方案",
        meta=ReportMeta(recipient="各区（县）教育局", signer="XX市教育局", date="2026年11月22日"),
        blocks=[ReportBlock("heading", "总体要求", level=1)]
        + [ReportBlock("paragraph", BODY * 6) for _ in range(10)],
    )


def _pages(html: Path) -> list[dict]:
    root = etree.parse(str(html)).getroot()
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = []
        for line in page.iter(f"{XHTML}line"):
            words = [wd.text or "" for wd in line.iter(f"{XHTML}word")]
            lines.append(
                {
                    "text": " ".join(words),
                    "chars": len("".join(words)),
                    "xmin": float(line.get("xMin")),
                    "xmax": float(line.get("xMax")),
                    "ymin": float(line.get("yMin")),
                }
            )
        lines.sort(key=lambda ln: ln["ymin"])
        pages.append(
            {"width": float(page.get("width")), "height": float(page.get("height")), "lines": lines}
        )
    return pages


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    soffice, pdftotext = _tools()
    tmp = tmp_path_factory.mktemp("lo")
    docx_path = tmp / "report.docx"
    export_report(_long_report(), docx_path)
    profile = (tmp / "profile").as_uri()
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp / "report.pdf"
    assert pdf.exists(), f"LibreOffice did not convert: {proc.stdout} {proc.stderr}"
    html = tmp / "report.html"
    subprocess.run([pdftotext, "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
    return _pages(html)


def _body_lines(page: dict) -> list[dict]:
    return [ln for ln in page["lines"] if not PAGE_NUMBER_RE.match(ln["text"].strip())]


def test_a4_pages(pdf_pages):
    assert len(pdf_pages) >= 3
    for page in pdf_pages:
        assert abs(page["width"] - 210 * PT_PER_MM) < 1
        assert abs(page["height"] - 297 * PT_PER_MM) < 1


def test_text_block_left_edge_at_28mm(pdf_pages):
    left = min(ln["xmin"] for ln in _body_lines(pdf_pages[1])) / PT_PER_MM
    assert abs(left - 28) <= 1, f"left edge at {left:.1f} mm"


def test_full_page_holds_22_lines_of_28_characters(pdf_pages):
    page = pdf_pages[1]  # page 2 is body text only
    lines = _body_lines(page)
    assert len(lines) == 22
    right_edge = page["width"] - 26 * PT_PER_MM
    full = [ln for ln in lines if ln["xmax"] > right_edge - 10 and ln["xmin"] < 28 * PT_PER_MM + 5]
    assert len(full) >= 15
    counts = Counter(ln["chars"] for ln in full)
    assert max(counts) == 28, counts
    # a full line holds 28 characters, or 27 when its last character had to move on with a
    # "。"/"，" that may not start a line (and is not hung into the margin: see ooxml.FIDELITY)
    for ln, nxt in zip(lines, lines[1:], strict=False):
        if ln in full and ln["chars"] == 27:
            assert nxt["text"].replace(" ", "")[1:2] in "，。、；：？！）》”", (ln, nxt)
        elif ln in full:
            assert ln["chars"] == 28, ln


def test_page_numbers_odd_right_even_left(pdf_pages):
    def number_line(page: dict, n: int) -> dict:
        found = [ln for ln in page["lines"] if PAGE_NUMBER_RE.match(ln["text"].strip())]
        assert found, f"no page number on page {n}"
        assert PAGE_NUMBER_RE.match(found[0]["text"].strip()).group(1) == str(n)
        return found[0]

    p1, p2 = pdf_pages[0], pdf_pages[1]
    one = number_line(p1, 1)
    two = number_line(p2, 2)
    right_edge = p1["width"] - 26 * PT_PER_MM
    left_edge = 28 * PT_PER_MM
    # one 4号 character (14 pt) in from the edge of the text block
    assert abs(one["xmax"] - (right_edge - 14)) < 6, one
    assert abs(two["xmin"] - (left_edge + 14)) < 6, two
    # below the text block, about 7 mm under it
    bottom_of_block = p1["height"] - 35 * PT_PER_MM
    assert one["ymin"] > bottom_of_block


def test_reimport_after_saving_in_libreoffice(tmp_path: Path):
    """Ours after another word processor rewrote the file still opens with the same headings."""
    from export_helpers import sample_report

    from eduwriter.export.docx_import import import_docx

    soffice, _pdftotext = _tools()
    src = tmp_path / "ours.docx"
    export_report(sample_report(paragraph_repeat=2), src)
    outdir = tmp_path / "saved"
    outdir.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        timeout=240,
    )
    saved = outdir / "ours.docx"
    assert saved.exists()
    assert saved.read_bytes() != src.read_bytes()
    assert import_docx(saved) == sample_report(paragraph_repeat=2)


def _to_pdf_pages(docx_path: Path, tmp: Path) -> list[dict]:
    soffice, pdftotext = _tools()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
    )
    pdf = docx_path.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice did not convert"
    html = tmp / "closing.html"
    subprocess.run([pdftotext, "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
    return _pages(html)


def test_signature_never_alone_on_the_last_page_and_long_title_balanced(tmp_path: Path):
    """§7.3.5: 署名/日期 keep at least the last body line on their page; §7.2.3: title lines."""
    title = "关于进一步加强全市中小学校园安全管理工作的实施意见"
    one_line = (BODY * 2)[2:24]
    # title (2 lines) + its blank line + 19 one-line paragraphs fill page 1 exactly, so
    # without keep-with-next the 附件说明, 署名 and 日期 would stand alone on page 2
    report = Report(
        title=title,
        meta=ReportMeta(
            attachments=["工作任务分解表", "联系人名单"], signer="XX市教育局", date="2026年11月22日"
        ),
        blocks=[ReportBlock("paragraph", f"{i:02d}{one_line}") for i in range(19)],
    )
    docx_path = tmp_path / "closing.docx"
    export_report(report, docx_path)
    pages = _to_pdf_pages(docx_path, tmp_path)

    def squash(line: dict) -> str:
        return line["text"].replace(" ", "")

    signer_page = next(p for p in pages if any(squash(ln) == "XX市教育局" for ln in p["lines"]))
    body_here = [ln for ln in signer_page["lines"] if squash(ln).endswith(one_line)]
    assert body_here, [squash(ln) for ln in signer_page["lines"]]
    assert squash(body_here[-1]).startswith("18")  # the last body paragraph came along
    # the title: two lines, no line under 3 characters, together the whole title
    first = pages[0]["lines"]
    title_lines = [squash(ln) for ln in first[:2]]
    assert "".join(title_lines) == title
    assert min(len(t) for t in title_lines) >= 3
    assert abs(len(title_lines[0]) - len(title_lines[1])) <= 4, title_lines
