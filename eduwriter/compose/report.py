"""The report being written: a flat list of headings and paragraphs with levels.

Numbers are never stored: they are computed from the structure (see ``numbering.py``).
A *section* is a heading together with every block after it up to the next heading of the
same or a higher level (a smaller level number).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

ReportBlockKind = Literal["heading", "paragraph"]
MAX_LEVEL = 4


@dataclass(slots=True)
class ReportBlock:
    """One block of a report.

    ``level`` is 1..4 for headings (一、 / （一） / 1. / （1）) and 0 for paragraphs.
    ``body`` is run-in body text that follows a heading on the same line
    (``1. 认真落实保障措施。争取…``): exported as one paragraph, heading run in the heading font.
    ``hint`` marks a greyed placeholder paragraph inserted from a skeleton (【在此概述…】).
    """

    kind: ReportBlockKind
    text: str
    level: int = 0
    body: str = ""
    hint: bool = False

    def copy(self) -> ReportBlock:
        return replace(self)


@dataclass(slots=True)
class ReportMeta:
    """Optional official-document blocks (GB/T 9704 §7.3)."""

    recipient: str = ""  # 主送机关
    attachments: list[str] = field(default_factory=list)  # 附件说明
    signer: str = ""  # 署名
    date: str = ""  # 成文日期, e.g. 2026年11月22日

    def is_empty(self) -> bool:
        return not (self.recipient or self.attachments or self.signer or self.date)


@dataclass(slots=True)
class Report:
    """A report: title, metadata and blocks."""

    title: str = ""
    meta: ReportMeta = field(default_factory=ReportMeta)
    blocks: list[ReportBlock] = field(default_factory=list)

    def headings(self) -> list[tuple[int, ReportBlock]]:
        """(index, block) for every heading, in order."""
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind == "heading"]

    def section_span(self, index: int) -> tuple[int, int]:
        """The half-open range [index, end) of the section that starts at heading ``index``."""
        head = self.blocks[index]
        if head.kind != "heading":
            raise ValueError("section_span needs the index of a heading")
        end = index + 1
        while end < len(self.blocks):
            blk = self.blocks[end]
            if blk.kind == "heading" and blk.level <= head.level:
                break
            end += 1
        return index, end

    def copy(self) -> Report:
        return Report(
            title=self.title,
            meta=replace(self.meta, attachments=list(self.meta.attachments)),
            blocks=[b.copy() for b in self.blocks],
        )
