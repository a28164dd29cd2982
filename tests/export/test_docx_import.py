"""Re-import: a .docx opens back into a report with its headings and levels."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from export_helpers import sample_report

from eduwriter.compose.markdown_io import report_from_markdown, report_to_markdown
from eduwriter.compose.report import ReportBlock
from eduwriter.export import export_report
from eduwriter.export.docx_import import DocxReadError, import_docx


@pytest.mark.parametrize("fonts", ["installed", "strict"])
def test_our_export_reimports_to_the_same_report(tmp_path: Path, fonts: str):
    r = sample_report(paragraph_repeat=3)
    out = tmp_path / "报告.docx"
    export_report(r, out, fonts=fonts, bold_headings=True)
    assert import_docx(out) == r


def test_after_editing_in_word_headings_still_come_from_styles(tmp_path: Path):
    out = tmp_path / "报告.docx"
    export_report(sample_report(), out)
    d = docx.Document(str(out))
    # the writer adds a heading and a paragraph in Word, using the styles
    d.add_paragraph("三、新增的部分", style="Heading 1")
    d.add_paragraph("新增的正文。")
    d.save(str(out))
    r = import_docx(out)
    heads = [(b.text, b.level) for b in r.blocks if b.kind == "heading"]
    assert heads == [
        ("总体要求", 1),
        ("指导思想", 2),
        ("认真落实保障措施。", 3),
        ("具体做法", 4),
        ("工作任务", 1),
        ("新增的部分", 1),
    ]
    assert r.blocks[-1] == ReportBlock("paragraph", "新增的正文。")


def test_colleague_document_with_word_heading_styles(tmp_path: Path):
    d = docx.Document()
    d.add_heading("学校德育工作总结", level=0)
    d.add_heading("一、基本情况", level=1)
    d.add_paragraph("本学期我校德育工作取得新进展。")
    d.add_heading("（一）队伍建设", level=2)
    d.add_paragraph("加强班主任队伍建设。")
    path = tmp_path / "同事.docx"
    d.save(str(path))
    r = import_docx(path)
    assert r.title == "学校德育工作总结"
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "基本情况", 1),
        ("paragraph", "本学期我校德育工作取得新进展。", 0),
        ("heading", "队伍建设", 2),
        ("paragraph", "加强班主任队伍建设。", 0),
    ]


def test_typed_numbering_when_there_are_no_heading_styles(tmp_path: Path):
    d = docx.Document()
    t = d.add_paragraph("关于开展读书月活动的通知")
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各中小学：")
    for text in (
        "一、活动主题",
        "书香校园，阅读人生。",
        "二、活动安排",
        "（一）启动阶段",
        "1.制定方案。各校要结合实际制定活动方案，明确责任分工。",
        "（1）成立领导小组",
        "一是加强领导，二是明确分工。",
        "附件：1.活动安排表",
        "2.报名表",
    ):
        d.add_paragraph(text)
    d.add_paragraph("XX区教育局").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("2026年3月1日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = tmp_path / "通知.docx"
    d.save(str(path))
    r = import_docx(path)
    assert r.title == "关于开展读书月活动的通知"
    assert r.meta.recipient == "各中小学"
    assert r.meta.attachments == ["活动安排表", "报名表"]
    assert (r.meta.signer, r.meta.date) == ("XX区教育局", "2026年3月1日")
    assert [(b.kind, b.text, b.level, b.body) for b in r.blocks] == [
        ("heading", "活动主题", 1, ""),
        ("paragraph", "书香校园，阅读人生。", 0, ""),
        ("heading", "活动安排", 1, ""),
        ("heading", "启动阶段", 2, ""),
        ("heading", "制定方案。", 3, "各校要结合实际制定活动方案，明确责任分工。"),
        ("heading", "成立领导小组", 4, ""),
        # run-in enumerations are not headings: kept exactly as written
        ("paragraph", "一是加强领导，二是明确分工。", 0, ""),
    ]


def test_report_to_markdown_to_docx_and_back(tmp_path: Path):
    r = report_from_markdown(report_to_markdown(sample_report()))
    out = tmp_path / "x.docx"
    export_report(r, out)
    back = import_docx(out)
    assert [(b.kind, b.level, b.text, b.body) for b in back.blocks] == [
        (b.kind, b.level, b.text, b.body) for b in sample_report().blocks
    ]


def test_broken_docx_gives_a_chinese_message(tmp_path: Path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"\x00\x01 not a zip")
    with pytest.raises(DocxReadError) as info:
        import_docx(bad)
    assert "不是有效的 Word 文档" in info.value.message_zh
    assert "默认的公文版式" not in info.value.message_zh


def test_word_automatic_numbering_counts_as_typed_numbering(tmp_path: Path):
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    wns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {wns} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {wns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, ilvl: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {wns}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>')
        )

    numbered("总体要求", 0)
    d.add_paragraph("坚持立德树人。")
    numbered("主要任务", 0)
    numbered("课程建设", 1)
    d.add_paragraph("开齐开足课程。")
    path = tmp_path / "自动编号.docx"
    d.save(str(path))
    r = import_docx(path)
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "总体要求", 1),
        ("paragraph", "坚持立德树人。", 0),
        ("heading", "主要任务", 1),
        ("heading", "课程建设", 2),
        ("paragraph", "开齐开足课程。", 0),
    ]


def test_text_box_content_is_not_read_twice(tmp_path: Path):
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("正文第一段。")
    p = d.add_paragraph("正文第二段。")
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>"
    p._p.append(
        parse_xml(
            f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps">{box}</mc:Choice>'
            f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    path = tmp_path / "文本框.docx"
    d.save(str(path))
    texts = [b.text for b in import_docx(path).blocks]
    assert texts == ["正文第一段。", "正文第二段。", "文本框里的字"]


def test_a_lead_in_sentence_is_not_taken_for_the_recipient(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("关于开展安全检查的通知").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("现将有关事项通知如下：")
    d.add_paragraph("一、检查内容")
    path = tmp_path / "通知.docx"
    d.save(str(path))
    r = import_docx(path)
    assert r.meta.recipient == ""
    assert r.blocks[0] == ReportBlock("paragraph", "现将有关事项通知如下：")


def test_heading_1_title_over_typed_sections_in_normal_style(tmp_path: Path):
    d = docx.Document()
    d.add_heading("XX学校2026年上半年安全工作总结", level=1)
    d.add_paragraph("一、基本情况")
    d.add_paragraph("本学期共开展安全演练四次。")
    d.add_paragraph("二、存在问题")
    d.add_paragraph("部分班级安全教育流于形式。")
    path = tmp_path / "总结.docx"
    d.save(str(path))
    r = import_docx(path)
    assert r.title == "XX学校2026年上半年安全工作总结"
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "基本情况", 1),
        ("paragraph", "本学期共开展安全演练四次。", 0),
        ("heading", "存在问题", 1),
        ("paragraph", "部分班级安全教育流于形式。", 0),
    ]
    # the writer sees the same headings when the report is exported again
    md = report_to_markdown(r)
    assert "## 一、基本情况" in md and "## 二、存在问题" in md


def test_styled_and_typed_headings_are_combined(tmp_path: Path):
    d = docx.Document()
    d.add_heading("一、基本情况", level=1)
    d.add_paragraph("（一）队伍建设")
    d.add_paragraph("加强班主任队伍建设。")
    d.add_heading("二、下一步打算", level=1)
    d.add_paragraph("继续做好各项工作。")
    path = tmp_path / "混合.docx"
    d.save(str(path))
    r = import_docx(path)
    assert r.title == ""
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "基本情况", 1),
        ("heading", "队伍建设", 2),
        ("paragraph", "加强班主任队伍建设。", 0),
        ("heading", "下一步打算", 1),
        ("paragraph", "继续做好各项工作。", 0),
    ]


def test_table_rows_come_back_as_one_paragraph_each(tmp_path: Path):
    d = docx.Document()
    d.add_heading("学校安全检查情况", level=0)
    d.add_paragraph("一、检查结果")
    table = d.add_table(rows=3, cols=3)
    rows = [("学校", "问题数", "整改情况"), ("实验小学", "2", "已整改"), ("第一中学", "", "整改中")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    d.add_paragraph("二、下一步工作")
    d.add_paragraph("持续开展隐患排查。")
    path = tmp_path / "表格.docx"
    d.save(str(path))
    r = import_docx(path)
    assert [(b.kind, b.text) for b in r.blocks] == [
        ("heading", "检查结果"),
        ("paragraph", "学校\u3000问题数\u3000整改情况"),
        ("paragraph", "实验小学\u30002\u3000已整改"),
        ("paragraph", "第一中学\u3000整改中"),
        ("heading", "下一步工作"),
        ("paragraph", "持续开展隐患排查。"),
    ]
