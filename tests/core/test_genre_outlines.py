from eduwriter.core.genre_outlines import CANONICAL, canonical_order, form_of
from eduwriter.core.items import ROLES


def test_form_from_title_then_genre():
    assert form_of("关于开展课后服务的实施方案", "plan") == "实施方案"
    assert form_of("教育局统筹疫情和扶贫工作典型材料", "summary") == "典型材料"
    assert form_of("关于做好秋季开学工作的通知", "article") == "通知"
    assert form_of("区教育局工作计划", "plan") == "工作计划"
    assert form_of(None, "summary") == "工作总结"
    assert form_of("随笔", "article") == "其他文章"


def test_canonical_order_offers_missing_roles_and_places_extras():
    order = canonical_order("工作总结", ["下一步打算", "主要成绩", "开头", "主要任务"])
    roles = [r for r, _seen in order]
    assert roles[: len(CANONICAL["工作总结"]) + 1] == [
        "开头",
        "基本情况",
        "主要任务",
        "主要成绩",
        "经验体会",
        "存在问题",
        "下一步打算",
        "结尾",
    ]
    seen = dict(order)
    assert seen["主要成绩"] and not seen["经验体会"] and not seen["存在问题"]
    assert all(r in ROLES for r in roles)


def test_every_canonical_outline_uses_known_roles():
    for form, outline in CANONICAL.items():
        assert outline and all(r in ROLES for r in outline), form
