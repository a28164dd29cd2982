"""The importer against the gold annotations of the five bundled samples (issue 2, item 4).

Headings are compared as marker + text (the gold text includes the marker), with whitespace
and trailing punctuation ignored, matched in file order.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from eduwriter.core.importer import analyze_file, analyze_text, parse_outline
from eduwriter.core.model import FileResult
from eduwriter.resources_path import sample_files

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"
SAMPLES = sample_files()
_TRAIL = " \u00a0\u3000。．.：:；;，,、"
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub("", text.rstrip(_TRAIL).strip())


def _gold(sample: Path) -> dict:
    return json.loads((GOLD_DIR / f"{sample.stem}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> dict[str, FileResult]:
    return {p.name: analyze_file(p) for p in SAMPLES}


def test_all_five_samples_are_bundled():
    assert [p.stem[:3] for p in SAMPLES] == ["000", "001", "002", "003", "004"]
    for p in SAMPLES:
        assert (GOLD_DIR / f"{p.stem}.json").is_file()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_document_boundaries_titles_and_genres(sample, results):
    res, gold = results[sample.name], _gold(sample)
    assert res.error is None
    ours = [(None if d.title is None else _norm(d.title), d.genre) for d in res.documents]
    expected = [
        (None if d["title"] is None else _norm(d["title"]), d["genre"]) for d in gold["documents"]
    ]
    assert ours == expected


def _match(ours: list[tuple[str, int]], gold: list[tuple[str, int]]) -> list[tuple[int, int]]:
    sm = SequenceMatcher(None, [t for t, _ in ours], [t for t, _ in gold], autojunk=False)
    return [(b.a + k, b.b + k) for b in sm.get_matching_blocks() for k in range(b.size)]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_heading_f1_and_level_accuracy(sample, results):
    res, gold = results[sample.name], _gold(sample)
    ours = [(_norm(h.marker + h.text), h.level) for d in res.documents for h in d.headings]
    expected = [(_norm(h["text"]), h["level"]) for d in gold["documents"] for h in d["headings"]]
    pairs = _match(ours, expected)
    precision = len(pairs) / len(ours) if ours else 1.0
    recall = len(pairs) / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall)
    missed = sorted(set(range(len(expected))) - {b for _, b in pairs})
    extra = sorted(set(range(len(ours))) - {a for a, _ in pairs})
    assert f1 >= 0.95, (
        f"F1 {f1:.3f}; missed {[expected[i][0] for i in missed]}; extra {[ours[i][0] for i in extra]}"
    )
    level_ok = sum(1 for a, b in pairs if ours[a][1] == expected[b][1])
    assert level_ok / len(pairs) >= 0.95


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_every_gold_heading_found_with_its_level(sample, results):
    """Stricter than the F1 goal: the bundled samples are recovered completely (sample 000
    has a glued-digit title run into its body: 1别想太多，做了再说很多时候，…)."""
    res, gold = results[sample.name], _gold(sample)
    ours = [(_norm(h.marker + h.text), h.level) for d in res.documents for h in d.headings]
    expected = [(_norm(h["text"]), h["level"]) for d in gold["documents"] for h in d["headings"]]
    assert ours == expected


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_no_gold_boilerplate_left(sample, results):
    res, gold = results[sample.name], _gold(sample)
    texts = [
        (b.marker + b.text) if b.kind == "heading" else b.text
        for d in res.documents
        for b in d.blocks
    ]
    whole = "\n".join(texts)
    for piece in gold["boilerplate"]:
        if sample.stem.startswith("001") and piece == "教育局工作计划":
            # judgement call 1: also a real title inside the file -> whole-line match only
            assert piece not in texts
        else:
            assert piece not in whole, piece
    # and what was removed is reported
    removed = _WS.sub(" ", "\n".join(res.removed))
    for piece in gold["boilerplate"]:
        assert _WS.sub(" ", piece) in removed, piece


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_every_gold_placeholder_is_a_slot(sample, results):
    res, gold = results[sample.name], _gold(sample)
    raws = {s.raw for d in res.documents for s in d.slots}
    missing = [p for p in gold["placeholders"] if p not in raws]
    assert not missing


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_run_in_items_found(sample, results):
    res, gold = results[sample.name], _gold(sample)
    ours = [_norm(i.marker + i.text) for d in res.documents for i in d.run_in_items]
    expected = [_norm(x) for d in gold["documents"] for x in d["run_in_items"]]
    found = [g for g in expected if any(o.startswith(g[:12]) for o in ours)]
    assert len(found) >= 0.9 * len(expected)


def test_heading_with_body_on_same_line_becomes_heading_plus_paragraph():
    doc = parse_outline("工作举措\n1、认真落实教育政策保障措施。争取上级支持，确保建设资金到位。")
    assert doc.title == "工作举措"
    kinds = [(b.kind, b.marker, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "1、", "认真落实教育政策保障措施")
    assert kinds[1] == ("paragraph", "", "争取上级支持，确保建设资金到位。")


def test_run_in_items_are_not_headings():
    doc = parse_outline(
        "一、加强管理\n一是加强领导，落实责任。二是完善制度。\n第一，要提高认识，统一思想。各单位要抓好落实。"
    )
    assert [h.marker for h in doc.headings] == ["一、"]
    assert [(r.marker, r.text) for r in doc.run_in_items][:3] == [
        ("一是", "加强领导，落实责任"),
        ("二是", "完善制度"),
        ("第一，", "要提高认识，统一思想"),
    ]


def test_false_headings_rejected():
    text = "一、总体情况\n1.5亿元资金已经到位，全年完成投资。\n2019年，我们完成了目标。\n12月底前完成验收。"
    doc = parse_outline(text)
    assert [h.marker + h.text for h in doc.headings] == ["一、总体情况"]


def test_whole_ladder_levels():
    text = "\n".join(
        [
            "第一章 总则",
            "一、指导思想",
            "（一）总体要求",
            "1.目标任务",
            "（1）具体安排",
            "①细化分工",
            "第二章 保障",
        ]
    )
    doc = parse_outline(text)
    assert [(h.marker, h.level) for h in doc.headings] == [
        ("第一章", 1),
        ("一、", 2),
        ("（一）", 3),
        ("1.", 4),
        ("（1）", 5),
        ("①", 5),
        ("第二章", 1),
    ]


def test_levels_close_up_to_present_styles():
    doc = parse_outline("（一）加强领导\n正文。\n1.建立机制\n正文。\n（二）强化保障\n正文。")
    assert [(h.marker, h.level) for h in doc.headings] == [("（一）", 1), ("1.", 2), ("（二）", 1)]


def test_whole_document_on_one_line_is_split():
    body = "。".join(["这是一句比较长的正文内容，用来模拟网页上复制下来的文字"] * 3) + "。"
    line = " ".join(
        [
            "区教育局工作总结",
            body,
            "一、聚焦安全稳定,勇当疫情防控先锋队",
            body,
            "二、聚焦教育质量,打好主动仗",
            body,
        ]
    )
    res = analyze_text(line)
    assert len(res.documents) == 1
    doc = res.documents[0]
    assert doc.title == "区教育局工作总结"
    assert [h.marker + h.text for h in doc.headings] == [
        "一、聚焦安全稳定,勇当疫情防控先锋队",
        "二、聚焦教育质量,打好主动仗",
    ]


def test_collection_separators_split_documents():
    body = "为全面贯彻党的教育方针，结合本地实际，制定本计划，请认真贯彻落实。"
    text = "\n".join(
        [
            "篇一:《学校工作计划》",
            body,
            "一、指导思想",
            body,
            "第二篇：教师培训方案",
            body,
            "学校工作总结篇三",
            body,
        ]
    )
    res = analyze_text(text)
    assert [(d.title, d.genre) for d in res.documents] == [
        ("学校工作计划", "plan"),
        ("教师培训方案", "scheme"),
        ("学校工作总结", "summary"),
    ]


def test_speech_salutation_overrides_summary_title():
    text = "教育工作总结篇一\n同志们：\n今天召开会议，下面我讲几点意见。\n一、提高认识\n正文内容比较长，需要认真落实。"
    res = analyze_text(text)
    assert res.documents[0].genre == "speech"


def test_parse_outline_keeps_short_snippet_and_boilerplate_like_text():
    doc = parse_outline("(一)加强组织领导\n相关推荐")
    assert doc.title is None
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "加强组织领导"),
        ("paragraph", "相关推荐"),
    ]


_PUNCT = re.compile(r"[\s。．.：:；;，,、！!？?]+")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_no_content_is_lost(sample, results):
    """Every line of the file is in the output (titles, headings, paragraphs), except what
    is reported as removed and the collection separators (their title is kept)."""
    from eduwriter.core.clean import normalize_chars
    from eduwriter.core.segment import is_separator

    res = results[sample.name]

    def squash(text: str) -> str:
        return _PUNCT.sub("", normalize_chars(text))

    out = squash(
        "\n".join(
            (d.title or "") + "\n" + "\n".join(b.marker + b.text for b in d.blocks)
            for d in res.documents
        )
    )
    removed = sorted((squash(r) for r in res.removed), key=len, reverse=True)
    for line in sample.read_text(encoding="utf-8").splitlines():
        s = squash(line)
        if not s or s in out or is_separator(normalize_chars(line).strip()) is not None:
            continue
        # a line that lost a removed piece (当前隐藏内容免费查看) or was split around one
        rest = s
        for r in removed:
            rest = rest.replace(r, "")
        assert rest == "" or rest in out, line[:60]


def test_batch_removes_lines_repeated_around_the_body_of_many_files(tmp_path):
    from eduwriter.core.importer import analyze_files

    paths = []
    for n, topic in enumerate(["德育", "教学", "安全"]):
        p = tmp_path / f"{n}.txt"
        p.write_text(
            f"学校{topic}工作总结\n今年以来，我校认真做好{topic}工作，取得了新进展。\n"
            f"一、主要做法\n坚持问题导向，狠抓落实。\n欢迎访问某某学校网站\n",
            encoding="utf-8",
        )
        paths.append(p)
    paths.append(tmp_path / "missing.txt")
    single = analyze_file(paths[0])
    assert single.documents[0].blocks[-1].text == "欢迎访问某某学校网站"
    batch = analyze_files(paths)
    assert [r.error is None for r in batch] == [True, True, True, False]
    for res in batch[:3]:
        assert "欢迎访问某某学校网站" in res.removed
        assert all(b.text != "欢迎访问某某学校网站" for b in res.documents[0].blocks)
        # titles and numbered headings shared by the files are kept
        assert res.documents[0].headings[0].text == "主要做法"


def test_imported_documents_carry_their_domain_pastes_are_not_classified():
    from eduwriter.core.importer import analyze_text, parse_outline

    edu = "区教育局工作总结\n今年，区教育局坚持立德树人，深化课堂教学改革，全区中小学教学质量稳步提升，课后服务覆盖全部学校，教师队伍不断加强。"
    assert [d.domain for d in analyze_text(edu).documents] == ["education"]
    assert parse_outline(edu).domain == ""  # a paste in the composer stays instant
