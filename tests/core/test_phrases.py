from eduwriter.core.phrases import (
    balanced,
    boilerplate_hits,
    find_word_runs,
    normalise_text,
    problems,
    split_sentences,
    starts_mid_sentence,
    strip_enumerator,
)


def test_normalise_half_width_punctuation_and_quotes():
    assert normalise_text("坚持立德树人,推进改革;提高质量:") == "坚持立德树人，推进改革；提高质量："
    assert normalise_text("实施意见 (试行)") == "实施意见（试行）"
    assert normalise_text("开展〞六个一〞活动") == "开展“六个一”活动"
    assert normalise_text('落实"双减"政策') == "落实“双减”政策"
    assert normalise_text("上午8:30开会") == "上午8:30开会"


def test_split_sentences_never_inside_quotes():
    para = "我们提出“停课不停学。学习不停止。”的要求。加强管理；完善制度。"
    assert split_sentences(para) == [
        "我们提出“停课不停学。学习不停止。”的要求。",
        "加强管理；",
        "完善制度。",
    ]


def test_split_sentences_keeps_closing_quote_with_sentence():
    assert split_sentences("他说：“要落实到位。”随后散会。") == ["他说：“要落实到位。”随后散会。"]
    assert split_sentences("口号是“奋斗！”大家齐声说。") == ["口号是“奋斗！”大家齐声说。"]


def test_split_sentences_with_stray_quote_spoils_one_sentence_only():
    parts = split_sentences("魂”读书活动坚持举办。各地精心组织。成效明显。")
    assert parts == ["魂”读书活动坚持举办。", "各地精心组织。", "成效明显。"]
    assert problems(parts[0])
    assert not problems(parts[1])


def test_strip_enumerator():
    assert strip_enumerator("一是校园管理。") == ("一是", "校园管理。")
    assert strip_enumerator("第二，防控管理要到位。") == ("第二，", "防控管理要到位。")
    assert strip_enumerator("（3）加强督查。") == ("（3）", "加强督查。")
    assert strip_enumerator("1.强化德育实效。") == ("1.", "强化德育实效。")
    assert strip_enumerator("首先，统一思想。") == ("首先，", "统一思想。")
    assert strip_enumerator("2022年工作")[0] == ""


def test_problems_catch_dirty_candidates():
    clean = "为全面贯彻党的教育方针，结合本地区实际，制定本年度工作计划。"
    assert problems(clean) == []
    assert problems("的发展，取得了成效。")  # dangling particle
    assert problems("，取得了成效。")  # leading punctuation
    assert problems("开展“双减工作。")  # unbalanced quote
    assert problems("学习《纲要》（试行。")  # unbalanced bracket
    assert problems("推进课程改革")  # no sentence end
    assert problems("下面是小编给大家带来的工作计划。")
    assert problems("格式：DOC，共6页。")
    assert problems("金123万元用于改善办学条件。")  # tail of a cut word
    assert problems("以^v^新时代思想为指导。")
    assert problems("推进课程改革", need_terminator=False) == []
    assert problems("推进课程改革、", need_terminator=False)


def test_balanced_and_boilerplate():
    assert balanced("以“德”为先（试行）《纲要》【年份】")
    assert not balanced("以“德”为先）")
    assert not balanced("“（”）")
    assert boilerplate_hits("本站不保证文档完整，下载后可查看") == ["下载", "本站", "文档"]
    assert boilerplate_hits("共37页") == ["页数"]
    assert boilerplate_hits("加强页面设计") == []


def test_starts_mid_sentence():
    assert starts_mid_sentence("活动，引领青少年从小事做起。")
    assert starts_mid_sentence("服务供给，加强校外培训机构规范管理。")
    assert not starts_mid_sentence("目前，我们正在开展疫情防控工作。")
    assert not starts_mid_sentence("一年来，全区教育工作取得新进展。")
    assert not starts_mid_sentence("展望未来，我们信心满怀。")
    assert not starts_mid_sentence("在上级的关心下，工作有序推进。")


def test_word_runs():
    assert find_word_runs("广大教师听从指挥、齐心协力、尽职尽责，取得了很好的效果。") == []
    assert find_word_runs("听从指挥、齐心协力、尽职尽责，取得了很好的效果。") == [
        "听从指挥、齐心协力、尽职尽责"
    ]
    assert find_word_runs("坚持高标准、高质量、全方位推进。") == []
    assert find_word_runs("做到高标准、高质量、全方位。") == []
    assert find_word_runs("凝心聚力、蹄疾步稳，推动发展。") == ["凝心聚力、蹄疾步稳"]
    assert find_word_runs("城乡、校际差距缩小。") == []
    assert find_word_runs("凝心聚力，鼓劲加油，全面推进教育改革。") == ["凝心聚力，鼓劲加油"]
    assert find_word_runs("目前，总而言之，工作顺利。") == []


