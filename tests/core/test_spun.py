from eduwriter.core.spun import has_spun, repair_spun


def test_known_spinner_words_are_repaired_and_reported():
    text = "努力构建学前教育公共效劳体系。三是创设根底教育质量品牌。"
    fixed, changes = repair_spun(text)
    assert fixed == "努力构建学前教育公共服务体系。三是创设基础教育质量品牌。"
    assert [(c.before, c.after) for c in changes] == [("效劳", "服务"), ("根底", "基础")]


def test_run_in_ordinal_and_continuity():
    assert repair_spun("第一个是强化政治担当。")[0] == "一是强化政治担当。"
    assert repair_spun("第十二个是抓实重要环节。")[0] == "十二是抓实重要环节。"
    assert repair_spun("办学条件一直不间断改善")[0] == "办学条件持续改善"
    assert repair_spun("教师队伍不间断地去加强。")[0] == "教师队伍持续加强。"


def test_biaozhun_only_where_it_means_guifan():
    assert repair_spun("进一步标准教师职业行为。")[0] == "进一步规范教师职业行为。"
    assert repair_spun("严格标准办学行为。")[0] == "严格规范办学行为。"
    for genuine in ("严格执行国家课程标准。", "加强党支部标准化建设。", "细化评价内容和标准。"):
        fixed, changes = repair_spun(genuine)
        assert fixed == genuine and changes == []


def test_other_spinner_traces():
    assert repair_spun("认真落实关于疫情防控的安排安排。")[0] == "认真落实关于疫情防控的安排部署。"
    assert repair_spun("把防控措施落实到每一名老师和学生。")[0] == "把防控措施落实到每一名师生。"
    assert repair_spun("营造尊师重教良好气氛。")[0] == "营造尊师重教良好氛围。"
    assert repair_spun("完善岗位晋升制度。")[0] == "完善岗位晋升制度。"
    assert repair_spun("增加教师的有效劳动。") == ("增加教师的有效劳动。", [])
    assert repair_spun("实行24小时不间断值守。")[1] == []


def test_clean_text_is_untouched():
    text = "为全面贯彻党的教育方针，结合本地区实际，制定本年度工作计划。"
    assert repair_spun(text) == (text, [])
    assert not has_spun(text)
    assert has_spun("公共效劳体系")
