from eduwriter.core.items import ROLES
from eduwriter.core.model import Block, Document
from eduwriter.core.skeletons import (
    FROM_OUTLINE,
    document_skeleton,
    heading_role,
    merge_skeletons,
    sections,
)


def H(text: str, level: int = 1, marker: str = "") -> Block:
    return Block("heading", text, level, marker)


def P(text: str) -> Block:
    return Block("paragraph", text)


def plan_doc(title: str = "XX中学20XX年工作计划", extra_goal: bool = True) -> Document:
    blocks = [
        P("为全面贯彻党的教育方针,落实立德树人根本任务,结合我校实际,制定本计划。"),
        H("指导思想", 1, "一、"),
        P("以新时代中国特色社会主义思想为指导,全面贯彻党的教育方针,坚持社会主义办学方向。"),
    ]
    if extra_goal:
        blocks += [H("工作目标", 1, "二、"), P("20XX年学校教学质量稳步提升,XXX名学生参加竞赛。")]
    blocks += [
        H("主要任务", 1, "三、"),
        H("加强德育工作", 2, "（一）"),
        P("深化理想信念教育,构建一体化德育体系。"),
        H("提升教学质量", 2, "（二）"),
        P("深化课堂教学改革。"),
        H("保障措施", 1, "四、"),
        P("加强组织领导,落实工作责任。"),
    ]
    return Document(title=title, genre="plan", blocks=blocks)


def test_sections_carry_heading_paths():
    secs = sections(plan_doc())
    assert secs[0].heading is None and secs[0].path == ()
    paths = [s.path for s in secs if s.heading]
    assert ("主要任务", "加强德育工作") in paths
    assert ("保障措施",) in paths


def test_heading_roles():
    assert heading_role("指导思想", "plan") == "指导思想"
    assert heading_role("总体目标", "plan") == "工作目标"
    assert heading_role("重点工作", "plan") == "主要任务"
    assert heading_role("保障措施", "plan") == "保障措施"
    assert heading_role("组织领导", "plan") == "保障措施"
    assert heading_role("存在的问题和不足", "summary") == "存在问题"
    assert heading_role("下一步工作打算", "summary") == "下一步打算"
    assert heading_role("主要成绩", "summary") == "主要成绩"
    # unnamed top-level sections take the genre's usual role; sub-sections inherit
    assert heading_role("聚焦安全稳定，勇当疫情防控先锋队", "summary") == "主要成绩"
    assert heading_role("全力做好疫情防控工作", "speech") == "主要任务"
    assert heading_role("加强德育工作", "plan", parent_role="主要任务") == "主要任务"
    assert heading_role("具体措施", "plan", parent_role="保障措施") == "保障措施"
    for role in (
        "指导思想",
        "工作目标",
        "主要任务",
        "保障措施",
        "主要成绩",
        "存在问题",
        "下一步打算",
    ):
        assert role in ROLES


def test_document_skeleton_levels_roles_hints():
    sk = document_skeleton(plan_doc(), "a.txt", 0)
    assert sk is not None and not sk.merged and sk.genre == "plan"
    assert [(p.level, p.heading, p.role) for p in sk.parts] == [
        (1, "开头", "开头"),
        (1, "指导思想", "指导思想"),
        (1, "工作目标", "工作目标"),
        (1, "主要任务", "主要任务"),
        (2, "加强德育工作", "主要任务"),
        (2, "提升教学质量", "主要任务"),
        (1, "保障措施", "保障措施"),
    ]
    hints = {p.heading: p.hint for p in sk.parts}
    assert hints["开头"].startswith("为全面贯彻党的教育方针")
    # specifics in hints become slots, punctuation is full-width
    assert hints["工作目标"].startswith("【年份】年学校教学质量稳步提升，【数量】名学生")
    assert hints["主要任务"] == "分述：加强德育工作、提升教学质量"
    assert all(len(p.hint) <= 45 for p in sk.parts)
    src = sk.parts[4].source
    assert src is not None and src.file == "a.txt" and src.section == ("主要任务", "加强德育工作")


def test_skeleton_ids_are_stable_and_content_based():
    a = document_skeleton(plan_doc(), "a.txt", 0)
    b = document_skeleton(plan_doc(), "a.txt", 0)
    c = document_skeleton(plan_doc(extra_goal=False), "a.txt", 0)
    assert a is not None and b is not None and c is not None
    assert a.id == b.id
    assert a.id != c.id


def test_document_without_headings_has_no_skeleton():
    doc = Document(title="短文", genre="article", blocks=[P("今天天气很好。")])
    assert document_skeleton(doc, "a.txt", 0) is None


