from eduwriter.core.functions import classify_sentence
from eduwriter.core.model import Block, Document
from eduwriter.core.section_functions import (
    ROLE_FUNCTION,
    parse_section_functions,
    role_function,
)
from eduwriter.core.skeletons import heading_role, section_roles, sections


def test_the_table_gives_the_role_function_and_a_genre_row_wins():
    table = parse_section_functions(
        "# comment\n*\t工作目标\t打算\n*\t主要成绩\t成效\nnotice\t主要成绩\t措施\n"
        "*\t坏行\n*\t存在问题\t不是功能\n"
    )
    assert table[("*", "工作目标")] == "打算"
    assert table[("notice", "主要成绩")] == "措施"
    assert ("*", "存在问题") not in table  # an unknown function is skipped
    assert ("*", "坏行") not in table


def test_shipped_table():
    assert role_function("工作目标", "plan") == "打算"
    assert role_function("工作要求", "notice") == "工作要求"
    assert role_function("存在问题") == "问题"
    assert role_function("其他", "article") is None
    assert ROLE_FUNCTION["下一步打算"] == "打算"


def test_a_sentence_without_cues_takes_its_section_role():
    plain = "各校按照统一部署开展家访活动，每位教师联系不少于十户家庭。"
    assert classify_sentence(plain, role="工作目标", genre="notice")[0] == "打算"
    assert classify_sentence(plain, role="工作要求", genre="notice")[0] == "工作要求"
    assert classify_sentence(plain, role="主要任务", genre="plan")[0] == "措施"
    # a strong cue of the sentence itself still comes first
    problem = "部分学校家访工作仍然不到位，覆盖面不够。"
    assert classify_sentence(problem, role="工作要求", genre="notice")[0] == "问题"


def test_a_work_report_looks_back_like_a_summary():
    done = "全年新建改扩建校舍【数量】所，顺利通过省级评估验收。"
    assert classify_sentence(done, role="其他", genre="report")[0] == "成效"
    assert (
        classify_sentence("下一步，我们将继续推进集团化办学。", role="其他", genre="report")[0]
        == "打算"
    )


def test_task_like_headings_of_a_report_are_work_done():
    assert heading_role("坚持不断提高民生保障", "report") == "主要成绩"
    assert heading_role("强化组织保障", "summary") == "主要成绩"
    assert heading_role("强化组织保障", "plan") == "保障措施"
    assert heading_role("明年工作安排", "report") == "下一步打算"


def _doc(genre: str, blocks: list[Block]) -> Document:
    return Document("标题", genre, blocks)


def _roles(doc: Document) -> dict[str | None, str]:
    secs = sections(doc)
    return dict(zip((s.heading for s in secs), section_roles(secs, doc.genre), strict=True))


def test_a_sub_heading_names_its_role_under_a_part_with_only_the_default_role():
    doc = _doc(
        "plan",
        [
            Block("heading", "发展环境与形势", 1, "一、"),
            Block("heading", "发展基础", 2, "（一）"),
            Block("paragraph", "全区学前三年毛入园率达到【百分比】。"),
            Block("heading", "主要任务", 1, "二、"),
            Block("heading", "主要措施", 2, "（一）"),
            Block("paragraph", "推进集团化办学。"),
        ],
    )
    roles = _roles(doc)
    assert roles["发展环境与形势"] == "主要成绩"  # the heading names it (发展环境)
    assert roles["主要措施"] == "主要任务"
    doc2 = _doc(
        "plan",
        [
            Block("heading", "办好人民满意的教育", 1, "一、"),
            Block("heading", "发展基础", 2, "（一）"),
            Block("paragraph", "全区学前三年毛入园率达到【百分比】。"),
        ],
    )
    roles2 = _roles(doc2)
    assert roles2["办好人民满意的教育"] == "主要任务"  # the plan's default
    assert roles2["发展基础"] == "主要成绩"  # its own words, not the default it sits under


def test_a_summary_followed_by_a_plan_is_read_as_looking_back():
    from eduwriter.core.functions import classify_sentence
    from eduwriter.core.section_functions import sentence_genre

    assert sentence_genre("plan", "区教育局2022年工作总结与2023年工作计划") == "summary"
    assert sentence_genre("plan", "x县“双减”工作落实情况报告及下步工作打算") == "summary"
    assert sentence_genre("plan", "2024年学校工作计划") == "plan"
    assert sentence_genre("plan", "2024年工作要点及2023年工作总结") == "plan"
    assert sentence_genre("speech", "在全县教育工作总结大会上的讲话") == "speech"
    text = "下一步，我县将落实立德树人根本任务，深化基础教育综合治理。"
    assert classify_sentence(text, role="开头", genre="plan")[0] == "措施"
    read_as = sentence_genre("plan", "x县“双减”工作落实情况报告及下步工作打算")
    assert classify_sentence(text, role="开头", genre=read_as)[0] == "打算"
