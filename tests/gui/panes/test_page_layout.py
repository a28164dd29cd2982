"""The pages of 公文预览: the exporter's grid (22 lines × 28 characters), indents, blocks."""

from __future__ import annotations

from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.gui.panes.page_layout import (
    CHARS_PER_LINE,
    LINES_PER_PAGE,
    Span,
    break_spans,
    lay_out,
)


def test_the_grid_comes_from_the_export_figures():
    assert (CHARS_PER_LINE, LINES_PER_PAGE) == (28, 22)


def test_a_body_paragraph_breaks_at_28_characters_after_a_two_character_indent():
    text = "甲" * 60
    report = Report(title="", blocks=[ReportBlock("paragraph", text)])
    lines = [ln for ln in lay_out(report)[0].lines if ln]
    assert [len(ln.text) for ln in lines] == [26, 28, 6]
    assert [ln.x for ln in lines] == [2.0, 0.0, 0.0]


def test_closing_punctuation_never_starts_a_line_and_numbers_stay_whole():
    lines = break_spans([Span("甲" * 26 + "。乙", "body")], 26, 28)
    assert lines[0][0].text.endswith("。") and lines[1][0].text == "乙"
    lines = break_spans([Span("甲" * 25 + "2026年", "body")], 26, 28)
    assert lines[0][0].text == "甲" * 25 and lines[1][0].text == "2026年"


def test_headings_blocks_and_hints_are_laid_out_as_exported():
    report = Report(
        title="关于做好秋季学期工作的通知",
        meta=ReportMeta(recipient="各中小学", signer="XX区教育局", date="2026年9月1日"),
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", "【在此概述】", hint=True),
            ReportBlock("heading", "压实责任。", level=3, body="校长是第一责任人。"),
        ],
    )
    page = lay_out(report)[0]
    texts = [ln.text if ln else "" for ln in page.lines]
    assert texts == [
        "关于做好秋季学期工作的通知",
        "",
        "各中小学：",
        "一、总体要求",
        "1.压实责任。校长是第一责任人。",
        "",
        "XX区教育局",
        "2026年9月1日",
    ]
    heading = page.lines[3]
    assert heading.spans[0].font == "h1" and heading.x == 2.0
    runin = page.lines[4]
    assert [s.font for s in runin.spans] == ["h3", "body"]
    assert page.lines[0].align == "center" and page.lines[0].spans[0].font == "title"
    assert page.lines[7].align == "right" and page.lines[7].right == 2.0
    # 署名 starts 2 characters left of the date (widths 5 and 6: 4 + 6 - 5)
    assert page.lines[6].right == 5.0


def test_long_reports_run_onto_numbered_pages_of_22_lines():
    report = Report(blocks=[ReportBlock("paragraph", "甲" * (26 + 28 * 2)) for _ in range(10)])
    pages = lay_out(report)
    assert [len(p.lines) for p in pages] == [22, 8]
    assert [p.page_number_text for p in pages] == ["— 1 —", "— 2 —"]
