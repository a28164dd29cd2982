"""Section skeletons: the outline of each document, and a merged outline per genre.

A document skeleton lists its headings with their levels, a role for each part (指导思想,
工作目标, 主要任务, 保障措施, 主要成绩, 存在问题, 下一步打算, …) and a short hint of what goes
under it, taken from the first sentence of the section with specifics replaced by slots.
Text before the first heading becomes an 开头 part, a closing paragraph an 结尾 part.

A merged skeleton gives, for one genre, the common sequence of roles, how many documents have
each role (``support``) and links to example sections (``examples``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from eduwriter.core.genre import GENRE_LABELS
from eduwriter.core.genre_outlines import (
    CANONICAL,
    FORM_GENRE,
    OUTLINE_ONLY_FORMS,
    ROLE_HINTS,
    canonical_order,
    form_of,
)
from eduwriter.core.items import Skeleton, SkeletonPart, SourceRef
from eduwriter.core.model import Document
from eduwriter.core.phrases import (
    normalise_text,
    problems,
    split_clauses,
    split_sentences,
    starts_mid_sentence,
    strip_enumerator,
)
from eduwriter.core.scoring import stable_id
from eduwriter.core.section_functions import RETROSPECTIVE_GENRES
from eduwriter.core.slots import slot_kinds
from eduwriter.core.specifics import specifics_to_slots
from eduwriter.core.spun import repair_spun
from eduwriter.core.stale_terms import is_stale

#: Genre code -> Chinese name, for every genre the importer produces.
GENRE_NAMES = {**GENRE_LABELS, "article": "其他文章"}

#: Role -> heading keywords (checked in this order; the first match wins).
_ROLE_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("开头", ("引言", "前言", "序言", "导语")),
    ("结尾", ("结语", "结束语", "结论", "尾声")),
    ("基本情况", ("基本情况", "总体情况", "基本概况", "概况", "学校简介")),
    ("经验体会", ("经验体会", "经验与体会", "体会", "启示", "几点经验", "主要经验", "工作经验")),
    ("工作要求", ("工作要求", "有关要求", "相关要求", "注意事项", "几点要求", "具体要求")),
    (
        "存在问题",
        ("存在问题", "存在的问题", "问题与不足", "不足", "问题和", "困难", "差距", "短板", "问题"),
    ),
    (
        "下一步打算",
        (
            "下一步",
            "打算",
            "今后",
            "明年",
            "下半年",
            "下阶段",
            "下一阶段",
            "展望",
            "工作设想",
            "努力方向",
        ),
    ),
    ("指导思想", ("指导思想", "总体要求", "总体思路", "工作思路", "指导方针")),
    ("基本原则", ("基本原则", "工作原则", "原则")),
    ("工作目标", ("目标",)),
    (
        "实施步骤",
        (
            "实施步骤",
            "工作步骤",
            "步骤",
            "进度安排",
            "时间安排",
            "实施阶段",
            "阶段安排",
            "方法步骤",
        ),
    ),
    (
        "保障措施",
        (
            "保障措施",
            "保障",
            "组织领导",
            "组织实施",
        ),
    ),
    (
        "主要成绩",
        (
            "主要成绩",
            "工作成绩",
            "成绩",
            "成效",
            "成果",
            "主要做法",
            "做法",
            "工作回顾",
            "回顾",
            "亮点",
            "进展",
            "完成情况",
            "成就",
            "现状",
            "发展环境",
            "发展基础",
        ),
    ),
    (
        "主要任务",
        (
            "主要任务",
            "重点任务",
            "重点工作",
            "主要工作",
            "工作重点",
            "工作任务",
            "工作内容",
            "具体措施",
            "主要措施",
            "工作措施",
            "具体任务",
            "任务",
            "措施",
        ),
    ),
)

#: Role of a top-level section whose heading names no role, per genre.
_DEFAULT_ROLE = {
    "plan": "主要任务",
    "summary": "主要成绩",
    "report": "主要成绩",
    "exemplary": "主要成绩",
    "speech": "主要任务",
    "article": "其他",
}

#: A heading that starts with an action verb names a task.
_TASK_HEADING = re.compile(
    r"^(?:加快|补齐|破解|解决|着力|切实|全面|深入|持续|大力|加强|强化|推进|推动|深化|坚持|化解|弥补|聚焦|狠抓|抓好|做好|落实|完善|健全|构建|提升|提高|优化)"
)
_CLOSING_CUE = re.compile(
    r"^(?:总之|总而言之|综上|展望|最后|同志们|让我们|我们相信|相信|新的一年|新的征程|新征程)"
    r"|(?:努力奋斗|而努力|而奋斗|再创佳绩|再创辉煌|新的更大|贡献力量|谱写|新篇章|新局面)"
)


@dataclass(slots=True)
class Section:
    """A run of paragraphs under one heading (``heading`` None for text before the first heading)."""

    path: tuple[str, ...]
    level: int
    heading: str | None
    marker: str = ""
    paragraphs: list[str] = field(default_factory=list)
    #: The heading as written (punctuation normalised, spun words not yet repaired).
    raw_heading: str = ""


def document_title(doc: Document, index: int, file: str = "") -> str:
    """The document's title; without one 《file name》第N篇 (1-based; 文档N without a file name)."""
    title = (doc.title or "").strip()
    if title:
        return normalise_text(title)
    stem = PurePath(file).stem if file else ""
    return f"《{stem}》第{index + 1}篇" if stem else f"文档{index + 1}"


