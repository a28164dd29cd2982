import copy
import re

from eduwriter.compose.render import render, render_html, unfilled_slots
from eduwriter.compose.report import Report, ReportBlock, ReportMeta


def _report() -> Report:
    return Report(
        title="关于做好【年份】年教育工作的通知",
        meta=ReportMeta(
            recipient="各区（县）教育局",
            attachments=["附件：1.任务分解表。", "联系人名单"],
            signer="XX市教育局",
            date="2026年11月22日",
        ),
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", "正文第一段。"),
            ReportBlock("heading", "指导思想", level=2),
            ReportBlock("heading", "认真落实保障措施。", level=3, body="争取各方支持。"),
            ReportBlock("paragraph", "【在此概述】", hint=True),
            ReportBlock("heading", "工作任务", level=1),
        ],
    )


def test_roles_numbers_and_metadata_blocks_in_document_order():
    blocks = render(_report())
    assert [b.role for b in blocks] == [
        "title",
        "recipient",
        "heading",
        "paragraph",
        "heading",
        "heading",
        "paragraph",
        "heading",
        "attachment",
        "attachment",
        "signer",
        "date",
    ]
    headings = [b for b in blocks if b.role == "heading"]
    assert [b.heading_line for b in headings] == [
        "一、总体要求",
        "（一）指导思想",
        "1.认真落实保障措施。",
        "二、工作任务",
    ]
    assert headings[2].body == "争取各方支持。"
    assert blocks[1].text == "各区（县）教育局："  # the colon is added
    # typed 附件：/1. and the trailing full stop are dropped, numbers are computed
    assert [(b.prefix, b.number, b.text) for b in blocks if b.role == "attachment"] == [
        ("附件：", "1.", "任务分解表"),
        ("", "2.", "联系人名单"),
    ]


def test_single_attachment_has_no_number():
    r = Report(meta=ReportMeta(attachments=["名单"]))
    (att,) = render(r)
    assert att.plain == "附件：名单"


def test_render_does_not_modify_the_report():
    r = _report()
    before = copy.deepcopy(r)
    render(r)
    render_html(r)
    assert r == before


def test_unfilled_slots_ignore_hint_paragraphs():
    assert unfilled_slots(render(_report())) == ["【年份】"]


def test_html_preview_shows_the_same_numbers_and_highlights_slots():
    page = render_html(_report(), bold_headings=True)
    assert "一、总体要求" in page
    assert "（一）指导思想" in page
    assert '<span class="h3 bold">1.认真落实保障措施。</span>争取各方支持。' in page
    assert '<span class="slot">【年份】</span>' in page
    assert "附件：1.任务分解表" in page
    assert 'class="paragraph hint"' in page
    # the hint is shown greyed and in italics: guidance, not content
    assert re.search(r"\.hint \{[^}]*color: #888;[^}]*font-style: italic;", page)


def test_html_escapes_markup_in_text():
    r = Report(blocks=[ReportBlock("paragraph", "<script>x</script> & more")])
    page = render_html(r)
    assert "<script>x" not in page
    assert "&lt;script&gt;x&lt;/script&gt; &amp; more" in page
