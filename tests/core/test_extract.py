import re
from collections import Counter

import pytest

from eduwriter.core.extract import extract_library
from eduwriter.core.genre_outlines import CANONICAL
from eduwriter.core.importer import analyze_file
from eduwriter.core.items import FUNCTIONS
from eduwriter.core.model import Block, Document, FileResult
from eduwriter.core.phrases import BOILERPLATE_WORDS, balanced
from eduwriter.core.skeletons import FROM_OUTLINE
from eduwriter.core.stale_terms import is_stale
from eduwriter.resources_path import sample_files


def H(text: str, level: int = 1, marker: str = "") -> Block:
    return Block("heading", text, level, marker)


def P(text: str) -> Block:
    return Block("paragraph", text)


def summary_doc() -> Document:
    return Document(
        title="XX区教育局20XX年工作总结",
        genre="summary",
        blocks=[
            P("20XX年,区教育局在区委、区政府的正确领导下,扎实推进各项工作。现将工作总结如下:"),
            H("以“德”为先，铸造品格之魂", 1, "一、"),
            P("深化理想信念教育,完善学校、家庭、社会协同育人机制,取得了显著成效。"),
            H("以“智”为基，夯实学业之本", 1, "二、"),
            P("全区中考合格率稳步提升,XXX名学生获市级表彰。"),
            H("以“体”为健，强固生命之基", 1, "三、"),
            P("公共效劳体系不间断完善,学生体质健康水平明显提高。"),
            H("存在的问题", 1, "四、"),
            P("部分学校师资力量仍然薄弱,教师结构性缺编问题依然存在。"),
            H("下一步打算", 1, "五、"),
            P("下一步,我们将继续深化教育改革,凝心聚力、蹄疾步稳,推动教育高质量发展。"),
            P("总之,我们将以更加饱满的热情,为办好人民满意的教育而努力奋斗。"),
        ],
    )


def lib_of(*docs: Document, name: str = "a.txt"):
    return extract_library([FileResult(path=f"/x/{name}", documents=list(docs))])


def by_text(lib):
    return {p.text: p for p in lib.phrasings}


def test_functions_families_slots_and_repairs():
    lib = lib_of(summary_doc())
    got = by_text(lib)
    assert (
        got["【年份】年，区教育局在区委、区政府的正确领导下，扎实推进各项工作。"].function == "开头"
    )
    assert got["现将工作总结如下："].function == "过渡"
    assert got["部分学校师资力量仍然薄弱，教师结构性缺编问题依然存在。"].function == "问题"
    assert (
        got["下一步，我们将继续深化教育改革，凝心聚力、蹄疾步稳，推动教育高质量发展。"].function
        == "打算"
    )
    assert got["总之，我们将以更加饱满的热情，为办好人民满意的教育而努力奋斗。"].function == "结尾"
    assert got["凝心聚力、蹄疾步稳"].function == "常用词组"
    heads = [p for p in lib.phrasings if p.function == "标题" and p.family]
    assert {p.text for p in heads} == {
        "以“德”为先，铸造品格之魂",
        "以“智”为基，夯实学业之本",
        "以“体”为健，强固生命之基",
    }
    assert {p.family for p in heads} == {"以“【字】”为【…】，【…】之【…】"}
    # the family itself is one item, members in source order and linked by id
    (fam,) = lib.families
    assert fam.pattern == "以“【字】”为【…】，【…】之【…】"
    assert (
        fam.text == "以“德”为先，铸造品格之魂 / 以“智”为基，夯实学业之本 / 以“体”为健，强固生命之基"
    )
    assert fam.members == [got[t].id for t in fam.texts]
    # spun words repaired, original kept
    spun = got["公共服务体系持续完善，学生体质健康水平明显提高。"]
    assert spun.original.startswith("公共效劳体系不间断完善")
    assert "效劳→服务" in spun.repairs
    # specifics -> slots
    result = got["全区中考合格率稳步提升，【数量】名学生获市级表彰。"]
    assert result.function == "成效" and result.slots == ["数量"]
    src = result.sources[0]
    assert src.file == "a.txt" and src.document == "XX区教育局20XX年工作总结"
    assert src.section == ("以“智”为基，夯实学业之本",)


