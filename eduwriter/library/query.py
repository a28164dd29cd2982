"""What a search query means: filters named by words, and the words to look for.

A writer looking for a *kind* of sentence types the kind: "总结 开头" (the opening of a summary),
"下一步打算", "讲话 结尾". :func:`parse_query` turns the words that name a phrasing function
(开头, 结尾, 过渡, 打算, 问题, 表态, 措施 …), a genre (总结, 计划, 讲话, 方案 …) or a kind of item
(结构, 范文) into filters, and keeps the rest as terms that must all occur, in any order. The
filters come back with the words that named them, so that a search box can show them as chips
the writer can remove (:meth:`Query.without`).

A word is read as a filter only when it stands alone (between spaces) or when a query made only
of such words is written without spaces (总结开头): "安全问题" stays a phrase to look for. A word
in double quotes ("总结", “总结”) is always a term: that is how a removed chip is written back
into the search box (:meth:`Query.text_without`).
No Qt here; the GUI and the command line both use it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

#: Words that name a phrasing function → the function's name in the library.
FUNCTION_WORDS: dict[str, str] = {
    "开头": "开头",
    "开篇": "开头",
    "引言": "开头",
    "结尾": "结尾",
    "结束语": "结尾",
    "结语": "结尾",
    "收尾": "结尾",
    "过渡": "过渡",
    "过渡句": "过渡",
    "承上启下": "过渡",
    "打算": "打算",
    "下一步": "打算",
    "下一步打算": "打算",
    "今后打算": "打算",
    "问题": "问题",
    "不足": "问题",
    "存在问题": "问题",
    "问题与不足": "问题",
    "存在的问题": "问题",
    "措施": "措施",
    "举措": "措施",
    "做法": "措施",
    "成效": "成效",
    "成绩": "成效",
    "主要成绩": "成效",
    "标题": "标题",
    "小标题": "标题",
    "表态": "表态",
    "号召": "表态",
    "词组": "常用词组",
    "常用词组": "常用词组",
}

#: Words that name a genre → the genre's code in the library.
GENRE_WORDS: dict[str, str] = {
    "总结": "summary",
    "工作总结": "summary",
    "汇报": "summary",
    "计划": "plan",
    "工作计划": "plan",
    "方案": "plan",
    "实施方案": "plan",
    "讲话": "speech",
    "讲话稿": "speech",
    "发言": "speech",
    "致辞": "speech",
}

#: Words that ask for a kind of item (documents and sections rank low unless asked for).
KIND_WORDS: dict[str, str] = {
    "结构": "skeleton",
    "框架": "skeleton",
    "提纲": "skeleton",
    "范文": "document",
    "全文": "document",
    "章节": "section",
}

_FIELDS = (("function", FUNCTION_WORDS), ("genre", GENRE_WORDS), ("kind", KIND_WORDS))
_LONGEST = max(len(w) for _f, words in _FIELDS for w in words)


@dataclass(frozen=True, slots=True)
class Understood:
    """One filter read from the query: ``field`` (function, genre or kind), its ``value`` and the
    ``word`` of the query that named it (the chip's label)."""

    field: str
    value: str
    word: str

    def to_json(self) -> dict:
        return {"field": self.field, "value": self.value, "word": self.word}


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the ``text`` typed, the ``filters`` understood and the ``terms`` left."""

    text: str
    filters: tuple[Understood, ...] = ()
    terms: tuple[str, ...] = ()

    def value(self, field: str) -> str | None:
        """The value of a filter field, or None."""
        return next((f.value for f in self.filters if f.field == field), None)

    @property
    def only_filters(self) -> bool:
        """True when the query names filters and nothing else ("下一步打算", "总结 开头")."""
        return bool(self.filters) and not self.terms

    def without(self, word: str) -> Query:
        """The query with the chip of ``word`` removed: the word is searched as a term instead."""
        kept = tuple(f for f in self.filters if f.word != word)
        if len(kept) == len(self.filters):
            return self
        return replace(self, filters=kept, terms=(*self.terms, word))

    def text_without(self, word: str) -> str:
        """The query text to search when the chip of ``word`` is removed: the other filter words,
        then the terms; ``word`` and any term that names a filter are quoted ("总结"), so that
        they are looked for as words."""
        q = self.without(word)
        if q is self:
            return self.text
        parts = [f.word for f in q.filters]
        parts += [_quoted(t) if _split_filter_words(t) is not None else t for t in q.terms]
        return " ".join(parts)


_QUOTES = (('"', '"'), ("\u201c", "\u201d"))


def _quoted(word: str) -> str:
    return f'"{word}"'


def _unquoted(token: str) -> str | None:
    """The word inside a quoted token ("总结" or “总结”), or None."""
    for left, right in _QUOTES:
        if len(token) > 2 and token.startswith(left) and token.endswith(right):
            return token[1:-1]
    return None


def _split_filter_words(token: str) -> list[tuple[str, str, str]] | None:
    """``token`` read as filter words only (总结开头 → 总结 + 开头), longest words first; None if
    some part of it is not a filter word or a field would be named twice."""
    out: list[tuple[str, str, str]] = []
    at = 0
    while at < len(token):
        for end in range(min(len(token), at + _LONGEST), at, -1):
            piece = token[at:end]
            hit = next(((f, words[piece]) for f, words in _FIELDS if piece in words), None)
            if hit is not None:
                out.append((hit[0], hit[1], piece))
                at = end
                break
        else:
            return None
    fields = [f for f, _v, _w in out]
    return out if len(set(fields)) == len(fields) else None


def parse_query(text: str, fixed: frozenset[str] = frozenset()) -> Query:
    """Read ``text``: whitespace-separated words that name a function, a genre or a kind become
    filters, the other words terms. A field in ``fixed`` (already chosen by the writer, e.g. in a
    filter box) is not read from the words: such a word stays a term."""
    filters: list[Understood] = []
    terms: list[str] = []
    taken = set(fixed)
    for token in text.split():
        quoted = _unquoted(token)
        if quoted is not None:
            terms.append(quoted)
            continue
        parts = _split_filter_words(token)
        if parts is None or any(f in taken for f, _v, _w in parts):
            terms.append(token)
            continue
        for field, value, word in parts:
            taken.add(field)
            filters.append(Understood(field, value, word))
    return Query(text, tuple(filters), tuple(terms))