def test_merged_skeleton_counts_support_and_links_examples():
    docs = [plan_doc(f"计划{i}", extra_goal=i != 2) for i in range(3)]
    sks = [document_skeleton(d, f"f{i}.txt", 0) for i, d in enumerate(docs)]
    merged = merge_skeletons([s for s in sks if s is not None])
    # one from the samples, and 实施方案 / 典型材料 from their canonical outlines
    assert [(x.form, bool(x.sources)) for x in merged] == [
        ("工作计划", True),
        ("实施方案", False),
        ("典型材料", False),
    ]
    m = merged[0]
    assert m.merged and m.genre == "plan"
    roles = [p.role for p in m.parts]
    # the canonical outline of 工作计划; 结尾, which no sample has, is offered and marked
    assert roles == ["开头", "指导思想", "工作目标", "主要任务", "保障措施", "结尾"]
    support = dict(zip(roles, m.support, strict=True))
    assert support["工作目标"] == 2 and support["主要任务"] == 3 and support["结尾"] == 0
    assert m.parts[-1].hint.endswith(FROM_OUTLINE) and not m.parts[0].hint.endswith(FROM_OUTLINE)
    # the hint cites the best source section (not the masked 指导思想 sentence)
    assert "例：深化理想信念教育" in m.parts[3].hint or "分述" not in m.parts[3].hint
    assert len(m.examples) == len(m.parts)
    assert {r.file for r in m.examples[roles.index("主要任务")]} == {"f0.txt", "f1.txt", "f2.txt"}
    assert len(m.sources) == 3
    # a rebuild gives the same id
    assert merge_skeletons([s for s in sks if s is not None])[0].id == m.id


def test_summary_with_plans_part_marks_later_sections_as_next_steps():
    doc = Document(
        title="区教育局上半年工作总结暨下半年计划",
        genre="summary",
        blocks=[
            H("聚焦安全稳定，勇当疫情防控先锋队", 1, "一、"),
            P("平稳有序做好开学复课。"),
            H("聚焦教育质量，打好危中抢机主动仗", 1, "二、"),
            P("打造云上教学新方式。针对上述情况，下半年重点从以下几个方面抓好工作落实："),
            H("明方向，优布局，在扩教育资源上下苦功夫", 1, "一、"),
            P("制订教育十四五规划。"),
        ],
    )
    sk = document_skeleton(doc, "a.txt", 0)
    assert sk is not None
    assert [p.role for p in sk.parts] == ["主要成绩", "主要成绩", "下一步打算"]


def test_clean_headings_no_glued_list_number_or_run_on_body():
    from eduwriter.core.skeletons import clean_heading

    assert clean_heading("12021年主要工作开展情况") == "2021年主要工作开展情况"
    assert clean_heading("2021年主要工作开展情况") == "2021年主要工作开展情况"
    assert clean_heading("加强德育工作。深化理想信念教育，构建德育体系") == "加强德育工作"
    assert clean_heading("主要任务：") == "主要任务"


def test_per_document_skeleton_keeps_the_real_order():
    doc = plan_doc()
    doc.blocks = doc.blocks[:1] + doc.blocks[-2:] + doc.blocks[1:-2]  # 保障措施 first
    sk = document_skeleton(doc, "a.txt", 0)
    assert sk is not None
    assert [p.heading for p in sk.parts if p.level == 1][:3] == ["开头", "保障措施", "指导思想"]


def test_forms_the_samples_lack_come_from_the_canonical_outline_marked_as_such():
    docs = [plan_doc(f"计划{i}") for i in range(2)]
    sks = [document_skeleton(d, f"f{i}.txt", 0) for i, d in enumerate(docs)]
    by_form = {m.form: m for m in merge_skeletons([s for s in sks if s is not None])}
    scheme, exemplary = by_form["实施方案"], by_form["典型材料"]
    assert scheme.genre == "scheme" and exemplary.genre == "exemplary"
    assert [p.role for p in scheme.parts] == [
        "开头",
        "指导思想",
        "工作目标",
        "主要任务",
        "实施步骤",
        "保障措施",
    ]
    assert [p.role for p in exemplary.parts] == ["开头", "基本情况", "主要成绩", "经验体会", "结尾"]
    for m in (scheme, exemplary):
        assert m.merged and not m.sources and not any(m.support)
        assert all(p.hint.endswith(FROM_OUTLINE) for p in m.parts)
        assert "按通用结构" in m.title
    # an empty library offers nothing
    assert merge_skeletons([]) == []


def test_the_importers_genre_codes_are_forms():
    from eduwriter.core.genre_outlines import form_of

    assert form_of("", "scheme") == "实施方案"
    assert form_of("", "exemplary") == "典型材料"
    assert form_of("", "notice") == "通知"
    assert form_of("关于开展读书活动的实施方案", "plan") == "实施方案"
    assert form_of("", "report") == "报告"
    assert form_of("", "unknown") == "其他文章"


def test_a_summarys_work_sections_are_its_achievements():
    from eduwriter.core.skeletons import heading_role

    assert heading_role("2021年主要工作开展情况", "summary") == "主要成绩"
    assert heading_role("重点工作常态化推进", "summary") == "主要成绩"
    assert heading_role("下半年重点工作安排", "summary") == "下一步打算"
    assert heading_role("主要任务", "plan") == "主要任务"