def test_items_after_a_problem_lead_in_are_problems():
    doc = Document(
        title="区教育局上半年工作总结",
        genre="summary",
        blocks=[
            H("主要工作", 1, "一、"),
            P("扎实推进各项工作,取得了显著成效。"),
            P(
                "同时,工作中还面临一些困难,主要集中在:一是中心城区教育资源依然紧张。"
                "二是教师编制缺口较大,教师收入与本地区公务员仍有差距。"
            ),
        ],
    )
    got = by_text(lib_of(doc))
    assert got["中心城区教育资源依然紧张。"].function == "问题"
    assert got["教师编制缺口较大，教师收入与本地区公务员仍有差距。"].function == "问题"
    # a statement of a problem is never offered as a heading
    assert not [p for p in got.values() if p.function == "标题" and "紧张" in p.text]


def test_topic_tags_are_attached():
    got = by_text(lib_of(summary_doc()))
    assert (
        "家校社" in got["深化理想信念教育，完善学校、家庭、社会协同育人机制，取得了显著成效。"].tags
    )


def test_duplicates_merge_with_all_sources_and_recurrence_raises_score():
    one = lib_of(summary_doc())
    lib = extract_library(
        [
            FileResult(path="/x/a.txt", documents=[summary_doc()]),
            FileResult(path="/x/b.txt", documents=[summary_doc()]),
        ]
    )
    text = "部分学校师资力量仍然薄弱，教师结构性缺编问题依然存在。"
    merged = by_text(lib)[text]
    assert {s.file for s in merged.sources} == {"a.txt", "b.txt"}
    assert merged.score > by_text(one)[text].score
    assert len(lib.phrasings) == len(one.phrasings)
    # the identical documents give one skeleton with both sources
    assert len(lib.skeletons) == 1 and len(lib.skeletons[0].sources) == 2


def test_rebuild_is_idempotent():
    a = lib_of(summary_doc())
    b = lib_of(summary_doc())
    assert [(p.id, p.text, p.function, p.score) for p in a.phrasings] == [
        (p.id, p.text, p.function, p.score) for p in b.phrasings
    ]
    assert [s.id for s in a.skeletons + a.merged] == [s.id for s in b.skeletons + b.merged]
    assert len({p.id for p in a.phrasings}) == len(a.phrasings)


def test_failed_files_are_skipped():
    lib = extract_library([FileResult(path="/x/bad.bin", error="无法识别的文件")])
    assert lib.phrasings == [] and lib.skeletons == [] and lib.merged == []


# ------------------------------------------------------------------------------------------
# The bundled samples, through the real importer


@pytest.fixture(scope="module")
def sample_library():
    return extract_library([analyze_file(p) for p in sample_files()])


_DANGLING_START = re.compile(r"^[的了地得着过吗呢吧啊和与及或等之]")
_PUNCT_START = re.compile(r"^[，。、；：！？”’）》】〕…—,.;:!?)]")


def _balanced_all(text: str) -> bool:
    return balanced(text) and text.count("“") == text.count("”")


def test_samples_bar_counts_and_functions(sample_library):
    phr = sample_library.phrasings
    assert len(phr) >= 400
    counts = Counter(p.function for p in phr)
    assert len([f for f in FUNCTIONS if counts[f]]) >= 8, counts
    assert all(p.function in FUNCTIONS for p in phr)
    assert len({p.id for p in phr}) == len(phr)


def test_samples_phrasings_are_clean(sample_library):
    bad = []
    for p in sample_library.phrasings:
        t = p.text
        why = []
        if any(w in t for w in BOILERPLATE_WORDS) or re.search(r"\d+\s*页|KB", t):
            why.append("boilerplate")
        if _PUNCT_START.match(t):
            why.append("starts with punctuation")
        if _DANGLING_START.match(t) and not t.startswith(
            ("与此同时", "着力", "及时", "地方", "和谐")
        ):
            why.append("dangling particle")
        if not _balanced_all(t):
            why.append("unbalanced")
        if p.function not in ("标题", "常用词组"):
            if not re.search(r"[。！？；：][”’）」』]?$", t):
                why.append("not at a sentence boundary")
        elif re.search(r"[，、“‘（《【]$", t):
            why.append("ends inside a clause")
        if re.search(r"[Xx]{2,}|\*|_{2,}|\^v\^", t):
            why.append("raw placeholder")
        if why:
            bad.append((t, why))
    assert bad == []


