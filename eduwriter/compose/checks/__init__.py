"""公文检查: proofreading and format checks over a report or a text file (no Qt).

>>> from eduwriter.compose.checks import check_text
>>> doc, findings = check_text("关于开展检查的通知\\n截止目前，已完成。")
>>> [(f.rule, f.replacement) for f in findings]
[('number.jiezhi', '截至')]
"""

from eduwriter.compose.checks.engine import (
    all_rules,
    check_doc,
    check_report,
    check_text,
    count_errors,
)
from eduwriter.compose.checks.finding import CheckDoc, Finding, Paragraph, apply_fix
from eduwriter.compose.checks.userdict import (
    UserDictionary,
    format_user_dictionary,
    parse_user_dictionary,
)

__all__ = [
    "CheckDoc",
    "Finding",
    "Paragraph",
    "UserDictionary",
    "all_rules",
    "apply_fix",
    "check_doc",
    "check_report",
    "check_text",
    "count_errors",
    "format_user_dictionary",
    "parse_user_dictionary",
]
