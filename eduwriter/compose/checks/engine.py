"""Run the rules: a report, a text or a Markdown file in, a sorted list of findings out.

>>> from eduwriter.compose.report import Report, ReportBlock
>>> r = Report("关于做好招生工作的通知", blocks=[ReportBlock("paragraph", "截止目前，报名已结束。")])
>>> [f.rule for f in check_report(r)]
['number.jiezhi']
"""

from __future__ import annotations

from collections.abc import Iterable

from eduwriter.compose.checks import (  # noqa: F401 - importing a family registers its rules
    docno,
    numbers,
    punctuation,
    slots,
    structure,
    wording,
)
from eduwriter.compose.checks.document import doc_from_report, doc_from_text
from eduwriter.compose.checks.finding import CheckDoc, Finding
from eduwriter.compose.checks.registry import RULES, Rule
from eduwriter.compose.checks.userdict import UserDictionary
from eduwriter.compose.report import Report

_SEVERITY_ORDER = {"error": 0, "suggestion": 1}


def all_rules() -> list[Rule]:
    """Every registered rule, by id."""
    return [RULES[k] for k in sorted(RULES)]


def check_doc(
    doc: CheckDoc, user: UserDictionary | None = None, only: Iterable[str] | None = None
) -> list[Finding]:
    """Run every rule (or the rules and categories in ``only``) over ``doc``."""
    wanted = set(only) if only is not None else None
    out: list[Finding] = []
    for r in RULES.values():
        if wanted is not None and r.id not in wanted and r.category not in wanted:
            continue
        if user is not None and user.ignores_rule(r.id, r.category):
            continue
        for hit in r.func(doc):
            para = doc.paragraphs[hit.paragraph]
            if para.hint and r.category != "slot.unfilled":
                continue
            found = para.text[hit.start : hit.end]
            if user is not None and user.accepts(para.text, hit.start, hit.end):
                continue
            out.append(
                Finding(
                    rule=r.id,
                    category=r.category,
                    severity=hit.severity or r.severity,
                    paragraph=hit.paragraph,
                    start=hit.start,
                    end=hit.end,
                    text=found,
                    message_zh=hit.message_zh,
                    message_en=hit.message_en,
                    replacement=hit.replacement,
                    safe=hit.safe and hit.replacement is not None,
                    line=para.line,
                    column=None if para.line is None else para.column_of(hit.start),
                    block=para.block,
                    part=para.part,
                    index=para.index,
                )
            )
    out.sort(key=lambda f: (f.paragraph, f.start, _SEVERITY_ORDER[f.severity], f.rule))
    return out


def check_report(report: Report, user: UserDictionary | None = None) -> list[Finding]:
    """Findings for a report of the composer."""
    return check_doc(doc_from_report(report), user)


def check_text(
    text: str, markdown: bool = False, user: UserDictionary | None = None
) -> tuple[CheckDoc, list[Finding]]:
    """The document read from a text file's lines, and its findings."""
    doc = doc_from_text(text, markdown)
    return doc, check_doc(doc, user)


def count_errors(findings: Iterable[Finding]) -> int:
    return sum(1 for f in findings if f.severity == "error")
