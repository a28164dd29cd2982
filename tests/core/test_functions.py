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
