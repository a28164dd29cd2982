import pytest
from check_helpers import fired, notice

CASES = [
    (
        "docno.format",
        "根据《通知》（示卫发[2026]第05号）要求",
        "根据《通知》（示卫发〔2026〕5号）要求",
    ),
    ("docno.format", "按照示教发（2026）3号文件", "按照示教发〔2026〕3号文件"),
    ("docno.format", "按照示教发【2026】3号文件", "2026年3号台风"),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES)
def test_rule_fires_on_bad_and_not_on_good(rule: str, bad: str, good: str) -> None:
    assert fired(notice(bad), rule), bad
    assert not fired(notice(good), rule), good


def test_docno_fix() -> None:
    [f] = fired(notice("示卫发[2026]第05号"), "docno.format")
    assert (f.replacement, f.safe) == ("〔2026〕5号", True)
    assert "第" in f.message_zh and "虚位" in f.message_zh


def test_docno_line_under_the_title() -> None:
    text = "关于开学工作的通知\n示教发[2026]5号\n各学校：\n请落实。\n示范市教育局\n2026年8月20日\n"
    [f] = fired(text, "docno.format")
    assert f.line == 2


def _with_attachments(body: str, attachments: str) -> str:
    return f"关于开学工作的通知\n各学校：\n{body}\n{attachments}\n示范市教育局\n2026年8月20日\n"


def test_attachment_with_punctuation_after_the_name() -> None:
    bad = _with_attachments("请填写附件1。", "附件：1.学校名单。\n2.报名表")
    found = fired(bad, "attachment.format")
    assert [(f.text, f.replacement) for f in found] == [("。", "")]
    good = _with_attachments("请填写附件1。", "附件：1.学校名单\n2.报名表")
    assert not fired(good, "attachment.format")


def test_attachment_numbered_with_a_dun_hao() -> None:
    bad = _with_attachments("请填写附件。", "附件：1、学校名单\n2、报名表")
    assert [f.replacement for f in fired(bad, "attachment.format")] == [".", "."]


def test_attachment_cited_but_not_listed() -> None:
    bad = _with_attachments("请填写附件3。", "附件：1.学校名单\n2.报名表")
    [f] = fired(bad, "attachment.missing")
    assert f.text == "附件3"
    good = _with_attachments("请填写附件2。", "附件：1.学校名单\n2.报名表")
    assert not fired(good, "attachment.missing")


def test_attachment_cited_with_no_list_at_all() -> None:
    assert fired(notice("具体安排见附件。"), "attachment.missing")
    assert not fired(notice("具体安排见通知。"), "attachment.missing")


def test_another_documents_attachment_is_not_ours() -> None:
    assert not fired(notice("按照《实施方案》附件2的要求执行。"), "attachment.missing")


def test_docno_and_print_date_of_the_front_matter_are_checked() -> None:
    from eduwriter.compose.checks.engine import check_report
    from eduwriter.compose.report import Report, ReportBlock, ReportMeta

    report = Report(
        title="关于开学工作的通知",
        meta=ReportMeta(doc_number="示教发[2026]第05号", print_date="2026年08月05日印发"),
        blocks=[ReportBlock("paragraph", "请各校认真落实。")],
    )
    rules = {f.rule for f in check_report(report)}
    assert "docno.format" in rules
    assert "number.date_padding" in rules