def test_samples_merged_skeletons_for_main_genres(sample_library):
    merged = {m.form: m for m in sample_library.merged}
    for form in ("工作计划", "工作总结", "讲话稿"):
        assert form in merged, form
        m = merged[form]
        assert len(m.parts) >= 3
        assert len(m.support) == len(m.parts) == len(m.examples)
        # roles the samples have link to examples; the others come from the canonical outline
        for part, n, ex in zip(m.parts, m.support, m.examples, strict=True):
            assert bool(n) == bool(ex), part.role
            assert part.hint.endswith(FROM_OUTLINE) == (n == 0), part.role
        roles = [p.role for p in m.parts]
        canonical = [r for r in CANONICAL[form] if r in roles]
        assert canonical == list(CANONICAL[form]), "every canonical role offered"
        assert [r for r in roles if r in canonical] == canonical, "in canonical order"
        assert not any(is_stale(p.hint) for p in m.parts), "hints cite no superseded 提法"
    plan_roles = [p.role for p in merged["工作计划"].parts]
    assert "主要任务" in plan_roles and "保障措施" in plan_roles
    summary = [p.role for p in merged["工作总结"].parts]
    assert summary.index("主要成绩") < summary.index("存在问题") < summary.index("下一步打算")


def test_samples_known_good_phrasings_found(sample_library):
    texts = {p.text: p for p in sample_library.phrasings}
    opening = "为全面贯彻党的教育方针，落实立德树人根本任务，推动本地区教育事业实现更高质量、更有效率、更加公平、更可持续的发展，结合本地区实际，制定本年度工作计划。"
    assert texts[opening].function == "开头"
    assert texts["下面，就当前几项重点工作讲三点意见："].function == "过渡"
    fam = [p for p in sample_library.phrasings if p.family == "以“【字】”为【…】，【…】之【…】"]
    assert len(fam) == 5
    # spun text from sample 004 is stored repaired with the original kept
    repaired = [p for p in sample_library.phrasings if p.repairs]
    assert repaired and all(p.original for p in repaired)
    assert not any(
        "效劳" in p.text or "根底" in p.text or "第一个是" in p.text
        for p in sample_library.phrasings
    )


def test_samples_rebuild_is_idempotent(sample_library):
    again = extract_library([analyze_file(p) for p in sample_files()])
    assert [p.id for p in again.phrasings] == [p.id for p in sample_library.phrasings]
    assert [s.id for s in again.skeletons] == [s.id for s in sample_library.skeletons]


def test_odd_input_gives_clean_output():
    long_para = "加强教育管理" * 4000  # one run-on paragraph without punctuation
    siblings = [H(f"第{i}项工作安排落实情况", 2, f"（{i}）") for i in range(300)]
    docs = [
        Document(title=None, genre="article", blocks=[]),
        Document(title="", genre="unknown", blocks=[P(""), H("", 1), P("   ")]),
        Document(
            title="长文", genre="plan", blocks=[H("总体要求", 1, "一、"), P(long_para), *siblings]
        ),
        Document(
            title="引号",
            genre="summary",
            blocks=[P("“停课不停学。学习不停止。"), P("开展〝六个一〞活动，取得明显成效。")],
        ),
    ]
    lib = lib_of(*docs)
    texts = {p.text for p in lib.phrasings}
    assert "开展“六个一”活动，取得明显成效。" in texts
    for p in lib.phrasings:
        assert balanced(p.text) and len(p.text) <= 160
    assert all(sk.title for sk in lib.skeletons)


def test_near_duplicates_across_files_merge_keeping_all_sources():
    a = Document(
        title="甲",
        genre="plan",
        blocks=[
            H("主要任务", 1, "一、"),
            P("加强师德师风建设，完善师德考核评价机制，营造风清气正的育人环境。"),
        ],
    )
    b = Document(
        title="乙",
        genre="plan",
        blocks=[
            H("主要任务", 1, "一、"),
            P("加强师德师风建设，健全师德考核评价机制，营造风清气正的育人环境。"),
        ],
    )
    lib = extract_library(
        [FileResult(path="/x/a.txt", documents=[a]), FileResult(path="/x/b.txt", documents=[b])]
    )
    hits = [p for p in lib.phrasings if "师德考核评价机制" in p.text]
    assert len(hits) == 1
    assert {(s.file, s.document) for s in hits[0].sources} == {("a.txt", "甲"), ("b.txt", "乙")}


_BOUNDARY_BEFORE = set("。！？；：，、”’）」』】》〕")
_ENUM_END = re.compile(
    r"(?:第?[一二三四五六七八九十]+个?是|第[一二三四五六七八九十]+[，、]?|[①-⑳]|[（(〔][一二三四五六七八九十\d]+[)）〕]|\d+[.、．]|首先，|其次，)$"
)


