"""How reusable a phrasing is, stable ids, and near-duplicate grouping.

* :func:`reuse_score` rates a phrasing in 0..1 (formulaic wording, length, function cues).
* :func:`normalised_key` / :func:`stable_id` give the ids that keep rebuilds idempotent.
* :func:`near_duplicate_groups` groups near-duplicates (MinHash buckets, then a Jaccard check).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache

from rapidfuzz.distance import Indel

from eduwriter.core.phrases import CJK_RE as _CJK_RE
from eduwriter.core.words import user_dictionary_path

FORMULA_WORDS = (
    "贯彻",
    "落实",
    "坚持",
    "深入",
    "扎实",
    "切实",
    "全面",
    "进一步",
    "着力",
    "持续",
    "不断",
    "积极",
    "推进",
    "推动",
    "加强",
    "完善",
    "健全",
    "构建",
    "提升",
    "提高",
    "确保",
    "强化",
    "深化",
    "统筹",
    "机制",
    "体系",
    "高质量",
    "立德树人",
    "为指导",
    "为根本",
    "为目标",
    "为抓手",
    "为重点",
    "为核心",
    "为载体",
    "为契机",
    "围绕",
    "聚焦",
    "紧扣",
    "始终",
    "牢固树立",
    "营造",
    "形成",
    "合力",
    "氛围",
    "长效",
    "常态化",
    "规范化",
    "制度化",
    "实效",
    "成效",
    "显著",
    "有序",
    "有效",
    "稳步",
    "新时代",
    "教育方针",
    "人民满意",
    "结合",
    "实际",
    "根据",
    "按照",
    "要求",
    "部署",
    "工作",
    "水平",
    "质量",
    "能力",
    "建设",
    "发展",
    "保障",
    "重点",
    "全力",
    "大力",
    "努力",
    "认真",
    "充分发挥",
    "作用",
    "引领",
    "示范",
)
#: Wording typical of one function (a problem statement is formulaic in its own way).
_FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "问题": (
        "存在",
        "仍然",
        "依然",
        "不足",
        "薄弱",
        "有待",
        "差距",
        "短板",
        "不够",
        "不到位",
        "滞后",
        "部分",
        "个别",
    ),
    "打算": ("下一步", "将", "继续", "力争", "进一步", "着力", "今后"),
    "成效": ("取得", "显著", "明显", "稳步", "实现", "圆满", "荣获", "获评"),
    "结尾": ("总之", "展望", "努力奋斗", "贡献", "新篇章", "再创", "让我们", "同志们"),
    "开头": ("领导下", "支持下", "为指导", "围绕", "根据", "按照", "以来", "之年", "为目标"),
    "过渡": ("如下", "以下", "几点", "方面"),
}
_CASUAL_RE = re.compile(r"(?:你|咱|吧|呗|啦|哈|呀|哦|嘛|觉得|其实|也许|或许|真的|好像|感觉)")


#: Narration of a meeting (…纷纷表示，/ 他指出，/ 王明同志对…作了部署 / 会上，): a news report
#: about what others said, which a writer cannot put in their own document as it is.
_NARRATED = re.compile(
    r"^[^，。；“]{1,16}(?:指出|强调|表示|认为|介绍|说)，"
    r"|[\u4e00-\u9fff]{2,3}同志(?:对|在|就|作了|指出|强调|要求|代表)"
    r"|^(?:会上|会议上|会后|随后|期间)，"
)


#: A quoted name or slogan (“趣学”课堂, “建一所、优一所”).
_QUOTED = re.compile(r"“([^“”]{2,24})”")


@lru_cache(maxsize=1)
def _shared_terms() -> frozenset[str]:
    """The 提法 of the shared 公文 dictionary (read once): quoted, they are common wording."""
    try:
        lines = user_dictionary_path().read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return frozenset()
    return frozenset(ln.split()[0] for ln in lines if ln.strip() and not ln.startswith("#"))


def local_coinages(text: str) -> list[str]:
    """Quoted names and slogans of ``text`` that are not shared 公文 wording: most often one
    school's or one county's own brand (“趣学”课堂, “八大品牌”), which a writer must replace."""
    shared = _shared_terms()
    out = []
    for quoted in _QUOTED.findall(text):
        parts = [p for p in re.split(r"[、，,·\s]+", quoted) if p]
        if "【" not in quoted and not all(p in shared for p in parts):
            out.append(quoted)
    return out


def reuse_score(
    text: str, function: str, *, strong: bool = False, genre: str = "", slots: int = 0
) -> float:
    """How reusable a phrasing is, in 0..1 before recurrence is added.

    Formulaic official wording, a sensible length and a clear function score high; chatty
    wording, questions, many specifics and leftover numbers score low.
    """
    body = re.sub(r"【[^】]*】", "甲", text)
    n = len(_CJK_RE.findall(body))
    if function == "常用词组":
        base = 0.55 + 0.05 * min(4, body.count("、"))
        return round(min(1.0, base), 3)
    if function == "标题":
        length = 1.0 if 6 <= n <= 24 else 0.6 if n <= 32 else 0.3
    elif function in ("开头", "结尾") and n >= 12:
        # an opening or closing paragraph's sentence is long by nature
        length = 1.0 if n <= 120 else 0.7
    elif n < 8:
        length = 0.2
    elif n < 12:
        length = 0.6
    elif n <= 60:
        length = 1.0
    elif n <= 90:
        length = 0.7
    else:
        length = 0.4
    hits = sum(1 for w in FORMULA_WORDS if w in text)
    hits += sum(1 for w in _FUNCTION_WORDS.get(function, ()) if w in text)
    formulaic = min(1.0, hits / (2 if function == "标题" else 5))
    score = 0.45 * formulaic + 0.35 * length + (0.15 if strong else 0.05)
    if function in ("开头", "过渡", "结尾") and strong:
        score += 0.1
    score -= 0.06 * slots + (0.15 if slots > 3 else 0)
    if re.search(r"\d", body):
        score -= 0.1
    if "？" in text or "?" in text:
        score -= 0.2
    if _CASUAL_RE.search(text):
        score -= 0.2
    if "……" in text or "…" in text:
        score -= 0.1
    if genre == "article":
        score -= 0.15
    if re.match(r"^(?:如|例如|比如|譬如)", text):
        score -= 0.15  # an example from one place, not a reusable statement
    score -= min(0.16, 0.08 * len(local_coinages(text)))
    if _NARRATED.search(text):
        score -= 0.15  # a report of what someone said or did at a meeting, not one's own words
    return round(max(0.0, min(1.0, score)), 3)


def normalised_key(text: str) -> str:
    """The text with punctuation and spaces removed, slots kept: equal keys mean the same phrasing."""
    return re.sub(r"[^\w【】]", "", text).lower()


def stable_id(prefix: str, *parts: str) -> str:
    """A stable id: ``prefix`` + 16 hex digits of SHA-1 over the normalised parts."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{h}"


