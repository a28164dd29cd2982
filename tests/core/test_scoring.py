from eduwriter.core.scoring import near_duplicate_groups, normalised_key, reuse_score, stable_id


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


def test_near_duplicate_groups_use_edit_similarity_where_shingles_differ():
    from eduwriter.core.scoring import near_duplicate_groups

    a = "加强师德师风建设完善师德考核评价机制营造风清气正的育人环境"
    b = "加强师德师风建设健全师德考核评价制度营造风清气正的育人环境"
    other = "严格落实安全管理责任全面排查隐患明确任务举措及时做好整改"
    assert near_duplicate_groups([a, b, other]) == [0, 0, 2]


def test_a_quoted_local_brand_ranks_lower_than_shared_wording():
    from eduwriter.core.scoring import local_coinages, reuse_score

    assert local_coinages("继续深化“趣学”课堂教学改革研究，着力提升学生的核心素养。") == ["趣学"]
    assert local_coinages("坚决扛牢“双减”工作责任，落实“五项管理”，推进“五育并举”。") == []
    assert local_coinages("落实“党政同责、一岗双责”和“三管三必须”要求。") == []
    local = reuse_score("继续深化“趣学”课堂教学改革研究，着力提升学生的核心素养。", "措施")
    shared = reuse_score("继续深化“双减”课堂教学改革研究，着力提升学生的核心素养。", "措施")
    assert local < shared


def test_narration_of_a_meeting_ranks_lower_than_ones_own_words():
    from eduwriter.core.scoring import reuse_score

    own = "要以此次会议为契机，切实将校外培训机构专项治理工作做实做细。"
    for narrated in (
        "各相关单位纷纷表示，要以此次会议为契机，切实将校外培训机构专项治理工作做实做细。",
        "会上，要以此次会议为契机，切实将校外培训机构专项治理工作做实做细。",
    ):
        assert reuse_score(narrated, "措施") < reuse_score(own, "措施"), narrated
    # the salutation 同志们 is not a named comrade
    from eduwriter.core.scoring import _NARRATED

    assert not _NARRATED.search("同志们，要以此次会议为契机，切实做实做细。")
    assert _NARRATED.search("王明同志对全县教育工作作了全面部署。")
