from eduwriter.core.functions import classify_sentence


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


def test_definitions_are_not_problems():
    definition = (
        "代课数：替人代上的课为代课，代课者不足常规课时15节的先抵足课时，超过部分按实际数计算；"
    )
    assert classify_sentence(definition, role="其他", genre="summary")[0] != "问题"
    real = "部分学校师资力量仍然薄弱，教师结构性缺编问题依然存在。"
    assert classify_sentence(real, role="其他", genre="summary") == ("问题", True)


def _fn(text: str, role: str = "主要任务", genre: str = "plan", **kw) -> str:
    return classify_sentence(text, role=role, genre=genre, **kw)[0]


def test_the_eight_new_functions_from_cues_role_and_figures():
    assert _fn("尊敬的各位领导、各位来宾：") == "主持词/称呼"
    assert _fn("下面，请区委书记讲话。") == "主持词/称呼"
    assert _fn("希望全体教师以更加饱满的热情投入工作。") == "表态/号召"
    assert _fn("我们一定不辜负组织的信任，坚决完成各项任务。") == "表态/号召"
    assert _fn("办好人民满意的教育，是推动高质量发展的重要保障。") == "意义/认识"
    assert _fn("根据《义务教育法》和上级有关文件精神，规范办学行为。") == "政策依据"
    assert _fn("全区在校生【数量】人，较上年增长【百分比】。", role="主要成绩") == "数据表述"
    assert _fn("实践证明，只有坚持立德树人，才能办好教育。", genre="summary") == "经验体会"
    assert _fn("我校现有教学班【数量】个，教职工【数量】人。", role="开头") == "基本情况"
    assert _fn("各单位务必于月底前报送材料，逾期不予受理。") == "工作要求"
    # a section's role is evidence too
    assert _fn("坚持问题导向，狠抓工作落实。", role="经验体会", genre="summary") == "经验体会"


def test_frame_functions_kept_when_cues_are_weak():
    # a statistics word without a figure states no data; one figure is not enough either
    assert (
        _fn("全区中考合格率稳步提升，【数量】名学生获市级表彰。", role="主要成绩", genre="summary")
        == "成效"
    )
    # the document's own opening formula stays 开头 even though it cites a document
    assert _fn("根据《教育法》，结合我区实际，制定本计划。", role="开头", doc_first=True) == "开头"
    assert _fn("现将有关工作安排如下：") == "过渡"


def test_work_looked_back_on_is_a_result_in_any_section():
    # a plan's review of the previous period, a speech's look back: 成效, not 措施
    assert (
        _fn(
            "“十五”期间，全省认真实施人才强省战略，完成了“十五”计划确定的目标任务。",
            role="主要任务",
        )
        == "成效"
    )
    assert _fn("教育改革取得突破性进展，质量稳步提高，做出了积极贡献。", role="主要任务") == "成效"
    # a task that names a result to reach stays a measure
    assert _fn("要确保完成全年目标任务，取得实效。", role="主要任务") == "措施"


def test_the_rest_of_the_opening_paragraph_is_the_opening():
    assert classify_sentence(
        "这次会议的主要任务是：总结成绩，分析形势，部署工作。",
        role="开头",
        genre="speech",
        in_preamble=True,
        in_opening=True,
    ) == ("开头", False)
    # a shortcoming named in the opening stays a problem
    assert (
        _fn("但部分学校师资力量仍然薄弱。", role="开头", genre="summary", in_opening=True) == "问题"
    )
    # an essay's first paragraph is not an official opening
    assert _fn("教育是国之大计。", role="开头", genre="article", in_opening=True) != "开头"


def test_a_lead_in_to_a_list_is_a_transition_and_results_with_already_are_results():
    assert _fn("马上就要放假了，学校希望同学们在假期做到：", role="", genre="speech") == "过渡"
    assert _fn("存在以下问题：", role="", genre="summary") != "过渡"
    assert (
        _fn(
            "全面推行党组织领导下的校长负责制，【年份】年已实现全覆盖。",
            role="主要成绩",
            genre="summary",
        )
        == "成效"
    )
    assert (
        _fn("以党的教育方针为指引，坚持立德树人根本任务。", role="指导思想", genre="plan") == "开头"
    )
    assert (
        _fn("作为新时代的学子，我们更应该努力学习，全面发展。", role="", genre="speech")
        == "表态/号召"
    )
    assert classify_sentence(
        "为认真贯彻落实《国务院关于基础教育改革与发展的决定》，现结合实际，提出以下实施意见。",
        role="开头",
        genre="notice",
        doc_first=True,
        in_preamble=True,
    ) == ("开头", True)


def test_a_speaker_stressing_points_is_a_transition():
    assert classify_sentence(
        "下面，结合学校实际情况，我再强调几点意见。", role="开头", genre="speech", in_preamble=True
    ) == ("过渡", True)