def clean_heading(text: str) -> str:
    """A heading as shown: normalised punctuation, spun words repaired, no trailing marks, no
    list number glued to a year (12021年主要工作 -> 2021年主要工作), no body text run on after
    the heading's first full stop."""
    text = normalise_text(text)
    text, _ = repair_spun(text)
    text = _GLUED_NUMBER.sub("", text)
    head, stop, rest = text.partition("。")
    if stop and rest.strip() and len(head) >= 4:
        text = head
    return text.strip().rstrip("。．.：:；;，,、 ")


#: A list number glued to a year: 12021年 (1 + 2021年), 22022年.
_GLUED_NUMBER = re.compile(r"^\d{1,2}(?=(?:19|20)\d{2}年)")


def sections(doc: Document) -> list[Section]:
    """The document's sections in order, each with its heading path."""
    out: list[Section] = [Section(path=(), level=0, heading=None)]
    stack: list[tuple[int, str]] = []
    for block in doc.blocks:
        if block.kind == "heading":
            text = clean_heading(block.text)
            if not text:
                continue
            level = max(1, int(block.level or 1))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            out.append(
                Section(
                    path=tuple(t for _, t in stack),
                    level=level,
                    heading=text,
                    marker=block.marker or "",
                    raw_heading=normalise_text(block.text).strip().rstrip("。．.：:；;，,、 "),
                )
            )
        else:
            text = block.text.strip()
            if text:
                out[-1].paragraphs.append(text)
    return out


def heading_role(text: str, genre: str, parent_role: str | None = None) -> str:
    """The role of a section from its heading; sub-sections inherit their parent's role."""
    named = _named_role(text, genre, parent_role)
    if named:
        return named
    if parent_role:
        return parent_role
    return _DEFAULT_ROLE.get(genre, "其他")


def _named_role(text: str, genre: str, parent_role: str | None) -> str | None:
    """The role the heading's own words name (None when they name none)."""
    tasklike = bool(_TASK_HEADING.match(text))
    for role, words in _ROLE_KEYWORDS:
        if any(w in text for w in words):
            if role == "存在问题" and tasklike:
                continue  # 加快补齐短板弱项 is a task, not a list of problems
            if parent_role and parent_role not in ("其他",) and role in ("主要任务", "主要成绩"):
                # a sub-heading such as 主要措施 under 保障措施 stays in its parent's role
                return parent_role
            if (
                role in ("主要任务", "保障措施")
                and genre in RETROSPECTIVE_GENRES
                and not re.search(r"计划|安排|打算|要求", text)
            ):
                # a summary's or report's 主要工作 / 加强保障 sections report the work done
                return "主要成绩"
            if role == "下一步打算" and genre == "plan" and not parent_role:
                # 明年/下半年 in a plan's heading names the period planned, not a next step
                if not any(w in text for w in ("下一步", "打算", "今后", "展望", "设想")):
                    return "主要任务"
            return role
    return None


#: A lead-in to the plans part of a 总结暨计划 (下半年重点从以下几个方面抓好…：).
_PLAN_LEAD = re.compile(
    r"(?:下半年|下一步|今后|明年|新学期|新的一年|下阶段|下一阶段)[^。]{0,40}(?:如下|以下|几点|几个方面)[^。]{0,20}[：。]?$"
)


def section_roles(secs: list[Section], genre: str) -> list[str]:
    """The role of each section (开头 for the text before the first heading).

    In a summary, top-level sections after a lead-in such as 下半年重点从以下几个方面抓好工作：
    are 下一步打算 unless their heading names another role.
    """
    roles: list[str] = []
    by_path: dict[tuple[str, ...], str] = {}
    defaulted: set[tuple[str, ...]] = set()
    plans_follow = False
    for sec in secs:
        if sec.heading is None:
            roles.append("开头")
        else:
            parent = by_path.get(sec.path[:-1]) if len(sec.path) > 1 else None
            if parent is not None and sec.path[:-1] in defaulted:
                # the parent's role is only the genre's default: the sub-heading's own words
                # (发展基础 under an unnamed part of a plan) say more
                role = _named_role(sec.heading, genre, None) or parent
            else:
                role = heading_role(sec.heading, genre, parent)
            if parent is None and _named_role(sec.heading, genre, None) is None:
                defaulted.add(sec.path)
            if plans_follow and parent is None and role == _DEFAULT_ROLE.get(genre):
                role = "下一步打算"
            by_path[sec.path] = role
            roles.append(role)
        if genre == "summary" and sec.paragraphs:
            last = split_sentences(normalise_text(sec.paragraphs[-1]))
            if last and _PLAN_LEAD.search(last[-1]):
                plans_follow = True
    return roles


