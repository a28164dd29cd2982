from eduwriter.core.families import heading_family


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


def test_families_sharing_a_closing_word_are_complete():
    # issue 11: 体育课时保障行动 / “阳光体育”普及行动 / 健康监测与干预行动 were two families or none
    assert (
        heading_family(["体育课时保障行动", "“阳光体育”普及行动", "健康监测与干预行动"])
        == "【…】行动"
    )
    assert heading_family(["创新学生评价", "完善教师评价", "改进学校评价", "改革社会评价"]) == (
        "【…】评价"
    )
    # a generic closing word alone makes no family
    assert (
        heading_family(["扎实做好开学准备工作", "统筹协调好复学工作", "落实教育综合督导工作"]) == ""
    )


def test_a_run_whose_first_pair_shares_little_is_still_found():
    from eduwriter.core.extract import heading_families
    from eduwriter.core.skeletons import Section

    heads = [
        "聚焦安全稳定，勇当疫情防控先锋队",
        "聚焦教育质量，打好危中抢机主动仗",
        "聚焦队伍建设，打造立德树人领航团",
        "聚焦教育惠民，当好服务群众模范生",
        "明方向，优布局，在扩教育资源上下苦功夫",
        "提质量，促均衡，在提教育品质上下苦功夫",
        "挖内涵，重五育，在抓立德树人上下苦功夫",
    ]
    group = [Section(path=(h,), level=1, heading=h) for h in heads]
    found = [
        ([s.heading for s in members], pattern) for members, pattern in heading_families(group)
    ]
    assert found == [
        (heads[:4], "聚焦【…】，【…】"),
        (heads[4:], "【…】，【…】，在【…】上下苦功夫"),
    ]
