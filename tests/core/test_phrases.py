from eduwriter.core.phrases import (
    balanced,
    boilerplate_hits,
    classify_sentence,
    find_word_runs,
    heading_family,
    learn_places,
    near_duplicate_groups,
    normalise_text,
    normalised_key,
    problems,
    reuse_score,
    specifics_to_slots,
    split_sentences,
    stable_id,
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


def test_heading_family_patterns():
    heads = [
        "以“德”为先，铸造品格之魂",
        "以“智”为基，夯实学业之本",
        "以“体”为健，强固生命之基",
    ]
    assert heading_family(heads) == "以“【字】”为【…】，【…】之【…】"
    assert (
        heading_family(["聚焦安全稳定，勇当疫情防控先锋队", "聚焦教育质量，打好危中抢机主动仗"])
        == ""
    )  # two members need more in common
    assert (
        heading_family(
            [
                "聚焦安全稳定，勇当疫情防控先锋队",
                "聚焦教育质量，打好危中抢机主动仗",
                "聚焦队伍建设，打造立德树人领航团",
            ]
        )
        == "聚焦【…】，【…】"
    )
    assert heading_family(["指导思想", "工作目标", "主要任务", "保障措施"]) == ""
    assert (
        heading_family(
            [
                "健全机制，自身建设不断加强",
                "加强学习，素质水平不断提升",
                "强化领导，组织活力不断增强",
            ]
        )
        == "【…】，【…】不断【…】"
    )
    assert (
        heading_family(
            ["加强领导，做好防疫工作", "明确责任，落实安全工作", "细化分工，推进复学工作"]
        )
        == ""
    )
    assert (
        heading_family(["全力做好疫情防控工作", "精心落实开学各项工作", "科学安排网上教学工作"])
        == ""
    )
    assert heading_family(["以“德”为先，铸造品格之魂"]) == ""


def test_slots_for_placeholders_and_specifics():
    text, kinds = specifics_to_slots("20XX年X月X日，XX省XX市XX区XXX所学校XXXX余名学生返校。")
    assert text == "【年份】年【日期】，【地区】【数量】所学校【数量】余名学生返校。"
    assert kinds == ["年份", "日期", "地区", "数量", "数量"]
    text, _ = specifics_to_slots("2022年3月5日起，全区36915人参加，合格率达98.5%。")
    assert text == "【日期】起，全区【数量】人参加，合格率达【数量】%。"
    text, _ = specifics_to_slots("伊通县教育局召开会议，XX小学印发〔20XX〕X号文件。")
    assert text.startswith("【地区】教育局召开会议")
    text, _ = specifics_to_slots("XX小学印发〔20XX〕X号文件。")
    assert text == "【单位】印发【文号】文件。"
    text, _ = specifics_to_slots("2023年，我们坚持“三个一”工作法。")
    assert text == "【年份】年，我们坚持“三个一”工作法。"
    # common words that end in 区/市 are not places
    text, _ = specifics_to_slots("推进城乡一体化，做好社区、辖区的工作。")
    assert "【" not in text


def test_places_learnt_and_people_named_become_slots():
    text = "绍兴市第一中学创办于1897年。绍兴教育走在前列。请学习马卫光书记的讲话。按照市教育局要求，做好区级评估。"
    places = learn_places(text)
    assert places == {"绍兴"}
    out, kinds = specifics_to_slots(
        "绍兴教育走在前列，请学习马卫光书记和盛阅春市长的讲话。", places
    )
    assert out == "【地区】教育走在前列，请学习【姓名】书记和【姓名】市长的讲话。"
    assert kinds == ["地区", "姓名", "姓名"]
    # 同志们 is an address, not a name; 班主任 is not a person's name
    assert specifics_to_slots("同志们，各位班主任要认真履职。")[1] == []


def test_colon_before_enumeration_ends_the_lead_in():
    parts = split_sentences("核心任务确定为以下四个方面：①加大培养力度，建设学科团队。")
    assert parts == ["核心任务确定为以下四个方面：", "①加大培养力度，建设学科团队。"]
    assert split_sentences("定位为：疫情是课程。") == ["定位为：疫情是课程。"]


def test_classify_by_cues_and_roles():
    assert classify_sentence(
        "为全面贯彻党的教育方针，结合本地区实际，制定本年度工作计划。",
        role="开头",
        genre="plan",
        doc_first=True,
        in_preamble=True,
    ) == ("开头", True)
    assert (
        classify_sentence("现将有关工作总结如下：", role="开头", genre="summary", in_preamble=True)[
            0
        ]
        == "过渡"
    )
    assert (
        classify_sentence("下面，我讲三点意见。", role="开头", genre="speech", in_preamble=True)[0]
        == "过渡"
    )
    assert (
        classify_sentence(
            "总之，我们要凝心聚力，为办好人民满意的教育而努力奋斗。",
            role="主要任务",
            genre="speech",
            doc_last=True,
        )[0]
        == "结尾"
    )
    assert (
        classify_sentence("部分学校安全管理仍存在薄弱环节。", role="主要成绩", genre="summary")[0]
        == "问题"
    )
    assert classify_sentence("教师培训经费不足。", role="存在问题", genre="summary")[0] == "问题"
    assert classify_sentence("下一步，我们将继续深化课程改革。", role="主要成绩", genre="summary")[
        0
    ] in ("打算", "措施")
    assert (
        classify_sentence("下一步，我们将继续深化课程改革。", role="其他", genre="summary")[0]
        == "打算"
    )
    assert (
        classify_sentence(
            "全区中考合格率稳步提升，荣获市级先进集体。", role="主要成绩", genre="summary"
        )[0]
        == "成效"
    )
    assert classify_sentence("加强师德师风建设，完善考核机制。", role="主要任务", genre="plan") == (
        "措施",
        False,
    )


def test_reuse_score_prefers_formulaic_official_wording():
    good = reuse_score(
        "坚持以立德树人为根本，全面推进素质教育，不断提升教育质量。", "措施", strong=True
    )
    chatty = reuse_score("其实你也许觉得年底的聚会真的很无聊吧。", "措施")
    numbers = reuse_score(
        "全区【数量】所学校【数量】名学生【数量】名教师【数量】个班级参加了活动。", "成效", slots=4
    )
    assert good > 0.6
    assert chatty < 0.3
    assert numbers < good


def test_near_duplicates_grouped_and_distinct_kept_apart():
    keys = [
        normalised_key("加强师德师风建设，完善师德考核评价机制。"),
        normalised_key("加强师德师风建设，完善师德考核评价机制！"),
        normalised_key("加强师德师风建设，进一步完善师德考核评价机制。"),
        normalised_key("推进智慧校园建设，提升教育信息化水平。"),
    ]
    groups = near_duplicate_groups(keys)
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] != groups[0]