def section_hint(section: Section, children: list[Section]) -> str:
    """A short hint of what goes under a section: its first sentence, abstracted."""
    for para in section.paragraphs:
        for sentence in split_sentences(normalise_text(para)):
            _, body = strip_enumerator(sentence)
            body, _ = repair_spun(body)
            body, _ = specifics_to_slots(body)
            if len(body) < 6 or problems(body) or starts_mid_sentence(body) or is_stale(body):
                continue
            return _shorten(body)
    if children:
        names = [c.heading for c in children[:4] if c.heading]
        if names:
            more = "等" if len(children) > len(names) else ""
            return "分述：" + "、".join(names) + more
    return ""


def _shorten(sentence: str, limit: int = 40) -> str:
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    out = ""
    for clause in split_clauses(sentence):
        if out and len(out) + len(clause) + 1 > limit:
            break
        out = f"{out}，{clause}" if out else clause
        if len(out) >= limit // 2:
            break
    if len(out) > limit:
        out = out[:limit].rstrip("，、“‘（《【")
        # never leave an opened quote or bracket behind
        while out and any(
            out.count(o) > out.count(c) for o, c in zip("“（《【", "”）》】", strict=True)
        ):
            cut = max(out.rfind(o) for o in "“（《【")
            out = out[:cut]
    return out + "…"


def document_skeleton(doc: Document, file: str, index: int) -> Skeleton | None:
    """The skeleton of one document, or None when it has fewer than two headings."""
    secs = sections(doc)
    if sum(1 for s in secs if s.heading) < 2:
        return None
    title = document_title(doc, index, file)
    genre = doc.genre if doc.genre else "article"
    parts: list[SkeletonPart] = []
    preamble = secs[0]
    opening_hint = section_hint(preamble, [])
    if opening_hint:
        parts.append(
            SkeletonPart(
                level=1,
                heading="开头",
                role="开头",
                hint=opening_hint,
                source=SourceRef(file, title, ()),
            )
        )
    min_level = min(s.level for s in secs if s.heading)
    roles = dict(zip((id(s) for s in secs), section_roles(secs, genre), strict=True))
    body_secs = [s for s in secs if s.heading]
    for i, sec in enumerate(body_secs):
        role = roles[id(sec)]
        children = []
        for nxt in body_secs[i + 1 :]:
            if nxt.level <= sec.level:
                break
            if nxt.path[:-1] == sec.path:
                children.append(nxt)
        parts.append(
            SkeletonPart(
                level=sec.level - min_level + 1,
                heading=sec.heading or "",
                role=role,
                hint=section_hint(sec, children),
                source=SourceRef(file, title, sec.path),
            )
        )
    last = next((s for s in reversed(secs) if s.paragraphs), None)
    if last is not None and last.heading is not None:
        closing = normalise_text(last.paragraphs[-1])
        first = split_sentences(closing)[:1]
        if first and _CLOSING_CUE.search(first[0]):
            parts.append(
                SkeletonPart(
                    level=1,
                    heading="结尾",
                    role="结尾",
                    hint=_shorten(specifics_to_slots(repair_spun(first[0])[0])[0]),
                    source=SourceRef(file, title, last.path),
                )
            )
    key = "\x1e".join([title, genre] + [f"{p.level}:{p.heading}" for p in parts])
    return Skeleton(
        id=stable_id("sk", key),
        title=title,
        genre=genre,
        parts=parts,
        merged=False,
        sources=[SourceRef(file, title, ())],
        form=form_of(doc.title, genre),
        domain=doc.domain,
    )


def _best_part(parts: list[SkeletonPart]) -> SkeletonPart | None:
    """The source section whose hint a writer can best follow: a hint of its own (not a list of
    sub-headings), no superseded 提法, of a useful length."""
    stale: dict[str, bool] = {}  # a form's documents repeat hints and headings: judge each once

    def judged(text: str) -> bool:
        if text not in stale:
            stale[text] = is_stale(text)
        return stale[text]

    usable = [p for p in parts if p.hint and not judged(p.hint) and not judged(p.heading)]
    if not usable:
        return None
    return max(
        usable,
        key=lambda p: (
            not p.hint.startswith("分述"),
            -len(slot_kinds(p.hint)),
            min(len(p.hint), 40),
            -len(p.heading),
        ),
    )