def test_samples_phrasings_start_and_end_at_boundaries_of_the_source(sample_library):
    """Every sentence phrasing without slots or repairs occurs in its source paragraph and
    starts right after a boundary (paragraph start, punctuation or an enumerator): nothing is
    cut in the middle of a word."""
    from eduwriter.core.phrases import normalise_text

    blocks: dict[tuple[str, str], list[str]] = {}
    for path in sample_files():
        result = analyze_file(path)
        for i, doc in enumerate(result.documents):
            from eduwriter.core.skeletons import document_title

            key = (path.name, document_title(doc, i, path.name))
            blocks.setdefault(key, []).extend(normalise_text(b.text) for b in doc.blocks)
    checked = 0
    for p in sample_library.phrasings:
        if p.slots or p.repairs or p.function == "常用词组":
            continue
        body = p.text
        found = False
        for src in p.sources:
            for block in blocks.get((src.file, src.document), []):
                start = block.find(body.rstrip("。；"))
                while start != -1 and not found:
                    before = block[:start]
                    if not before or before[-1] in _BOUNDARY_BEFORE or _ENUM_END.search(before):
                        found = True
                    start = block.find(body.rstrip("。；"), start + 1)
        assert found, p.text
        checked += 1
    assert checked >= 300


def test_stale_items_flagged_with_current_wording_and_ranked_lower():
    doc = Document(
        title="区教育局工作总结",
        genre="summary",
        domain="education",
        blocks=[
            H("主要成绩", 1, "一、"),
            P("全面贯彻党的十九大精神，深入推进教育综合改革，办学水平不断提升。"),
        ],
    )
    current = Document(
        title=doc.title,
        genre="summary",
        domain="education",
        blocks=[doc.blocks[0], P(doc.blocks[1].text.replace("十九大", "二十大"))],
    )
    (old,) = lib_of(doc).phrasings
    (new,) = lib_of(current).phrasings
    assert old.flags == ["stale"] and old.suggestions == ["十九大精神→党的二十大精神"]
    assert new.flags == [] and new.score > old.score
    assert old.domain == new.domain == "education"
    # near-duplicates merged: the current wording represents them, all sources kept
    both = Document(doc.title, "summary", [doc.blocks[0], doc.blocks[1], current.blocks[1]])
    (merged,) = lib_of(both).phrasings
    assert "二十大" in merged.text and merged.flags == [] and len(merged.sources) == 1


def test_items_take_their_documents_domain():
    gov = Document(
        title="关于做好纳税服务工作的通知",
        genre="article",
        domain="government",
        blocks=[P("各单位要高度重视，切实加强组织领导，确保各项措施落到实处。")],
    )
    (p,) = [p for p in lib_of(gov).phrasings if p.text.startswith("各单位要高度重视")]
    assert p.domain == "government"


def test_masked_names_and_footnotes_never_reach_the_library():
    doc = Document(
        title="学习材料",
        genre="article",
        blocks=[
            P("书记总书记考察XX时强调，要办好人民满意的教育。"),
            P("以新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"),
            P("加强教师队伍建设，全面提升教育质量［1］。"),
            P("全面加强教师队伍建设，着力提升教育教学质量。"),
        ],
    )
    texts = [p.text for p in lib_of(doc).phrasings]
    assert "全面加强教师队伍建设，着力提升教育教学质量。" in texts
    assert not any("书记总书记" in t or "［1］" in t or t.startswith("以新时代") for t in texts)


def test_a_paragraph_opened_by_next_steps_is_the_plan_throughout():
    doc = Document(
        title="区教育局“双减”工作情况报告",
        genre="summary",
        blocks=[
            H("主要做法", 1, "一、"),
            P("全面部署推进，印发实施方案，明确工作责任。"),
            P(
                "下一步，我们将落实立德树人根本任务，深化基础教育综合治理。"
                "第一，全面加强党的领导，把住减负“根本点”。"
                "第二，全面规范教学行为，盯住减负“政策点”。"
            ),
        ],
    )
    got = by_text(lib_of(doc))
    assert got["全面加强党的领导，把住减负“根本点”。"].function == "打算"
    assert got["全面规范教学行为，盯住减负“政策点”。"].function == "打算"
    assert got["全面部署推进，印发实施方案，明确工作责任。"].function != "打算"


