"""Plain data produced by the import pipeline (decode -> clean -> segment -> outline -> slots).

Everything here is a dataclass with no behaviour beyond conversion to the JSON shape that
``eduwriter analyze --json`` prints (documented in docs/analyze-json.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]

#: Genres recognised by the segmenter (labels: :data:`eduwriter.core.genre.GENRE_LABELS`).
GENRES = (
    "plan",
    "scheme",
    "summary",
    "speech",
    "exemplary",
    "notice",
    "report",
    "request",
    "letter",
    "decision",
    "article",
)
#: Slot kinds (typed placeholders).
SLOT_KINDS = ("年份", "日期", "地区", "单位", "数量", "文号", "待填")


@dataclass(slots=True)
class Block:
    """A heading or a body paragraph of one document.

    ``text`` of a heading excludes its marker; ``marker`` is the numbering as written
    (``"一、"``, ``"（一）"``, ``"1."``, ``""`` for an unnumbered section title).
    """

    kind: BlockKind
    text: str
    level: int = 0
    marker: str = ""

    def to_json(self) -> dict:
        if self.kind == "heading":
            return {
                "kind": "heading",
                "level": self.level,
                "marker": self.marker,
                "text": self.text,
            }
        return {"kind": "paragraph", "text": self.text}


@dataclass(slots=True)
class Slot:
    """A placeholder found in the text (``raw`` as written) with its typed ``kind``."""

    raw: str
    kind: str

    def to_json(self) -> dict:
        return {"raw": self.raw, "kind": self.kind}


@dataclass(slots=True)
class RunInItem:
    """An enumerated item inside a paragraph (一是…, 第一，…) that is not a heading."""

    marker: str
    text: str

    def to_json(self) -> dict:
        return {"marker": self.marker, "text": self.text}


@dataclass(slots=True)
class Document:
    """One document recovered from a file."""

    title: str | None
    genre: str
    blocks: list[Block] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    run_in_items: list[RunInItem] = field(default_factory=list)
    #: education / government / other, from the content (see ``eduwriter.core.domain``).
    domain: str = ""

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "genre": self.genre,
            "blocks": [b.to_json() for b in self.blocks],
            "slots": [s.to_json() for s in self.slots],
            "run_in_items": [r.to_json() for r in self.run_in_items],
            "domain": self.domain,
        }


@dataclass(slots=True)
class FileResult:
    """The analysis of one input file. ``error`` is set (and documents empty) when it failed."""

    path: str
    encoding: str = ""
    removed: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    error: str | None = None

    def to_json(self) -> dict:
        data: dict = {
            "path": self.path,
            "encoding": self.encoding,
            "removed": list(self.removed),
            "removed_reasons": [getattr(r, "reason", "page") for r in self.removed],
            "documents": [d.to_json() for d in self.documents],
        }
        if self.error is not None:
            data["error"] = self.error
        return data
