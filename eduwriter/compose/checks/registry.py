"""The rule registry: every rule's id, category, severity, and the function that finds it.

A rule family module declares its rules with :func:`rule`; the engine runs every registered
rule over a :class:`~eduwriter.compose.checks.finding.CheckDoc`.  A rule function yields
:class:`Hit` objects (paragraph, span, message, replacement); the engine turns them into
:class:`~eduwriter.compose.checks.finding.Finding` objects with the rule's identity and the
paragraph's location.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from eduwriter.compose.checks.finding import CheckDoc, Severity


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function reports; ``severity`` overrides the rule's when set."""

    paragraph: int
    start: int
    end: int
    message_zh: str
    message_en: str
    replacement: str | None = None
    safe: bool = False
    severity: Severity | None = None


RuleFunc = Callable[[CheckDoc], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title_zh: str
    title_en: str
    func: RuleFunc


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, category: str, severity: Severity, title_zh: str, title_en: str
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as the rule ``rule_id`` (ids are unique and never reused)."""

    def wrap(func: RuleFunc) -> RuleFunc:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, category, severity, title_zh, title_en, func)
        return func

    return wrap
