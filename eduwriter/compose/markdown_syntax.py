"""The Markdown of report files: front-matter keys, heading and marker patterns, escaping.

Shared by the writer (:mod:`markdown_write`) and the reader (:mod:`markdown_read`); the file
format itself is described in :mod:`eduwriter.compose.markdown_io`.
"""

from __future__ import annotations

import re

META_KEYS = {
    "主送机关": "recipient",
    "主送": "recipient",
    "recipient": "recipient",
    "附件": "attachments",
    "附件说明": "attachments",
    "attachments": "attachments",
    "署名": "signer",
    "发文机关署名": "signer",
    "signer": "signer",
    "成文日期": "date",
    "日期": "date",
    "date": "date",
    # 版头 and 版记 (GB/T 9704 §7.2, §7.4) and the sealed layout (§7.3.5.1)
    "发文字号": "doc_number",
    "签发人": "issuer",
    "密级": "secrecy",
    "紧急程度": "urgency",
    "抄送": "copy_to",
    "抄送机关": "copy_to",
    "印发机关": "printer",
    "印发日期": "print_date",
    "盖章": "sealed",
    "加盖印章": "sealed",
}
META_ORDER = (
    ("主送机关", "recipient"),
    ("署名", "signer"),
    ("成文日期", "date"),
    ("发文字号", "doc_number"),
    ("签发人", "issuer"),
    ("密级", "secrecy"),
    ("紧急程度", "urgency"),
    ("抄送", "copy_to"),
    ("印发机关", "printer"),
    ("印发日期", "print_date"),
)
#: Values of 盖章 that mean yes.
YES = ("是", "yes", "true", "1", "盖章", "有")

_CJK_NUM = "一二三四五六七八九十百零〇两"
#: A typed heading number at the start of a heading line, with the level it implies.
_MARKER_RES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[{_CJK_NUM}]{{1,4}}\s*[、，,.．]\s*"), 1),
    (re.compile(rf"^[（(〔［\[]\s*[{_CJK_NUM}]{{1,4}}\s*[）)〕］\]]\s*[、，,.．]?\s*"), 2),
    (re.compile(r"^\d{1,3}\s*[.．、]\s*(?!\d)"), 3),
    (re.compile(r"^[（(]\s*\d{1,3}\s*[）)]\s*[、，,.．]?\s*"), 4),
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*"), 4),
)
HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
RUNIN_RE = re.compile(r"^\*\*((?:\\.|[^\\])+?)\*\*(.*)$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
ESCAPABLE_START = re.compile(r"^(#|>|---|[-+]\s|\d{1,3}[.)]\s|```|~~~|<!--|\|)")
#: The comment line before a hint quote.
HINT_MARK = "<!-- 提示 -->"
#: The comment line that keeps typed numbers at the start of paragraphs as body text.
PLAIN_MARK = "<!-- 段首编号为正文，不是标题 -->"
_INLINE_SPECIAL = re.compile(r"([\\*`\[])|(<)(?=[A-Za-z/!])")


#: The exact markers numbering.py writes; tried first so our own files read back exactly.
_CANONICAL_RES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[{_CJK_NUM}]{{1,6}}、"), 1),
    (re.compile(rf"^（[{_CJK_NUM}]{{1,6}}）"), 2),
    (re.compile(r"^\d{1,3}\."), 3),
    (re.compile(r"^（\d{1,3}）"), 4),
)


def split_marker(text: str) -> tuple[int | None, str]:
    """(level implied by a typed heading number, text without it); (None, text) if none."""
    for pattern, level in _CANONICAL_RES:
        m = pattern.match(text)
        if m:
            return level, text[m.end() :].strip()
    for pattern, level in _MARKER_RES:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return level, text[m.end() :].strip()
    return None, text


def escape_inline(text: str) -> str:
    """Backslash-escape the characters the reader would take as Markdown markup."""
    return _INLINE_SPECIAL.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)


def escape_para(text: str) -> str:
    text = escape_inline(text)
    return "\\" + text if ESCAPABLE_START.match(text) else text


def one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
