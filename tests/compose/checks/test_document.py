from eduwriter.compose.checks.document import (
    doc_from_blocks,
    doc_from_report,
    doc_from_text,
    genre_of,
    report_from_imported,
)
from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.core.importer import parse_outline


def test_genre_of_the_title() -> None:
    assert genre_of("关于增加教师编制的请示") == "请示"
    assert genre_of("关于商请支持的复函") == "函"
    assert genre_of("示范区2025年工作总结") == "总结"
    assert genre_of("开学第一课") == ""


def test_text_roles() -> None:
    doc = doc_from_text(
        "关于开学工作的通知\n示教发〔2026〕5号\n各学校：\n一、总体要求\n正文。\n"
        "附件：1.名单\n2.报名表\n示范市教育局\n2026年8月20日\n"
    )
    roles = [(p.role, p.line) for p in doc.paragraphs]
    assert roles == [
        ("title", 1), ("docno", 2), ("recipient", 3), ("heading", 4), ("paragraph", 5),
        ("attachment", 6), ("attachment", 7), ("signer", 8), ("date", 9),
    ]  # fmt: skip
    heading = doc.paragraphs[3]
    assert (heading.level, heading.marker, heading.marker_typed) == (1, "一、", True)


def test_markdown_front_matter_roles_and_lines() -> None:
    text = (
        "---\n主送机关: 各学校\n附件:\n  - 名单\n署名: 示范市教育局\n成文日期: 2026年8月20日\n---\n\n"
        "# 关于开学工作的通知\n\n## 一、总体要求\n\n正文。\n"
    )
    doc = doc_from_text(text, markdown=True)
    roles = [(p.role, p.line) for p in doc.paragraphs]
    assert roles == [
        ("title", 9), ("recipient", 2), ("heading", 11), ("paragraph", 13),
        ("attachment", 4), ("signer", 5), ("date", 6),
    ]  # fmt: skip


def test_report_and_composer_blocks_agree() -> None:
    report = Report(
        "关于开学工作的通知",
        ReportMeta("各学校", ["名单"], "示范市教育局", "2026年8月20日"),
        [ReportBlock("heading", "总体要求", 1), ReportBlock("paragraph", "正文。")],
    )
    from_report = doc_from_report(report)
    from_blocks = doc_from_blocks(
        [(-1, "关于开学工作的通知", False), (1, "总体要求", False), (0, "", False),
         (0, "正文。", False)],
        report.meta,
    )  # fmt: skip
    assert [(p.role, p.text) for p in from_report.paragraphs] == [
        (p.role, p.text) for p in from_blocks.paragraphs
    ]
    assert [p.block for p in from_blocks.paragraphs if p.role == "paragraph"] == [3]
    assert from_blocks.paragraphs[2].marker == "一、"


def test_imported_document_becomes_a_report() -> None:
    document = parse_outline("关于开学工作的工作方案\n一、总体要求\n（一）提高认识\n正文。")
    report = report_from_imported(document)
    assert report.title == "关于开学工作的工作方案"
    assert [(b.kind, b.level) for b in report.blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
    ]


def test_attachment_list_typed_in_the_body_of_a_report() -> None:
    from eduwriter.compose.checks import check_report

    report = Report(
        "关于开学工作的通知",
        blocks=[
            ReportBlock("paragraph", "请填写附件1。"),
            ReportBlock("paragraph", "附件：1.名单"),
        ],
    )
    assert doc_from_report(report).paragraphs[-1].role == "attachment"
    assert not [f for f in check_report(report) if f.category == "attachment.missing"]
