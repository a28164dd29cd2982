"""Shared helpers of the check tests: run the checker on text and list what fired."""

from __future__ import annotations

from eduwriter.compose.checks import Finding, check_text


def findings(text: str, markdown: bool = False) -> list[Finding]:
    return check_text(text, markdown=markdown)[1]


def fired(text: str, rule_or_category: str, markdown: bool = False) -> list[Finding]:
    """The findings of one rule (exact id) or one category in ``text``."""
    return [
        f
        for f in findings(text, markdown)
        if f.rule == rule_or_category or f.category == rule_or_category
    ]


def notice(body: str, title: str = "关于做好2026年秋季学期开学工作的通知") -> str:
    """A 通知 around ``body`` lines."""
    return f"{title}\n各区（县）教育局：\n{body}\n示范市教育局\n2026年8月20日\n"