def test_colon_before_enumeration_ends_the_lead_in():
    parts = split_sentences("核心任务确定为以下四个方面：①加大培养力度，建设学科团队。")
    assert parts == ["核心任务确定为以下四个方面：", "①加大培养力度，建设学科团队。"]
    assert split_sentences("定位为：疫情是课程。") == ["定位为：疫情是课程。"]


def test_fragments_are_rejected():
    assert "a title that is only a slot" in problems(
        "继续做好城乡中小学教师校际交流工作，结合《【待填】》。"
    )
    assert "cut in the middle of an enumeration" in problems(
        "学校在加强师资队伍建设同时，一是进一步加强了硬件基础。"
    )
    assert problems("主要做法有：一是加强了领导，二是完善了制度。") == []
    assert problems("制定《【地区】学前教育发展规划》。") == []
    # a continuation (…，并进一步…) cut off from its sentence
    assert any("并" in why for why in problems("并进一步系统构建并实施“生”字课程。"))


def test_masked_garbled_footnoted_truncated_and_slot_only_are_rejected():
    assert "footnote label" in problems("加强教师队伍建设［1］。")
    assert "footnote label" in problems("深化课程改革[2]，提升质量。")
    assert "masked or garbled name" in problems("书记总书记考察【待填】时强调要办好教育。")
    assert "masked or garbled name" in problems("以新时代中国特色社会主义思想为指导，办好教育。")
    assert "masked or garbled name" in problems("【待填】高度关注学生身心健康发展。")
    assert "truncated sentence" in problems("全面提升学校的。")
    assert "only slots" in problems("【地区】【学校】", need_terminator=False)
    ok = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"
    assert problems(ok) == []


def test_a_bullet_dash_is_an_enumerator():
    assert strip_enumerator("- 加强备课管理，要求教师深入研究教材。") == (
        "- ",
        "加强备课管理，要求教师深入研究教材。",
    )
    assert strip_enumerator("-1.5%的降幅")[0] == ""


def test_a_sentence_leaning_on_the_one_before_is_not_a_phrasing():
    from eduwriter.core.phrases import problems

    for text in (
        "他们强调，学校的教育教学工作要围绕学生的发展，围绕教学质量的提高。",
        "就是要通过大力招商引资，加大项目建设力度，使乡财政状况有较大的改善。",
        "其标志为：注重每一个学生的健康成长，学生基础文明素养得到明显提高。",
    ):
        assert "needs the sentence before it" in problems(text), text
    for text in (
        "其中，城区学校【数量】所，农村学校【数量】所。",
        "而且要把安全教育贯穿于教育教学的全过程。",
        "他山之石，可以攻玉。",
    ):
        assert "needs the sentence before it" not in problems(text), text


def test_a_purpose_clause_without_its_main_clause_is_not_a_phrasing():
    from eduwriter.core.phrases import problems, purpose_only

    assert purpose_only("为了解和全面掌握我校的教学质量现状，提高学校教育教学质量。")
    assert purpose_only(
        "【年份】年春季开学在即，为维护全镇教育系统的安全稳定，确保全镇各学校开学顺利、有序，"
        "师生平安入学。"
    )
    assert "a purpose clause without a main clause" in problems(
        "为了解和全面掌握我校的教学质量现状，提高学校教育教学质量。"
    )
    for whole in (
        "为加强对防汛工作的领导，镇政府调整了防汛抗旱指挥部。",
        "为进一步做好安全宣传教育工作，学校始终把安全摆在突出位置作为大事来抓。",
        "为全面贯彻落实防汛工作指导方针，现就做好安全防汛有关工作通知如下：",
        "为每一位新教师配备一名经验丰富的骨干教师作为指导教师。",
        "每年定期举办校园文化艺术节，为学生搭建展示才华的舞台。",
        "为保障师生度过一个平安的寒假，【地区】教育厅发布寒假安全提示。",
        "为争创省一级达标学校而努力。",
    ):
        assert not purpose_only(whole), whole


def test_a_date_or_count_in_chinese_numerals_is_not_a_set_phrase():
    from eduwriter.core.phrases import find_word_runs

    assert find_word_runs("正月十二、十三报名，正月十四正式上课。") == []
    assert find_word_runs("三月五日、三月六日") == []
    assert find_word_runs("落实一岗双责、坚持齐抓共管。") == []  # not all four-character items
    assert find_word_runs("一岗双责、齐抓共管") == ["一岗双责、齐抓共管"]
