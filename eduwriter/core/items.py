"""Plain data extracted from imported documents: phrasings and section skeletons.

This is the contract between extraction (``phrases.py``, ``skeletons.py``) and the library
store (``eduwriter.library``). Ids are stable: the same text from the same sources always gets
the same id, so rebuilding the library and re-importing shared packs are idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Phrasing functions, in the order the library tree shows them.
FUNCTIONS = (
    "开头",
    "主持词/称呼",
    "过渡",
    "基本情况",
    "政策依据",
    "意义/认识",
    "标题",
    "措施",
    "工作要求",
    "成效",
    "数据表述",
    "经验体会",
    "问题",
    "打算",
    "表态/号召",
    "结尾",
    "常用词组",
)
#: Domains of documents and items (from the content, see ``eduwriter.core.domain``).
DOMAINS = ("education", "government", "other")

#: Section roles of a skeleton.
ROLES = (
    "开头",
    "基本情况",
    "指导思想",
    "基本原则",
    "工作目标",
    "主要任务",
    "实施步骤",
    "保障措施",
    "工作要求",
    "主要成绩",
    "经验体会",
    "存在问题",
    "下一步打算",
    "结尾",
    "其他",
)


@dataclass(slots=True, frozen=True)
class SourceRef:
    """Where an item comes from: file name, document title (or 《file》第N篇), section path (headings)."""

    file: str
    document: str
    section: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"file": self.file, "document": self.document, "section": list(self.section)}

    @classmethod
    def from_json(cls, data: dict) -> SourceRef:
        return cls(data["file"], data["document"], tuple(data.get("section", ())))


@dataclass(slots=True)
class Phrasing:
    """A reusable sentence or clause.

    ``text`` is the repaired text with slots written as 【年份】/【地区】/…; ``original`` keeps the
    source wording when it differed (spun words repaired, specifics replaced by slots).
    ``family`` is set for parallel headings (以“德”为先… / 以“智”为基…) and holds the shared pattern.
    """

    id: str
    text: str
    function: str
    tags: list[str] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    score: float = 0.0
    original: str = ""
    family: str = ""
    genre: str = ""
    #: Spinner repairs applied to the source wording, as "效劳→服务" (see ``eduwriter.core.spun``).
    repairs: list[str] = field(default_factory=list)
    #: education / government / other, from the source documents' content.
    domain: str = ""
    #: Flags a writer should see, e.g. "stale" (a superseded 提法, see ``stale_terms``).
    flags: list[str] = field(default_factory=list)
    #: For a stale item: the current wording of each superseded term ("十九大精神→党的二十大精神").
    suggestions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class HeadingFamily:
    """Parallel sibling headings kept as one family (以“德”为先… / 以“智”为基… / …).

    ``pattern`` is the shared wording with 【字】 for a differing quoted character and 【…】 for
    other differing parts; ``members`` are the ids of the member phrasings (function 标题), in
    source order, ``texts`` their texts; ``sources`` point at the parent sections.
    """

    id: str
    pattern: str
    members: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    genre: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    domain: str = ""

    @property
    def text(self) -> str:
        """The members joined by " / " (what a writer reads and searches)."""
        return " / ".join(self.texts)


@dataclass(slots=True)
class SkeletonPart:
    """One heading of a skeleton with its level, role and a hint of what goes under it."""

    level: int
    heading: str
    role: str
    hint: str = ""
    source: SourceRef | None = None


@dataclass(slots=True)
class Skeleton:
    """The outline of one document (``merged`` False) or of a whole genre (``merged`` True).

    For a merged skeleton each part's ``support`` says how many source documents share that role,
    and ``examples`` link to example sections in the sources.
    """

    id: str
    title: str
    genre: str
    parts: list[SkeletonPart] = field(default_factory=list)
    merged: bool = False
    support: list[int] = field(default_factory=list)
    examples: list[list[SourceRef]] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    #: The form (文种) it follows: 工作总结, 实施方案, 典型材料, 通知, … (see ``genre_outlines``).
    form: str = ""
    #: education / government / other (see ``eduwriter.core.domain``).
    domain: str = ""
