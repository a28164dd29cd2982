"""What the checker reports: findings, and the paragraphs they point into.

A :class:`CheckDoc` is the document as the checker sees it: a flat list of :class:`Paragraph`
objects with their official-document role (title, 发文字号, 主送机关, heading, paragraph, 附件说明,
署名, 成文日期).  It is built from a :class:`~eduwriter.compose.report.Report` or from the lines
of a text file (see ``document.py``); every :class:`Finding` points into one paragraph by index
and character offsets, and carries where that paragraph came from (a report block, a line of a
file), so the window can jump there and the command line can print ``file:line:column``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "suggestion"]

#: Severity names shown to the writer.
SEVERITY_ZH = {"error": "错误", "suggestion": "建议"}
SEVERITY_EN = {"error": "error", "suggestion": "suggestion"}

Role = Literal[
    "title", "docno", "recipient", "heading", "paragraph", "attachment", "signer", "date"
]


@dataclass(slots=True)
class Paragraph:
    """One paragraph (or one line of a text file) as the checker sees it.

    ``text`` is what the writer typed.  For a text file it is the whole line (typed heading
    numbers included, Markdown marks removed); for a report it is the block's text, and the
    computed number of a heading is in ``marker`` (``marker_typed`` is False: it is not part
    of ``text``).  ``level`` is the heading level (1 一、 … 4 （1）) or 0.
    ``block`` is the index in ``Report.blocks`` and ``part`` the field of the report it came
    from (``title``, ``text``, ``body``, ``recipient``, ``attachment``, ``signer``, ``date``);
    ``index`` is the attachment's position for ``part == "attachment"``.  ``line`` (1-based)
    and ``column`` (0-based, in characters) locate ``text`` in a text file (``columns`` maps
    each character when Markdown marks inside the line were removed).
    """

    text: str
    role: Role = "paragraph"
    level: int = 0
    marker: str = ""
    marker_typed: bool = False
    block: int | None = None
    part: str = "text"
    index: int = 0
    line: int | None = None
    column: int = 0
    hint: bool = False
    columns: tuple[int, ...] = ()  # the line column of each character, when not contiguous

    def column_of(self, offset: int) -> int:
        """The column in the file's line of character ``offset`` of ``text``."""
        if self.columns:
            return self.columns[min(offset, len(self.columns) - 1)]
        return self.column + offset


@dataclass(slots=True)
class CheckDoc:
    """The document to check; ``genre`` is the kind of 公文 named by the title (通知, 函…)."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    genre: str = ""
    source: str = ""  # "report", "text", "markdown"

    def title(self) -> str:
        for p in self.paragraphs:
            if p.role == "title":
                return p.text
        return ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: where, what, and how to put it right.

    ``start``/``end`` are character offsets in ``Paragraph.text`` of paragraph ``paragraph``;
    ``replacement`` (when not None) is the text to put there; ``safe`` says the replacement
    can be applied with one click without changing the meaning.
    """

    rule: str
    category: str
    severity: Severity
    paragraph: int
    start: int
    end: int
    text: str
    message_zh: str
    message_en: str
    replacement: str | None = None
    safe: bool = False
    line: int | None = None
    column: int | None = None
    block: int | None = None
    part: str = "text"
    index: int = 0

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang.startswith("en") else self.message_zh

    def severity_label(self, lang: str = "zh") -> str:
        return (SEVERITY_EN if lang.startswith("en") else SEVERITY_ZH)[self.severity]

    @property
    def key(self) -> tuple[str, str, str]:
        """Identifies the finding across edits (for 忽略一次): rule, the text found, and
        the paragraph's role."""
        return (self.rule, self.text, self.part)

    def to_json(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message_zh,
            "message_en": self.message_en,
            "text": self.text,
            "replacement": self.replacement,
            "safe_fix": self.safe,
            "location": {
                "paragraph": self.paragraph,
                "start": self.start,
                "end": self.end,
                "line": self.line,
                "column": self.column,
                "block": self.block,
                "part": self.part,
                "index": self.index,
            },
        }


def apply_fix(text: str, finding: Finding) -> str:
    """``text`` (the paragraph's text) with the finding's replacement applied."""
    if finding.replacement is None:
        raise ValueError("this finding has no replacement")
    if text[finding.start : finding.end] != finding.text:
        raise ValueError("the paragraph has changed since it was checked")
    return text[: finding.start] + finding.replacement + text[finding.end :]
