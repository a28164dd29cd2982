"""Punctuation rules (GB/T 15834-2011 标点符号用法; GB/T 9704-2012 §7.3.1 标题).

``punct.halfwidth`` half-width marks in Chinese text · ``punct.repeat`` a mark doubled ·
``punct.ellipsis_dash`` ... for ……, - or ~ for a range, 等 after …… · ``punct.pairs`` unpaired
quotes and brackets · ``punct.heading_end`` a title or heading ending with a mark it should not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduwriter.compose.checks.finding import CheckDoc, Paragraph
from eduwriter.compose.checks.registry import Hit, rule
from eduwriter.compose.checks.text import HAN, is_chinese, is_han, neighbour

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_NAMES = {
    ",": ("逗号", "comma"),
    ";": ("分号", "semicolon"),
    ":": ("冒号", "colon"),
    "?": ("问号", "question mark"),
    "!": ("叹号", "exclamation mark"),
    "(": ("括号", "bracket"),
    ")": ("括号", "bracket"),
    ".": ("句号", "full stop"),
    '"': ("引号", "quotation mark"),
}
_URLISH = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|[A-Za-z]:\\\S*")


def _skip_spans(p: Paragraph) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _URLISH.finditer(p.text)]
    if p.marker_typed and p.marker:
        spans.append((0, len(p.marker)))
    return spans


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _halfwidth_hit(text: str, i: int) -> bool:
    ch = text[i]
    before, after = neighbour(text, i - 1, -1), neighbour(text, i + 1, 1)
    if ch in ",:" and before.isdigit() and after.isdigit():
        return False  # 1,000 · 8:30
    if ch == ".":
        if text[i - 1 : i] == "." or text[i + 1 : i + 2] == ".":
            return False  # ... is the ellipsis rule's
        return is_han(text[i - 1 : i]) and (after == "" or is_chinese(after))
    if ch in "(":
        close = text.find(")", i)
        inner = text[i + 1 : close] if close != -1 else ""
        return is_chinese(before) or bool(re.search(f"[{HAN}]", inner))
    if ch == ")":
        open_ = text.rfind("(", 0, i)
        inner = text[open_ + 1 : i] if open_ != -1 else ""
        return is_chinese(after) or bool(re.search(f"[{HAN}]", inner))
    return is_chinese(before) or (is_chinese(after) and not before.isascii())


@rule("punct.halfwidth", "punct.halfwidth", "suggestion", "中文里用了半角标点", "Half-width mark")
def halfwidth(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        text = p.text
        spans = _skip_spans(p)
        quotes = [i for i, c in enumerate(text) if c == '"' and not _inside(i, spans)]
        for i, ch in enumerate(text):
            if ch not in _FULL or _inside(i, spans) or not _halfwidth_hit(text, i):
                continue
            zh, en = _NAMES[ch]
            yield Hit(
                pi,
                i,
                i + 1,
                f"中文里应使用全角{zh}“{_FULL[ch]}”，不用半角“{ch}”。",
                f"Use the full-width {en} “{_FULL[ch]}” in Chinese text, not “{ch}”.",
                _FULL[ch],
                True,
            )
        if quotes and any(
            is_chinese(neighbour(text, q - 1, -1)) or is_chinese(neighbour(text, q + 1, 1))
            for q in quotes
        ):
            paired = len(quotes) % 2 == 0
            for k, q in enumerate(quotes):
                repl = "“" if k % 2 == 0 else "”"
                yield Hit(
                    pi,
                    q,
                    q + 1,
                    f"中文里应使用弯引号“{repl}”，不用直引号。",
                    f"Use the Chinese quotation mark “{repl}”, not a straight quote.",
                    repl,
                    paired,
                )


_DOUBLED = re.compile(r"([，。、；：？！,;])\1+")


@rule("punct.repeat", "punct.repeat", "error", "标点重复", "Doubled punctuation mark")
def repeat(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        for m in _DOUBLED.finditer(p.text):
            mark = m.group(1)
            yield Hit(
                pi,
                m.start(),
                m.end(),
                f"标点“{mark}”重复了，保留一个即可。",
                f"The mark “{mark}” is doubled; keep one.",
                mark,
                True,
            )


_DOTS = re.compile(r"\.{3,}|。{3,}|(?<!…)…(?!…)|…{3,}|·{3,}")
_ETC_AFTER = re.compile(r"(……|…|\.{3,}|。{3,})(\s*)(等等|等)")
_RANGE = re.compile(
    r"(?<![\d\-－~～.A-Za-z])(\d+(?:\.\d+)?)([%％]?)(\s*)([-－~])(\s*)(\d+(?:\.\d+)?)"
    r"(?![\d\-－~.A-Za-z])"
)


@rule(
    "punct.ellipsis_dash",
    "punct.ellipsis_dash",
    "error",
    "省略号、连接号用法",
    "Ellipsis and range marks",
)
def ellipsis_dash(doc: CheckDoc) -> Iterator[Hit]:
    for pi, p in enumerate(doc.paragraphs):
        text = p.text
        for m in _DOTS.finditer(text):
            if m.group(0).startswith(".") and not (
                is_chinese(neighbour(text, m.start() - 1, -1))
                or is_chinese(neighbour(text, m.end(), 1))
            ):
                continue
            yield Hit(
                pi,
                m.start(),
                m.end(),
                "省略号应写作两个“…”组成的“……”。",
                "Write the ellipsis as “……” (two ellipsis characters).",
                "……",
                True,
            )
        for m in _ETC_AFTER.finditer(text):
            yield Hit(
                pi,
                m.start(3),
                m.end(3),
                f"省略号“……”已表示列举未尽，后面不再用“{m.group(3)}”。",
                f"“……” already ends the list; drop “{m.group(3)}”.",
                "",
                True,
            )
        for m in _RANGE.finditer(text):
            after = neighbour(text, m.end(), 1)
            before = neighbour(text, m.start() - 1, -1)
            if not (is_han(after) or after in "%％" or is_han(before)):
                continue
            left, right = m.group(1), m.group(6)
            if left.startswith("0") and len(right) >= 7:
                continue  # a telephone number 0571-8888666
            if after in "班级" and m.group(4) in "-－":
                continue  # 3-2班: grade 3, class 2
            years = all(len(x) == 4 and x[:2] in ("19", "20") for x in (left, right))
            dash = "—" if years else "～"
            yield Hit(
                pi,
                m.start(4),
                m.end(4),
                f"表示{'起止年份' if years else '数值范围'}用“{dash}”，不用“{m.group(4)}”。",
                f"Use “{dash}” for a {'span of years' if years else 'range'}, not “{m.group(4)}”.",
                dash,
                False,
                "suggestion",
            )


_OPEN = {
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "《": "》",
    "〈": "〉",
    "【": "】",
    "〔": "〕",
    "[": "]",
    "［": "］",
}
_CLOSE = {v: k for k, v in _OPEN.items()}
_SAME = {"(": "（", ")": "）", "[": "［", "]": "］"}


def _kind(ch: str) -> str:
    return _SAME.get(ch, ch)


@rule("punct.pairs", "punct.pairs", "error", "引号、括号、书名号不成对", "Unpaired marks")
def pairs(doc: CheckDoc) -> Iterator[Hit]:
    paras = doc.paragraphs
    for pi, p in enumerate(paras):
        stack: list[tuple[str, int]] = []
        bad: list[int] = []
        for i, ch in enumerate(p.text):
            if ch in _OPEN:
                stack.append((ch, i))
            elif ch in _CLOSE:
                want = _kind(_CLOSE[ch])
                for k in range(len(stack) - 1, -1, -1):
                    if _kind(stack[k][0]) == want:
                        del stack[k:]
                        break
                else:
                    bad.append(i)
        for ch, i in stack:
            nxt = paras[pi + 1].text if pi + 1 < len(paras) else ""
            if ch == "“" and i == 0 and nxt.startswith("“"):
                continue  # a quotation of several paragraphs: “ opens each, ” closes the last
            bad.append(i)
        for i in sorted(bad):
            ch = p.text[i]
            yield Hit(
                pi,
                i,
                i + 1,
                f"“{ch}”没有配对的另一半。",
                f"“{ch}” has no matching mark.",
            )


_HEADING_BAD_END = "，、；,;"
_HEADING_SOFT_END = "。：:."


@rule("punct.heading_end", "punct.heading_end", "error", "标题末尾标点", "Heading end mark")
def heading_end(doc: CheckDoc) -> Iterator[Hit]:
    paras = doc.paragraphs
    for pi, p in enumerate(paras):
        text = p.text.rstrip()
        if not text or p.role not in ("title", "heading"):
            continue
        last = text[-1]
        if p.role == "title":
            if last in _HEADING_BAD_END + _HEADING_SOFT_END and not text.endswith("……"):
                yield Hit(
                    pi,
                    len(text) - 1,
                    len(text),
                    f"公文标题末尾不加标点，删去“{last}”。",
                    f"A document title takes no end mark; remove “{last}”.",
                    "",
                    True,
                )
            continue
        body = text[len(p.marker) :] if p.marker_typed else text
        runs_in = re.search(r"[。！？][^。！？]", body) is not None
        has_body = (
            pi + 1 < len(paras)
            and paras[pi + 1].block == p.block
            and (p.block is not None and paras[pi + 1].part == "body")
        )
        if runs_in or has_body:
            continue
        if last in _HEADING_BAD_END:
            yield Hit(
                pi,
                len(text) - 1,
                len(text),
                f"标题不能以“{last}”结尾。",
                f"A heading cannot end with “{last}”.",
                "",
                True,
            )
        elif last in _HEADING_SOFT_END and p.level in (1, 2):
            yield Hit(
                pi,
                len(text) - 1,
                len(text),
                f"独占一行的一、二级标题末尾一般不加标点，可删去“{last}”。",
                f"A first- or second-level heading on its own line usually takes no end "
                f"mark; “{last}” can go.",
                "",
                True,
                "suggestion",
            )
