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
    doc_number: str = ""  # 发文字号, e.g. X教〔2026〕5号
    issuer: str = ""  # 签发人 (上行文)
    secrecy: str = ""  # 密级和保密期限, e.g. 秘密★1年
    urgency: str = ""  # 紧急程度: 特急 / 加急
    copy_to: str = ""  # 抄送机关 (版记)
    printer: str = ""  # 印发机关 (版记), e.g. XX市教育局办公室
    print_date: str = ""  # 印发日期 (版记), e.g. 2026年11月22日
    sealed: bool = False  # 加盖印章: 署名 centred above the date (§7.3.5.1)

    def is_empty(self) -> bool:
        return not (
            self.recipient
            or self.attachments
            or self.signer
            or self.date
            or self.has_front_matter()
        )

    def has_front_matter(self) -> bool:
        """Whether any 版头/版记 field or the sealed layout is set."""
        return bool(
            self.doc_number
            or self.issuer
            or self.secrecy
            or self.urgency
            or self.copy_to
            or self.printer
            or self.print_date
            or self.sealed
        )


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