def test_near_duplicate_groups_scale_without_pairwise_blowup():
    keys = [f"第{i}号学校开展专题活动{i * 7919 % 10007}次并推进工作{i}" for i in range(3000)]
    groups = near_duplicate_groups(keys)
    assert len(groups) == 3000


def test_stable_id():
    assert stable_id("ph", "abc") == stable_id("ph", "abc")
    assert stable_id("ph", "abc") != stable_id("ph", "abd")
    assert stable_id("ph", "abc").startswith("ph-")


def test_single_underscore_placeholders_become_slots():
    assert specifics_to_slots("组织骨干教师赴_支教。")[0] == "组织骨干教师赴【待填】支教。"
    assert specifics_to_slots("深入基层了解民情_。")[0] == "深入基层了解民情【待填】。"
    assert specifics_to_slots("字段 col_name 不变。")[0] == "字段 col_name 不变。"


def test_two_digit_years_in_a_date_context():
    assert specifics_to_slots("09年全县新建校舍【数量】所。")[0].startswith("【年份】年全县")
    assert specifics_to_slots("自15年以来，成效明显。")[0] == "自【年份】年以来，成效明显。"
    assert specifics_to_slots("12年3月起实施。")[0].startswith("【年份】年")
    # a count of years stays a count
    assert specifics_to_slots("用了10年时间。")[0] == "用了【数量】年时间。"


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


def test_definitions_are_not_problems():
    definition = (
        "代课数：替人代上的课为代课，代课者不足常规课时15节的先抵足课时，超过部分按实际数计算；"
    )
    assert classify_sentence(definition, role="其他", genre="summary")[0] != "问题"
    real = "部分学校师资力量仍然薄弱，教师结构性缺编问题依然存在。"
    assert classify_sentence(real, role="其他", genre="summary") == ("问题", True)