# --------------------------------------------------------------------------------------------
# Near-duplicates


def _shingles(key: str, k: int = 3) -> set[int]:
    if len(key) <= k:
        return {zlib.crc32(key.encode("utf-8"))}
    return {zlib.crc32(key[i : i + k].encode("utf-8")) for i in range(len(key) - k + 1)}


#: Two texts whose edit similarity (rapidfuzz Indel, 0..1) reaches this are the same phrasing
#: worded twice (two words swapped in a 30-character sentence), even when their shingles differ.
EDIT_SIMILARITY = 0.88


def near_duplicate_groups(
    keys: list[str], threshold: float = 0.65, sketch: int = 6, max_bucket: int = 300
) -> list[int]:
    """Group near-duplicate texts; returns, for each key, the index of its group's first member.

    Each text is reduced to its character 3-gram shingles; texts are bucketed by their
    ``sketch`` smallest shingle hashes (a bottom-k MinHash sketch), and only texts sharing a
    bucket are compared: Jaccard >= ``threshold``, or an edit similarity (rapidfuzz) of at least
    :data:`EDIT_SIMILARITY` — a few words swapped apart cut many shingles but few characters.
    Near-duplicates share a low hash with high probability, so the work stays close to linear
    instead of comparing all pairs.
    """
    n = len(keys)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets = [_shingles(k) for k in keys]
    buckets: dict[int, list[int]] = {}
    for i, s in enumerate(sets):
        for h in sorted(s)[:sketch]:
            buckets.setdefault(h, []).append(i)
    compared: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        if len(members) > max_bucket:
            # a very common shingle: compare only texts of similar length (sorted neighbours)
            members = sorted(members, key=lambda i: len(keys[i]))
            pairs = [
                (members[j], members[j + d])
                for j in range(len(members))
                for d in (1, 2, 3)
                if j + d < len(members)
            ]
        else:
            pairs = [(a, b) for x, a in enumerate(members) for b in members[x + 1 :]]
        for a, b in pairs:
            if a > b:
                a, b = b, a
            if (a, b) in compared:
                continue
            compared.add((a, b))
            la, lb = len(keys[a]), len(keys[b])
            if min(la, lb) < 0.75 * max(la, lb):
                continue
            sa, sb = sets[a], sets[b]
            inter = len(sa & sb)
            if (
                inter / (len(sa) + len(sb) - inter) >= threshold
                or Indel.normalized_similarity(keys[a], keys[b]) >= EDIT_SIMILARITY
            ):
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]