def test_samples_name_slots_replace_names_never_verbs(sample_library):
    # issue 11: 学习区委… and 认真学习中央… had 学习 replaced by 【地区】
    from difflib import SequenceMatcher

    from eduwriter.core import words

    replaced = []
    for p in sample_library.phrasings:
        if not p.original or not any(k in p.slots for k in ("地区", "学校", "姓名")):
            continue
        sm = SequenceMatcher(None, p.original, p.text, autojunk=False)
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op == "replace" and p.text[b0:b1] in ("【地区】", "【学校】", "【姓名】"):
                replaced.append(p.original[a0:a1])
    assert replaced, "the samples name places, schools or people"
    # what became a slot is a placeholder or a proper name, never a verb or a common word
    common = {"v", "vn", "vd", "a", "ad", "d", "l", "i", "n"}
    wrong = [
        r
        for r in replaced
        if not any(c in r for c in "Xx×_*")
        and len(ws := words.tagged(r)) == 1
        and ws[0].tag in common
    ]
    assert wrong == []


def test_the_opening_paragraph_gives_an_opening_after_a_salutation_and_whatever_it_asks():
    speech = Document(
        title="在全县教育工作会议上的讲话",
        genre="speech",
        blocks=[
            P("同志们："),
            P(
                "2023年，在县委、县政府的正确领导下，全县教育系统紧紧围绕立德树人根本任务，各项工作取得新进展。"
            ),
            H("一、主要成绩", 1, "一、"),
            P("全县新建改扩建学校12所，办学条件明显改善。"),
        ],
    )
    notice = Document(
        title="关于报送年度工作总结的通知",
        genre="notice",
        blocks=[
            P("各县（市、区）教育局，局属各学校："),
            P("为总结2023年工作，根据市政府通知要求，请各单位结合实际尽快形成并上报有关材料。"),
            H("一、报送内容", 1, "一、"),
            P("各单位要认真总结全年工作完成情况、主要做法和突出亮点。"),
        ],
    )
    got = by_text(lib_of(speech, notice))
    assert (
        got[
            "【年份】年，在县委、县政府的正确领导下，全县教育系统紧紧围绕立德树人根本任务，各项工作取得新进展。"
        ].function
        == "开头"
    )
    assert (
        got[
            "为总结【年份】年工作，根据市政府通知要求，请各单位结合实际尽快形成并上报有关材料。"
        ].function
        == "开头"
    )
    assert got["各县（市、区）教育局，局属各学校："].function == "主持词/称呼"


def test_samples_give_openings_for_summaries(sample_library):
    openings = [p for p in sample_library.phrasings if p.function == "开头"]
    assert len({p.genre for p in openings}) >= 4, openings
    assert len([p for p in openings if p.genre == "summary"]) >= 3


def test_near_duplicates_with_two_words_swapped_merge_by_edit_similarity_keeping_sources():
    def plan(title: str, text: str) -> Document:
        return Document(title=title, genre="plan", blocks=[H("主要任务", 1, "一、"), P(text)])

    a = plan("甲", "加强师德师风建设，完善师德考核评价机制，营造风清气正的育人环境。")
    b = plan("乙", "加强师德师风建设，健全师德考核评价制度，营造风清气正的育人环境。")
    c = plan("丙", "加强校园安全管理，完善安全隐患排查机制，营造平安和谐的育人环境。")
    lib = extract_library([FileResult(path=f"/x/{d.title}.txt", documents=[d]) for d in (a, b, c)])
    hits = [p for p in lib.phrasings if "师德考核评价" in p.text]
    assert len(hits) == 1
    assert {s.document for s in hits[0].sources} == {"甲", "乙"}
    # a different sentence of the same form stays apart
    assert any("安全隐患排查" in p.text for p in lib.phrasings)


def test_a_text_without_headings_is_body_after_its_first_sentences(tmp_path):
    """A report pasted as one paragraph has no headings: only its first sentences open it; a
    later 按照…/根据… sentence is body, not the document's opening."""
    text = (
        "区教育局2022年工作总结\n"
        "2022年，区教育局坚持以人民为中心的发展思想，全面推进教育高质量发展。"
        "全年各项工作取得新进展。"
        "深化课堂教学改革，带动课堂教学质量整体提升。"
        "深化区管校聘改革，激发教师队伍活力。"
        "按照“建一所、优一所”的思路打造区域品牌学校，优质教育资源的供给能力不断增强。"
        "加强师德师风建设，完善教师考核评价制度，营造风清气正的育人环境。\n"
    )
    path = tmp_path / "summary.txt"
    path.write_text(text, encoding="utf-8")
    lib = extract_library([analyze_file(path)])
    by_text = {p.text: p.function for p in lib.phrasings}
    later = next(t for t in by_text if t.startswith("按照“建一所"))
    assert by_text[later] != "开头"
