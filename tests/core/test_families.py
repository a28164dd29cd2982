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
