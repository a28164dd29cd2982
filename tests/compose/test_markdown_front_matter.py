"""The whole 公文's front matter in our Markdown file, and bold numbered items under a heading."""

from __future__ import annotations

from eduwriter.compose.markdown_io import report_from_markdown, report_to_markdown
from eduwriter.compose.report import Report, ReportBlock, ReportMeta


def test_front_matter_of_the_whole_document_round_trips():
    report = Report(
        title="关于开展校园安全排查的通知",
        meta=ReportMeta(
            recipient="各区（县）教育局",
            signer="XX市教育局",
            date="2026年3月2日",
            doc_number="X教〔2026〕5号",
            issuer="张三",
            secrecy="秘密★1年",
            urgency="特急",
            copy_to="市政府办公室，市公安局",
            printer="XX市教育局办公室",
            print_date="2026年3月2日",
            sealed=True,
        ),
        blocks=[ReportBlock("paragraph", "正文。")],
    )
    text = report_to_markdown(report)
    assert "发文字号: X教〔2026〕5号" in text
    assert "盖章: 是" in text
    assert report_from_markdown(text) == report


def test_hand_written_front_matter_keys():
    text = "---\n发文字号: X教〔2026〕5号\n抄送机关: 市财政局\n盖章: 否\n---\n\n# 标题\n\n正文。\n"
    meta = report_from_markdown(text).meta
    assert (meta.doc_number, meta.copy_to, meta.sealed) == ("X教〔2026〕5号", "市财政局", False)


def test_bold_items_numbered_from_1_under_a_heading_are_not_its_siblings():
    text = (
        "# 总结\n\n## 一、主要工作\n\n### （一）教育发展\n\n#### 2.义务教育优质均衡发展\n\n"
        "**1.推进集团化办学。**全区组建教育集团5个。\n\n"
        "**2.深化课程改革。**开展课堂教学改革。\n\n"
        "#### 3.学前教育\n\n正文。\n"
    )
    blocks = report_from_markdown(text).blocks
    levels = [(b.text, b.level) for b in blocks if b.kind == "heading"]
    assert levels == [
        ("主要工作", 1),
        ("教育发展", 2),
        ("义务教育优质均衡发展", 3),
        ("推进集团化办学。", 4),  # exported as （1）, not as a sibling "3."
        ("深化课程改革。", 4),
        ("学前教育", 3),
    ]


def test_bold_items_under_a_fourth_level_heading_stay_as_typed():
    text = "# 总结\n\n#### （2）课程资源\n\n**（1）编写读本。**组织活动。\n"
    blocks = report_from_markdown(text).blocks
    assert blocks[-1] == ReportBlock("paragraph", "（1）编写读本。组织活动。")


def test_own_file_run_in_headings_keep_their_level():
    report = Report(
        title="方案",
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("heading", "指导思想", level=3),
            ReportBlock("heading", "认真落实。", level=3, body="争取支持。"),
        ],
    )
    assert report_from_markdown(report_to_markdown(report)) == report
