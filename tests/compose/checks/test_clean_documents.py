"""Whole well-formed documents give no 错误; the bundled samples after import give none of
the errors that would be false alarms on a text imported into a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduwriter.compose.checks import check_doc, check_report, check_text, count_errors
from eduwriter.compose.checks.document import doc_from_report, report_from_imported
from eduwriter.compose.markdown_io import read_report
from eduwriter.core.importer import analyze_files
from eduwriter.resources_path import resources_dir

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "genre"),
    [("notice.txt", "通知"), ("letter.txt", "函"), ("summary.txt", "总结")],
)
def test_well_formed_text_gives_no_error(name: str, genre: str) -> None:
    doc, findings = check_text((DATA / name).read_text(encoding="utf-8"))
    assert doc.genre == genre
    assert [f for f in findings if f.severity == "error"] == []


def test_notice_roles_are_recognised() -> None:
    doc, _ = check_text((DATA / "notice.txt").read_text(encoding="utf-8"))
    roles = [p.role for p in doc.paragraphs]
    assert roles[:3] == ["title", "docno", "recipient"]
    assert roles[-4:] == ["attachment", "attachment", "signer", "date"]


def test_well_formed_markdown_report_gives_no_error() -> None:
    path = DATA / "report.md"
    _doc, findings = check_text(path.read_text(encoding="utf-8"), markdown=True)
    assert count_errors(findings) == 0
    assert count_errors(check_report(read_report(path))) == 0


def test_markdown_findings_carry_the_file_line() -> None:
    text = (DATA / "report.md").read_text(encoding="utf-8").replace("统筹城乡", "截止目前统筹城乡")
    _doc, findings = check_text(text, markdown=True)
    [f] = [f for f in findings if f.rule == "number.jiezhi"]
    line = text.splitlines()[f.line - 1]
    assert line[f.column : f.column + 2] == "截止"


#: Rules that judge the form of a document; on the bundled samples, imported into a report,
#: they must not cry wolf.  The samples are web 范文 with real damage, which the other rules
#: rightly report as errors: lines cut mid-quote and ” used as an opening quote (punct.pairs),
#: 【20xx】 left in (slot.unfilled, docno.format), 认定为为 (wording.repeat), and 第X章 sections
#: whose (一) headings the importer puts one level too deep (structure.skip).
FORM_RULES = (
    "structure.gap",
    "structure.mixed",
    "number",
    "genre",
    "wording.direction",
    "wording.spun",
    "wording.stale",
    "attachment",
    "punct.heading_end",
    "punct.ellipsis_dash",
    "punct.halfwidth",
    "punct.repeat",
)


def test_bundled_samples_after_import_give_no_false_form_error() -> None:
    paths = sorted((resources_dir() / "samples").glob("*.txt"))
    assert paths
    errors = []
    for result in analyze_files(paths):
        for document in result.documents:
            doc = doc_from_report(report_from_imported(document))
            errors += [
                (result.path, f.rule, f.text)
                for f in check_doc(doc)
                if f.severity == "error" and f.rule.startswith(FORM_RULES)
            ]
    assert errors == []
