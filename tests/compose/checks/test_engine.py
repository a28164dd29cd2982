import json
from pathlib import Path

import pytest
from check_helpers import findings, notice

from eduwriter.compose.checks import (
    UserDictionary,
    all_rules,
    apply_fix,
    check_report,
    format_user_dictionary,
    parse_user_dictionary,
)
from eduwriter.compose.checks.document import doc_from_text
from eduwriter.compose.checks.engine import check_doc
from eduwriter.compose.report import Report, ReportBlock, ReportMeta

CATEGORIES = {
    "structure.skip", "structure.gap", "structure.mixed", "punct.halfwidth", "punct.repeat",
    "punct.ellipsis_dash", "punct.pairs", "punct.heading_end", "number.year_short",
    "number.date_padding", "number.date_chinese", "number.fullwidth_digit", "number.hao_date",
    "number.jiezhi", "number.percent_range", "docno.format", "attachment.format",
    "attachment.missing", "genre.conflict", "wording.direction", "wording.spun",
    "wording.stale", "wording.repeat", "slot.unfilled",
}  # fmt: skip


def test_every_category_of_the_issue_has_a_rule() -> None:
    assert {r.category for r in all_rules()} == CATEGORIES


def test_every_rule_is_documented() -> None:
    doc = (Path(__file__).parents[3] / "docs" / "checks.md").read_text(encoding="utf-8")
    missing = [r.id for r in all_rules() if f"`{r.id}`" not in doc]
    assert missing == []


def test_finding_json_shape() -> None:
    [f] = findings(notice("截止目前，已完成。"))
    data = json.loads(json.dumps(f.to_json(), ensure_ascii=False))
    assert data["rule"] == "number.jiezhi"
    assert data["severity"] == "error"
    assert data["safe_fix"] is True
    assert data["location"]["line"] == 3
    assert (data["location"]["start"], data["location"]["end"]) == (0, 2)


def test_apply_fix_replaces_the_span() -> None:
    doc = doc_from_text(notice("截止目前，已完成。"))
    [f] = check_doc(doc)
    assert apply_fix(doc.paragraphs[f.paragraph].text, f) == "截至目前，已完成。"


def test_apply_fix_refuses_a_changed_paragraph() -> None:
    doc = doc_from_text(notice("截止目前，已完成。"))
    [f] = check_doc(doc)
    with pytest.raises(ValueError):
        apply_fix("目前已完成。", f)


def test_user_dictionary_accepts_words_and_ignores_rules() -> None:
    text = notice("深入学习贯彻十九大精神，截止目前已完成。")
    assert {f.category for f in findings(text)} == {"wording.stale", "number.jiezhi"}
    doc = doc_from_text(text)
    accepted = check_doc(doc, UserDictionary(words={"十九大精神"}))
    assert [f.category for f in accepted] == ["number.jiezhi"]
    ignored = check_doc(doc, UserDictionary(rules={"number.jiezhi"}))
    assert [f.category for f in ignored] == ["wording.stale"]


def test_user_dictionary_word_must_cover_the_finding() -> None:
    doc = doc_from_text(notice("截止目前已完成。"))
    assert check_doc(doc, UserDictionary(words={"目前"}))  # does not cover 截止


def test_user_dictionary_round_trip() -> None:
    user = UserDictionary(words={"研究研究", "效劳"}, rules={"wording.repeat"})
    text = format_user_dictionary(user)
    assert text.startswith("#")
    back = parse_user_dictionary(text)
    assert (back.words, back.rules) == (user.words, user.rules)
    assert format_user_dictionary(back) == text


def test_report_findings_point_at_blocks_and_meta() -> None:
    report = Report(
        "关于开学工作的通知",
        ReportMeta(
            recipient="各学校:",
            attachments=["名单。"],
            signer="示范市教育局",
            date="2026年01月05日",
        ),
        [ReportBlock("heading", "总体要求", 1, body="截止目前已完成。")],
    )
    where = {(f.rule, f.part, f.block, f.index) for f in check_report(report)}
    assert ("number.jiezhi", "body", 0, 0) in where
    assert ("punct.halfwidth", "recipient", None, 0) in where
    assert ("attachment.format", "attachment", None, 0) in where
    assert ("number.date_padding", "date", None, 0) in where


def test_findings_are_in_document_order() -> None:
    found = findings(notice("截止目前已完成，，\n请于4月1号前报送。"))
    keys = [(f.paragraph, f.start) for f in found]
    assert keys == sorted(keys)


def test_the_engine_needs_no_qt_and_no_export_layer() -> None:
    import subprocess
    import sys

    code = (
        "import sys, eduwriter.compose.checks as c; c.check_text('关于开学的通知\\n截止目前。'); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'eduwriter.export', "
        "'eduwriter.gui'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
