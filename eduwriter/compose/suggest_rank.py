"""Which phrasings fit the place being written: the ranking behind the composer's suggestions.

A suggestion fits when its function is what the current section asks for (a 存在问题 section
asks for 问题 phrasings, a 下一步打算 section for 打算 — the section's role comes from the heading
above the cursor with the skeleton role rules, :func:`eduwriter.core.skeletons.heading_role`,
and the role's function from :data:`eduwriter.core.functions.ROLE_FUNCTION`), when it comes from
a document of the report's genre (the importer's genre of the title), and when the writer has
accepted it before. A plan sentence (打算) does not fit a summary's sections that report work
done or problems, and a problem statement does not fit outside a problems section.

Items flagged stale (a superseded 提法) and items of another domain are never offered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eduwriter.core.functions import ROLE_FUNCTION
from eduwriter.core.genre import genre_from_title
from eduwriter.core.skeletons import heading_role

__all__ = [
    "Candidate",
    "WritingPlace",
    "fit_score",
    "is_offerable",
    "place_of",
]

#: Domains whose items may be suggested ('' for items made before domains were known).
OFFERED_DOMAINS = frozenset({"education", "government", ""})

#: Functions that only fit sections of their own role; elsewhere they rank last.
_OWN_ROLE_ONLY = {"打算": ("下一步打算", "工作目标"), "问题": ("存在问题",)}
#: Genres whose text looks forward: 打算 phrasings fit all of them.
_FORWARD_GENRES = frozenset({"plan", "scheme", "speech", "notice"})


@dataclass(slots=True, frozen=True)
class Candidate:
    """A text autocomplete may offer, with what ranking needs to know about it."""

    text: str
    function: str = ""
    genre: str = ""
    usage: int = 0
    item_id: str = ""


@dataclass(slots=True, frozen=True)
class WritingPlace:
    """Where the writer is: the report's genre (None when the title names none) and the role of
    the section around the cursor (None before the first heading)."""

    genre: str | None = None
    role: str | None = None


def is_offerable(data: Mapping[str, object] | None) -> bool:
    """False for an item flagged stale or filed under another domain (``Item.data``)."""
    if not data:
        return True
    flags = data.get("flags") or ()
    if isinstance(flags, (list, tuple, set, frozenset)) and "stale" in flags:
        return False
    domain = data.get("domain") or ""
    return domain in OFFERED_DOMAINS


def place_of(title: str, headings: Sequence[str]) -> WritingPlace:
    """The place of a cursor under ``headings`` (outermost first, the enclosing chain) in a
    report titled ``title``."""
    genre = genre_from_title(title)
    role: str | None = None
    for heading in headings:
        role = heading_role(heading, genre or "article", role)
    return WritingPlace(genre=genre, role=role)


def fit_score(candidate: Candidate, place: WritingPlace) -> float:
    """How well ``candidate`` fits ``place``: higher is better, 0 is neutral.

    +3 for the function the section's role asks for, -3 for a function that belongs to other
    sections (打算 outside a plans section of a looking-back report, 问题 outside 存在问题),
    +1 for the report's genre, and up to +2 for earlier uses (log-scaled, so one accepted
    phrasing climbs but a heavy favourite does not bury a better fit)."""
    score = 0.0
    wanted = ROLE_FUNCTION.get(place.role or "")
    if wanted and candidate.function == wanted:
        score += 3.0
    own = _OWN_ROLE_ONLY.get(candidate.function)
    if own and place.role not in own and candidate.function != wanted:
        forward = candidate.function == "打算" and place.genre in _FORWARD_GENRES
        if place.role is not None and not forward:
            score -= 3.0
        elif place.role is None and candidate.function == "打算" and place.genre == "summary":
            score -= 3.0
    if place.genre and candidate.genre == place.genre:
        score += 1.0
    if candidate.usage > 0:
        score += min(2.0, math.log2(1 + candidate.usage))
    return score