def merge_skeletons(skeletons: list[Skeleton], max_examples: int = 6) -> list[Skeleton]:
    """One merged skeleton per form (文种): the roles of its canonical outline in order.

    Each role's hint is the generic advice plus an example from the best source section and the
    common headings; a canonical role no sample has is offered from the outline, with support 0
    and a hint that says so (one sample is enough for a canonical role).  Roles outside the
    outline that at least two documents have (one, for a form with one or two documents) are
    placed where they usually stand.
    """
    by_form: dict[str, list[Skeleton]] = defaultdict(list)
    for sk in skeletons:
        if not sk.merged:
            by_form[sk.form or form_of(sk.title, sk.genre)].append(sk)
    merged: list[Skeleton] = []
    for form in sorted(by_form):
        docs = by_form[form]
        genre = FORM_GENRE.get(form) or docs[0].genre
        support: Counter[str] = Counter()
        examples: dict[str, list[SourceRef]] = defaultdict(list)
        headings: dict[str, Counter[str]] = defaultdict(Counter)
        parts_of: dict[str, list[SkeletonPart]] = defaultdict(list)
        for sk in docs:
            top = [p for p in sk.parts if p.level == 1]
            for role in dict.fromkeys(p.role for p in top):
                support[role] += 1
            for part in top:
                parts_of[part.role].append(part)
                if part.source is not None and len(examples[part.role]) < max_examples:
                    if part.source not in examples[part.role]:
                        examples[part.role].append(part.source)
                if part.role not in ("开头", "结尾"):
                    headings[part.role][part.heading] += 1
        need = 1 if len(docs) <= 2 else 2
        outline = CANONICAL.get(form, ())
        present = [
            r for r, n in support.items() if (n >= need or (n and r in outline)) and r != "其他"
        ]
        order = canonical_order(form, present)
        if sum(1 for _r, seen in order if seen) < 2:
            continue
        parts: list[SkeletonPart] = []
        for role, seen in order:
            parts.append(_merged_part(role, seen, parts_of[role], headings[role], examples[role]))
        sources = list(dict.fromkeys(src for sk in docs for src in sk.sources))
        key = genre if form_of("", genre) == form else form
        merged.append(
            Skeleton(
                id=stable_id("sk", "merged", key),
                title=f"{form}通用结构（{len(docs)}篇）",
                genre=genre,
                parts=parts,
                merged=True,
                support=[support[r] if seen else 0 for r, seen in order],
                examples=[list(examples[r]) if seen else [] for r, seen in order],
                sources=sources,
                form=form,
                domain=_majority(sk.domain for sk in docs),
            )
        )
    if merged:  # a library with documents offers the forms its samples lack
        made = {m.form for m in merged}
        merged.extend(outline_skeleton(f) for f in OUTLINE_ONLY_FORMS if f not in made)
    return merged


def outline_skeleton(form: str) -> Skeleton:
    """The merged skeleton of a form no sample has: its canonical outline, every part marked as
    offered from the outline (support 0, no examples, no sources)."""
    roles = CANONICAL.get(form, ())
    genre = FORM_GENRE.get(form, "article")
    return Skeleton(
        id=stable_id("sk", "merged", genre),
        title=f"{form}通用结构（按通用结构）",
        genre=genre,
        parts=[_merged_part(r, False, [], Counter(), []) for r in roles],
        merged=True,
        support=[0] * len(roles),
        examples=[[] for _r in roles],
        sources=[],
        form=form,
        domain="education",  # the outlines are written for education offices
    )


#: The mark of a role offered from the canonical outline only.
FROM_OUTLINE = "（范文中未见，按通用结构补充）"


def _merged_part(
    role: str,
    seen: bool,
    parts: list[SkeletonPart],
    headings: Counter[str],
    examples: list[SourceRef],
) -> SkeletonPart:
    hint = ROLE_HINTS.get(role, "")
    if not seen:
        return SkeletonPart(level=1, heading=role, role=role, hint=f"{hint}{FROM_OUTLINE}")
    best = _best_part(parts)
    extra: list[str] = []
    if best is not None and best.hint and not best.hint.startswith("分述"):
        extra.append(f"例：{best.hint}")
    common = [
        h
        for h, _ in headings.most_common()
        if len(h) <= 20
        and not re.search(r"\d", h)
        and not problems(h, need_terminator=False)
        and not is_stale(h)
    ][:2]
    if common:
        extra.append(f"常见标题：{'；'.join(common)}")
    if extra:
        hint = f"{hint}（{'；'.join(extra)}）" if hint else "；".join(extra)
    source = best.source if best is not None and best.source else (examples or [None])[0]
    return SkeletonPart(level=1, heading=role, role=role, hint=hint, source=source)


def _majority(values) -> str:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else ""
