"""Build the library content from imported files: phrasings and skeletons.

``extract_library(results)`` is the one entry point the library store calls.  It walks every
document of every :class:`~eduwriter.core.model.FileResult`, cuts its paragraphs into sentences,
keeps the clean and reusable ones with a function, topic tags, slots and sources, adds headings
(with families of parallel headings) and 常用词组, merges exact and near duplicates (keeping all
sources), and builds one skeleton per document plus one merged skeleton per genre.

Everything is deterministic: the same input gives the same items with the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eduwriter.core.domain import item_domain
from eduwriter.core.families import heading_family
from eduwriter.core.functions import announces_problems, classify_sentence, is_problem_statement
from eduwriter.core.items import FUNCTIONS, HeadingFamily, Phrasing, Skeleton, SourceRef
from eduwriter.core.model import Document, FileResult
from eduwriter.core.phrases import (
    TERMINATORS,
    boilerplate_hits,
    find_word_runs,
    normalise_text,
    problems,
    split_sentences,
    starts_mid_sentence,
    strip_enumerator,
)
from eduwriter.core.scoring import near_duplicate_groups, normalised_key, reuse_score, stable_id
from eduwriter.core.section_functions import sentence_genre
from eduwriter.core.skeletons import (
    Section,
    document_skeleton,
    document_title,
    merge_skeletons,
    section_roles,
    sections,
)
from eduwriter.core.slots import slot_kinds
from eduwriter.core.specifics import learn_places, specifics_to_slots
from eduwriter.core.spun import repair_spun
from eduwriter.core.stale_terms import find_stale
from eduwriter.core.topics import topic_tags

#: Phrasings scoring below this are left out of the library.
MIN_SCORE = 0.5
#: A phrasing citing a superseded 提法 keeps this share of its score (it ranks lower; a
#: well-worded one stays in the library, flagged ``stale`` with the current wording).
STALE_FACTOR = 0.8
#: Length limits (Chinese characters) per kind of candidate.
_MIN_SENTENCE, _MAX_SENTENCE, _MAX_FRAME = 8, 110, 150
_MIN_HEADING, _MAX_HEADING = 6, 36
#: A paragraph that opens with the next steps (下一步，… / 今后，… / 下阶段，…).
_NEXT_STEP_LEAD = re.compile(r"^(?:下一步|今后|下阶段|下一阶段|新的一年|明年)")
#: Words of a sentence, not of a lead phrase (乡镇将加强… / 德育工作的指导思想还应…).
_NOT_IN_LEAD = ("是", "我", "你", "他们", "这", "将", "应", "还", "要")
#: A character masked by the source site: ** between Chinese characters (加强**风廉政建设),
#: not a writer's blank before a unit (补贴*万元).
_MASKED_STAR = re.compile(r"[\u4e00-\u9fff][*＊]{1,3}(?![*＊万千亿元名个所人次%％])[\u4e00-\u9fff]")
#: A salutation or addressee line standing alone (同志们： / 尊敬的各位领导： / 各县（市、区）教育局：).
_SALUTATION = re.compile(r"^[^。；！？]{1,60}[：:！]$")
#: An outline marker inside a heading: two headings run together (…推进（一）常态化…).
_INNER_MARKER = re.compile(
    r"[（(〔][一二三四五六七八九十\d]{1,2}[)）〕]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、](?!\d)"
)


@dataclass(slots=True)
class ExtractedLibrary:
    """What :func:`extract_library` returns: phrasings, per-document and per-genre skeletons."""

    phrasings: list[Phrasing] = field(default_factory=list)
    skeletons: list[Skeleton] = field(default_factory=list)
    merged: list[Skeleton] = field(default_factory=list)
    #: families of parallel headings; their members are among ``phrasings``
    families: list[HeadingFamily] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    text: str
    original: str
    function: str
    strong: bool
    source: SourceRef
    genre: str
    score: float
    repairs: list[str] = field(default_factory=list)
    family: str = ""
    context: str = ""
    domain: str = ""


@dataclass(slots=True)
class DocumentExtraction:
    """What one document contributes before merging: its phrasing candidates and skeleton.

    The library stores these per file, so that importing a file extracts only that file and the
    library is assembled from the stored results (:func:`assemble_library`)."""

    candidates: list[_Candidate] = field(default_factory=list)
    skeleton: Skeleton | None = None


#: The public name of a phrasing candidate (stored per document by the library).
Candidate = _Candidate


def extract_document(
    doc: Document, file: str, index: int, places: Collection[str] | None = None
) -> DocumentExtraction:
    """Candidates and skeleton of one document; ``places``: the place names learnt over the
    library (default: those the document itself names)."""
    return DocumentExtraction(
        document_candidates(doc, file, index, places), document_skeleton(doc, file, index)
    )


def result_places(result: FileResult) -> set[str]:
    """Place names a file teaches (绍兴市第一中学 -> 绍兴): learnt anywhere, slots everywhere."""
    places: set[str] = set()
    for doc in result.documents if not result.error else ():
        places |= learn_places("\n".join(normalise_text(b.text) for b in doc.blocks))
    return places


def extract_library(results: list[FileResult]) -> ExtractedLibrary:
    """Phrasings and skeletons from analysed files (files with an ``error`` are skipped)."""
    places: set[str] = set()
    for result in results:
        places |= result_places(result)
    return assemble_library(
        extract_document(doc, Path(result.path).name, index, places)
        for result in results
        if not result.error
        for index, doc in enumerate(result.documents)
    )


def assemble_library(extractions: Iterable[DocumentExtraction]) -> ExtractedLibrary:
    """Merge per-document results (in file and document order) into the library: duplicates
    merged with all sources, heading families, per-genre merged skeletons."""
    candidates: list[_Candidate] = []
    skeletons: dict[str, Skeleton] = {}
    for ext in extractions:
        candidates.extend(ext.candidates)
        sk = ext.skeleton
        if sk is None:
            continue
        if sk.id in skeletons:
            for src in sk.sources:
                if src not in skeletons[sk.id].sources:
                    skeletons[sk.id].sources.append(src)
        else:
            skeletons[sk.id] = sk
    doc_skeletons = list(skeletons.values())
    phrasings = merge_candidates(candidates)
    return ExtractedLibrary(
        phrasings=phrasings,
        skeletons=doc_skeletons,
        merged=merge_skeletons(doc_skeletons),
        families=heading_family_items(
            phrasings, {c.source: n for n, c in reversed(list(enumerate(candidates)))}
        ),
    )


def heading_family_items(
    phrasings: list[Phrasing], order: dict[SourceRef, int] | None = None
) -> list[HeadingFamily]:
    """One :class:`HeadingFamily` per group of sibling headings sharing a pattern (members are
    the heading phrasings whose sources are children of the same section); families with the
    same members found in several documents are one, with all their sources. ``order`` gives
    the position of each source section in its document, to list members in source order."""
    groups: dict[tuple, list[tuple[int, Phrasing]]] = {}
    order = order or {}
    for p in phrasings:
        if not p.family:
            continue
        for s in p.sources:
            key = (p.family, s.file, s.document, s.section[:-1])
            members = groups.setdefault(key, [])
            if all(m is not p for _n, m in members):
                members.append((order.get(s, len(order)), p))
    families: dict[str, HeadingFamily] = {}
    for (pattern, file, document, parent), ranked in groups.items():
        if len(ranked) < 2:
            continue
        members = [p for _n, p in sorted(ranked, key=lambda t: t[0])]
        ids = [m.id for m in members]
        fid = "fam-" + hashlib.sha1("\x1e".join([pattern, *ids]).encode()).hexdigest()[:16]
        src = SourceRef(file, document, parent)
        fam = families.get(fid)
        if fam is None:
            tags = sorted({t for m in members for t in m.tags})
            fam = HeadingFamily(
                id=fid,
                pattern=pattern,
                members=ids,
                texts=[m.text for m in members],
                sources=[src],
                genre=members[0].genre,
                tags=tags,
                score=max(m.score for m in members),
                domain=item_domain(m.domain for m in members),
            )
            families[fid] = fam
        elif src not in fam.sources:
            fam.sources.append(src)
    return list(families.values())


# --------------------------------------------------------------------------------------------
# Candidates of one document


def _prepare(raw: str, places: Collection[str] = ()) -> tuple[str, list[str], str]:
    """Repair spun words and put slots in: (text, repairs, original-before-slots). A text with a
    masked character gets an empty text (rejected by :func:`problems`)."""
    if _MASKED_STAR.search(raw):
        return "", [], raw
    repaired, changes = repair_spun(raw)
    text, _ = specifics_to_slots(repaired, places)
    return text, [f"{c.before}→{c.after}" for c in changes], repaired


def document_candidates(
    doc: Document, file: str, index: int, places: Collection[str] | None = None
) -> list[_Candidate]:
    """All phrasing candidates of one document, before merging and the score threshold.

    ``places``: place names to replace by 【地区】 (default: those the document itself names).
    """
    title = document_title(doc, index, file)
    genre = doc.genre or "article"
    read_as = sentence_genre(genre, title)  # the genre its sentences are read in
    secs = sections(doc)
    roles = section_roles(secs, genre)
    has_headings = any(s.heading for s in secs)
    if places is None:
        places = learn_places("\n".join(normalise_text(b.text) for b in doc.blocks))
    out: list[_Candidate] = []

    # paragraphs in document order, with their section
    flat: list[tuple[int, str]] = [
        (si, para) for si, sec in enumerate(secs) for para in sec.paragraphs
    ]
    last_para = len(flat) - 1
    # the opening paragraph: the first paragraph before any heading that is not a salutation or
    # an addressee line (同志们： / 各县（市、区）教育局：)
    opening_para = next(
        (pi for pi, (si, para) in enumerate(flat) if secs[si].heading is None and _opens(para)),
        -1,
    )
    prev_open = False
    for pi, (si, para) in enumerate(flat):
        sec = secs[si]
        role = roles[si]
        source = SourceRef(file, title, sec.path)
        sentences = split_sentences(normalise_text(para))
        in_preamble = sec.heading is None and (has_headings or pi == 0)
        problem_list = False
        plan_lead = False
        for k, sentence in enumerate(sentences):
            if k == 0 and (prev_open or starts_mid_sentence(sentence)):
                continue  # the paragraph continues a sentence cut off before it
            marker, body = strip_enumerator(sentence)
            # a text without headings is all body: only its first sentences are a preamble
            preamble = in_preamble and (has_headings or k < 2)
            doc_first = pi == opening_para and k == 0 and not marker
            # the rest of the opening paragraph (not a one-paragraph text: that is all body)
            in_opening = pi == opening_para and k > 0 and pi < last_para and len(sentences) <= 6
            doc_last = pi == last_para and k >= len(sentences) - 2
            n = _cjk_len(body)
            # an inline lead phrase: 多措并举助力疫情防控。…
            if (
                k == 0
                and len(sentences) > 1
                and _MIN_HEADING <= n <= 18
                and "，" not in body
                and body.endswith("。")
                and not any(w in body for w in _NOT_IN_LEAD)
                and not problem_list
                and not is_problem_statement(body)
                and not preamble
            ):
                head = body.rstrip("。")
                text, repairs, before = _prepare(head, places)
                if not problems(text, need_terminator=False) and len(slot_kinds(text)) <= 1:
                    out.append(
                        _Candidate(
                            text=text,
                            original=head if head != text else "",
                            function="标题",
                            strong=False,
                            source=source,
                            genre=genre,
                            score=reuse_score(text, "标题", genre=genre),
                            repairs=repairs,
                            context=sec.heading or "",
                        )
                    )
                continue
            for run in find_word_runs(body):
                text, repairs, _ = _prepare(run, places)
                if not problems(text, need_terminator=False) and not slot_kinds(text):
                    out.append(
                        _Candidate(
                            text=text,
                            original="",
                            function="常用词组",
                            strong=True,
                            source=source,
                            genre=genre,
                            score=reuse_score(text, "常用词组", genre=genre),
                            repairs=repairs,
                            context=sec.heading or "",
                        )
                    )
            function, strong = classify_sentence(
                body,
                role=role,
                genre=read_as,
                doc_first=doc_first,
                in_preamble=preamble,
                doc_last=doc_last,
                section_first=k == 0,
                in_opening=in_opening,
            )
            # items after a lead-in such as 存在以下问题： (一是…二是…) are problems too
            if problem_list and marker and function in ("措施", "成效"):
                function, strong = "问题", True
            elif not marker:
                problem_list = announces_problems(body) or (function == "问题" and strong)
            if function == "问题" and strong and marker:
                problem_list = True
            # the rest of a paragraph opened by 下一步，… / 今后，… is the plan it announces
            if plan_lead and function in ("措施", "成效") and not is_problem_statement(body):
                function = "打算"  # the lead-in is the cue: strength kept
            if k == 0 and function == "打算" and _NEXT_STEP_LEAD.match(body):
                plan_lead = True
            limit = _MAX_FRAME if function in ("开头", "结尾", "过渡") else _MAX_SENTENCE
            if not (_MIN_SENTENCE <= n <= limit):
                continue
            if body.endswith("；"):
                body = body[:-1] + "。"
            text, repairs, _ = _prepare(body, places)
            if problems(text):
                continue
            slots = slot_kinds(text)
            if function in ("开头", "结尾"):
                # an opening or a closing names its year or date: that is its job, not noise
                slots = [s for s in slots if s not in ("年份", "日期")]
            out.append(
                _Candidate(
                    text=text,
                    original=(marker + body) if (marker + body) != text else "",
                    function=function,
                    strong=strong,
                    source=source,
                    genre=genre,
                    score=reuse_score(text, function, strong=strong, genre=genre, slots=len(slots)),
                    repairs=repairs,
                    context=sec.heading or "",
                )
            )
        last = para.rstrip().rstrip("”’）」』")
        prev_open = bool(last) and last[-1] not in TERMINATORS + "：:.!?;…" and len(para) > 12

    out.extend(_heading_candidates(secs, file, title, genre, places))
    for cand in out:
        cand.domain = doc.domain
    return out


def _opens(para: str) -> bool:
    """True when ``para`` can be a document's opening paragraph: a sentence (not a title line,
    a date or a file number), not a salutation or addressee line, no site boilerplate, and not
    the first item of a list (一是… / 1.…)."""
    text = para.strip()
    if _SALUTATION.match(text) or not re.search(r"[。！？；]", text):
        return False
    if boilerplate_hits(text) or strip_enumerator(text)[0]:
        return False
    return True


def _heading_candidates(
    secs: list[Section], file: str, title: str, genre: str, places: Collection[str] = ()
) -> list[_Candidate]:
    out: list[_Candidate] = []
    siblings: dict[tuple[tuple[str, ...], int], list[Section]] = defaultdict(list)
    for sec in secs:
        if sec.heading:
            siblings[(sec.path[:-1], sec.level)].append(sec)
    family_of: dict[int, str] = {}
    for group in siblings.values():
        for members, pattern in heading_families(group):
            for s in members:
                family_of[id(s)] = pattern
    for sec in secs:
        if not sec.heading:
            continue
        _, head = strip_enumerator(sec.raw_heading or sec.heading)
        n = _cjk_len(head)
        if not (_MIN_HEADING <= n <= _MAX_HEADING) or _INNER_MARKER.search(head[1:]):
            continue
        text, repairs, _ = _prepare(head, places)
        if problems(text, need_terminator=False) or len(slot_kinds(text)) > 1:
            continue
        family = family_of.get(id(sec), "")
        score = reuse_score(text, "标题", strong=bool(family), genre=genre)
        out.append(
            _Candidate(
                text=text,
                original=head if head != text else "",
                function="标题",
                strong=bool(family),
                source=SourceRef(file, title, sec.path),
                genre=genre,
                score=score + (0.1 if family else 0.0),
                repairs=repairs,
                family=family,
                context=sec.path[-2] if len(sec.path) > 1 else "",
            )
        )
    return out


def heading_families(group: list[Section]) -> list[tuple[list[Section], str]]:
    """Families among sibling sections: the whole group, else maximal runs of neighbours."""
    if len(group) < 2:
        return []
    if len(group) > 60:
        # a long list of siblings (a table of contents): look for families in chunks
        return [f for k in range(0, len(group), 30) for f in heading_families(group[k : k + 30])]
    texts = [_family_text(s) for s in group]
    pattern = heading_family(texts)
    if pattern:
        return [(group, pattern)]
    out: list[tuple[list[Section], str]] = []
    i = 0
    while i < len(group) - 1:
        best_j, best_pattern = i, ""
        for j in range(i + 1, len(group)):
            found = heading_family(texts[i : j + 1])
            if not found:
                if j == i + 1:
                    continue  # two may share too little; three of the same pattern do not
                break
            best_j, best_pattern = j, found
        if best_pattern and best_j - i + 1 >= 2:
            out.append((group[i : best_j + 1], best_pattern))
            i = best_j + 1
        else:
            i += 1
    return out


def _family_text(sec: Section) -> str:
    _, head = strip_enumerator(sec.heading or "")
    return specifics_to_slots(head)[0]


def _cjk_len(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


# --------------------------------------------------------------------------------------------
# Merging


def merge_candidates(candidates: list[_Candidate], min_score: float = MIN_SCORE) -> list[Phrasing]:
    """Merge exact and near duplicates (all sources kept), add recurrence, keep the reusable."""
    groups: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        groups.setdefault(_group_key(cand), []).append(cand)
    merged: dict[tuple[bool, int], list[_Candidate]] = defaultdict(list)
    for clause in (False, True):
        keys = [k for k in groups if k.endswith("#") == clause]
        roots = near_duplicate_groups([k.rstrip("#") for k in keys])
        for key, root in zip(keys, roots, strict=True):
            merged[(clause, root)].extend(groups[key])
    out: list[Phrasing] = []
    for members in merged.values():
        phrasing = _merge_group(members)
        if phrasing is not None and phrasing.score >= min_score:
            out.append(phrasing)
    order = {f: i for i, f in enumerate(FUNCTIONS)}
    out.sort(key=lambda p: (order.get(p.function, 99), -p.score, p.id))
    return out


def _group_key(cand: _Candidate) -> str:
    """Sentences and clause-like items (headings, set phrases) with the same words stay apart."""
    key = normalised_key(cand.text)
    return key if cand.function not in _CLAUSE_FUNCTIONS else f"{key}#"


_CLAUSE_FUNCTIONS = ("标题", "常用词组")

#: Public names of the merging steps, for a library that merges only what an import changed.
group_key = _group_key


def _merge_group(members: list[_Candidate]) -> Phrasing | None:
    texts = Counter(m.text for m in members)
    # the representative: current wording before superseded 提法, then the most frequent, then
    # the best scored, then the longest (censored copies of a page drop words, so the longer
    # wording is the complete one)
    stale_of = {t: bool(find_stale(t)) for t in texts}
    top_score: dict[str, float] = {}
    for m in members:  # one pass: a large group has thousands of members
        if m.text not in top_score or m.score > top_score[m.text]:
            top_score[m.text] = m.score
    best_text = min(
        texts,
        key=lambda t: (
            stale_of[t],
            -texts[t],
            -top_score[t],
            -len(t),
            t,
        ),
    )
    votes: Counter[str] = Counter()
    for m in members:
        votes[m.function] += 2 if m.strong else 1
    function = min(votes, key=lambda f: (-votes[f], FUNCTIONS.index(f)))
    sources = list(dict.fromkeys(m.source for m in members))  # first seen first
    docs = {(s.file, s.document) for s in sources}
    rep = [m for m in members if m.text == best_text]
    base = max(m.score for m in rep)
    score = min(1.0, base + 0.15 * min(1.0, (len(docs) - 1) / 2))
    family = next((m.family for m in members if m.family), "")
    original = next((m.original for m in rep if m.original), "")
    repairs = list(dict.fromkeys(r for m in members for r in m.repairs))
    domain = item_domain(m.domain for m in members)
    stale = find_stale(best_text)
    flags = ["stale"] if stale else []
    suggestions = list(
        dict.fromkeys(f"{h.text}→{h.entry.current or '（改写，不再提）'}" for h in stale)
    )
    if stale:
        score *= STALE_FACTOR
    tags = topic_tags(best_text)
    if not tags and function not in _CLAUSE_FUNCTIONS:
        context = " ".join(dict.fromkeys(m.context for m in members if m.context))
        tags = topic_tags(context, limit=2)
    genres = Counter(m.genre for m in members)
    genre = min(genres, key=lambda g: (-genres[g], g))
    return Phrasing(
        id=stable_id(
            "ph", normalised_key(best_text), "clause" if function in _CLAUSE_FUNCTIONS else ""
        ),
        text=best_text,
        function=function,
        tags=tags,
        slots=slot_kinds(best_text),
        sources=sources,
        score=round(score, 3),
        original=original,
        family=family,
        genre=genre,
        repairs=repairs,
        domain=domain,
        flags=flags,
        suggestions=suggestions,
    )


#: One group of candidates merged into a phrasing (None: nothing to keep).
merge_group = _merge_group
