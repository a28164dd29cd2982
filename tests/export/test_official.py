"""版头, 署名/日期 and 版记 (GB/T 9704 §7.2–7.4): 发文字号 check, sealed layout, even page."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_helpers import NS, body_paragraphs, para_text, part, sample_report, val, w

from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.export import export_report
from eduwriter.export.official import (
    check_doc_number,
    imprint_page_breaks,
    signature_indents,
)


@pytest.mark.parametrize(
    ("typed", "written", "noted"),
    [
        ("X教〔2026〕5号", "X教〔2026〕5号", False),
        ("X教[2026]5号", "X教〔2026〕5号", True),
        ("X教（2026）5号", "X教〔2026〕5号", True),
        ("X教【2026】5号", "X教〔2026〕5号", True),
        ("X教〔2026〕第5号", "X教〔2026〕5号", True),
        ("X教〔2026〕05号", "X教〔2026〕5号", True),
        (" X教 〔2026〕 12号 ", "X教〔2026〕12号", False),
    ],
)
def test_doc_number_is_written_with_hexagonal_brackets_no_di_no_leading_zero(
    typed: str, written: str, noted: bool
):
    fixed, notes = check_doc_number(typed)
    assert fixed == written
    assert bool(notes) == noted


def test_doc_number_that_is_not_one_is_kept_and_flagged():
    fixed, notes = check_doc_number("第五号文件")
    assert fixed == "第五号文件"
    assert notes and "机关代字" in notes[0]


def test_sealed_layout_date_four_in_and_signer_centred_on_it():
    signer_right, date_right = signature_indents("XX市教育局", "2026年11月22日", sealed=True)
    assert date_right == 4
    # the signer's centre is the date's centre
    assert signer_right + 5 / 2 == pytest.approx(date_right + 7 / 2)
    # unsealed (§7.3.5.2): date 2 in, signer starts 2 characters left of the date
    signer_right, date_right = signature_indents("XX市教育局", "2026年11月22日", sealed=False)
    assert date_right == 2 and signer_right == 4 + 7 - 5


def test_imprint_goes_to_an_even_page_with_room_at_its_foot():
    assert imprint_page_breaks(10, 3) == 1  # page 1 -> page 2
    assert imprint_page_breaks(30, 3) == 0  # page 2 has room
    assert imprint_page_breaks(42, 3) == 2  # page 2 full: page 3 is odd, so page 4
    assert imprint_page_breaks(50, 3) == 1  # page 3 -> page 4


def _notice() -> Report:
    report = sample_report()
    report.blocks = report.blocks[:2]  # about half a page
    report.meta.doc_number = "X教[2026]05号"
    report.meta.copy_to = "市政府办公室，市财政局"
    report.meta.printer = "XX市教育局办公室"
    report.meta.print_date = "2026年11月22日"
    report.meta.urgency = "特急"
    return report


def test_header_imprint_and_doc_number_in_the_default_layout(tmp_path: Path):
    out = tmp_path / "通知.docx"
    result = export_report(_notice(), out, fonts="installed")
    texts = [para_text(p) for p in body_paragraphs(out)]
    assert texts[0] == "特急"
    assert texts[1] == "X教〔2026〕5号"  # written as the standard wants
    assert any("六角括号" in m for m in result.warnings)
    number = body_paragraphs(out)[1]
    border = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert val(border, "color") == "FF0000"  # the red separator line
    doc = part(out, "word/document.xml")
    tbl = doc.find("w:body/w:tbl", NS)
    assert tbl is not None, "版记 missing"
    pos = tbl.find("w:tblPr/w:tblpPr", NS)
    assert val(pos, "vertAnchor") == "page"
    borders = tbl.find("w:tblPr/w:tblBorders", NS)
    assert (val(borders.find("w:top", NS), "sz"), val(borders.find("w:insideH", NS), "sz")) == (
        "8",
        "6",
    )
    rows = ["".join(t.text for t in tr.iter(w("t"))) for tr in tbl.findall("w:tr", NS)]
    assert rows == ["抄送：市政府办公室，市财政局。", "XX市教育局办公室2026年11月22日印发"]
    # one page of text: a page break puts the 版记 on page 2
    breaks = doc.findall(".//w:br[@w:type='page']", NS)
    assert len(breaks) == 1


def test_issuer_puts_doc_number_left_and_signer_right(tmp_path: Path):
    report = _notice()
    report.meta.issuer = "张三"
    out = tmp_path / "请示.docx"
    export_report(report, out, fonts="installed")
    line = body_paragraphs(out)[1]
    assert para_text(line) == "X教〔2026〕5号签发人：张三"
    assert line.find("w:pPr/w:tabs/w:tab", NS) is not None
    assert line.find(".//w:r/w:tab", NS) is not None


def test_sealed_date_is_four_characters_in(tmp_path: Path):
    report = Report(
        title="总结",
        meta=ReportMeta(signer="XX区教育局", date="2026年7月10日", sealed=True),
        blocks=[ReportBlock("paragraph", "正文。")],
    )
    out = tmp_path / "s.docx"
    export_report(report, out, fonts="installed")
    signer, date = body_paragraphs(out)[-2:]
    assert val(date.find("w:pPr/w:ind", NS), "rightChars") == "400"
    assert val(signer.find("w:pPr/w:jc", NS)) == "center"
    # room for the seal: three blank lines above the signer
    assert val(signer.find("w:pPr/w:spacing", NS), "before") == str(3 * 579)