def test_problems_as_the_object_of_an_analysis_are_a_task_not_a_problem():
    fn, _ = classify_sentence(
        "专题分析研判学校安全工作形势和存在的问题，制订切合学校实际的安全工作计划。",
        role="其他",
        genre="notice",
    )
    assert fn != "问题"
    # a real shortcoming still is one
    assert classify_sentence(
        "部分学校安全管理制度仍不健全，隐患排查不到位。", role="其他", genre="notice"
    ) == ("问题", True)


def test_a_directive_to_the_addressees_is_a_requirement():
    assert (
        classify_sentence(
            "安全工作人命关天，各学校要提高思想认识，充分认识做好学校安全工作的重要性。",
            role="其他",
            genre="notice",
        )[0]
        == "工作要求"
    )
    assert (
        classify_sentence(
            "每位教师都应该清楚自己所处位置，强化质量意识，提高自身素质。",
            role="开头",
            genre="article",
        )[0]
        == "工作要求"
    )
    # a request (要求各…) or a measure without an addressee is not
    assert (
        classify_sentence(
            "加强师德师风建设，完善教师考核评价制度。", role="主要任务", genre="plan"
        )[0]
        == "措施"
    )


def test_the_document_naming_its_aim_and_a_year_looked_back_on_open_it():
    assert (
        classify_sentence(
            "本计划旨在明确工作方向，落实管理职责，提升办学质量。",
            role="开头",
            genre="plan",
            in_preamble=True,
        )[0]
        == "开头"
    )
    assert (
        classify_sentence(
            "一年来，我校在狠抓教育教学工作的同时，重点实施学校文化建设工作。",
            role="开头",
            genre="summary",
            in_preamble=True,
        )[0]
        == "开头"
    )


def test_a_success_or_a_completed_count_is_a_result():
    assert (
        classify_sentence(
            "落实农技推广补助项目，完成高素质农民培训2000人次，农业机械化率有力提升。",
            role="主要成绩",
            genre="report",
        )[0]
        == "成效"
    )
    assert (
        classify_sentence(
            "强化课堂教学改革，成功立项【地区】基础教育教学改革重大实验项目。",
            role="开头",
            genre="summary",
        )[0]
        == "成效"
    )
    # a task to complete is not, nor is a year a count
    assert (
        classify_sentence("完成xxx年元旦春节期间正风肃纪工作。", role="主要任务", genre="plan")[0]
        == "措施"
    )
    assert (
        classify_sentence(
            "按时完成各项教育教学任务，确保教学质量稳步提升。", role="主要任务", genre="plan"
        )[0]
        == "措施"
    )


def test_a_plan_naming_its_year_under_its_guiding_thought_opens_it():
    assert (
        classify_sentence(
            "2024年，学校将深入贯彻落实党组织领导的校长负责制，坚持文化立校、质量强校。",
            role="指导思想",
            genre="plan",
        )[0]
        == "开头"
    )


def test_a_notice_sentence_opening_with_a_directive_is_a_requirement():
    assert classify_sentence(
        "要认真排查学校校舍和各类设备设施的安全隐患，做好安全隐患排查整改工作。",
        role="其他",
        genre="notice",
    ) == ("工作要求", True)
    assert (
        classify_sentence(
            "要认真排查学校校舍和各类设备设施的安全隐患，做好安全隐患排查整改工作。",
            role="主要任务",
            genre="plan",
        )[0]
        == "措施"
    )


def test_a_work_reports_review_sentence_with_its_outcome_is_a_result():
    assert (
        classify_sentence(
            "组建紧密型乡域医疗体系，【数量】个村配备村级卫生所，公共卫生体系补短板全面提速。",
            role="主要成绩",
            genre="report",
        )[0]
        == "成效"
    )
    assert (
        classify_sentence(
            "加强水资源保护利用，水库清淤项目获县政府批准实施，已挂网招标。",
            role="主要成绩",
            genre="report",
        )[0]
        == "成效"
    )
    # the work alone stays a measure; a summary's measures stay measures
    assert (
        classify_sentence("坚持以项目为中心，大力推动项目建设。", role="主要成绩", genre="report")[
            0
        ]
        == "措施"
    )
    assert (
        classify_sentence(
            "加强师德师风建设，组织教师学习职业道德规范。", role="主要成绩", genre="summary"
        )[0]
        == "措施"
    )


def test_a_pledge_in_a_speech_and_a_plan_in_a_summary():
    assert (
        classify_sentence(
            "今后，我们将在一个战壕中并肩战斗，共同推动教育改革发展。", role="开头", genre="speech"
        )[0]
        == "表态/号召"
    )
    assert (
        classify_sentence(
            "下一步，我们将继续深化课堂教学改革，力争全县教学质量再上新台阶。",
            role="下一步打算",
            genre="summary",
        )[0]
        == "打算"
    )
    assert (
        classify_sentence("构建完善的德育课程体系是核心环节。", role="开头", genre="plan")[0]
        == "意义/认识"
    )
