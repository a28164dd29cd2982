"""One file -> documents; genre; run-in items."""

from __future__ import annotations

from eduwriter.core.clean import clean_lines
from eduwriter.core.genre import genre_from_title, guess_genre
from eduwriter.core.importer import analyze_text
from eduwriter.core.runin import find_run_in
from eduwriter.core.segment import is_separator, segment_lines

BODY = "为全面贯彻党的教育方针，结合本地实际，制定本计划，请各单位认真贯彻落实。"


def _docs(text: str):
    lines, _ = clean_lines(text)
    return segment_lines(lines)


def test_separators():
    assert is_separator("篇一:《教育局工作计划》") == "教育局工作计划"
    assert is_separator("第三篇：化解教育焦虑的三个着力点") == "化解教育焦虑的三个着力点"
    assert is_separator("教育工委工作总结篇三") == "教育工委工作总结"
    assert is_separator("【篇二】学校安全工作方案") == "学校安全工作方案"
    assert is_separator("我们读了这一篇文章。") is None


def test_page_title_copies_dropped_keeping_the_real_title():
    text = "\n".join(
        [
            "美章网 资料文库 在教育局工作会议上的讲话范文",
            "在教育局工作会议上的讲话范文",
            "在教育局工作会议上的讲话",
            BODY,
        ]
    )
    docs, removed = _docs(text)
    assert [d.title for d in docs] == ["在教育局工作会议上的讲话"]
    assert removed == [
        "美章网 资料文库 在教育局工作会议上的讲话范文",
        "在教育局工作会议上的讲话范文",
    ]


def test_same_title_after_content_starts_a_new_document():
    text = "\n".join(
        ["学校绩效考核实施办法", "全校教工：", BODY, "学校绩效考核实施办法", "第一章 总则", BODY]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["学校绩效考核实施办法", "学校绩效考核实施办法"]


def test_centred_title_line_starts_a_document():
    text = "\n".join(
        [" 化解焦虑的小方法", BODY, "2学会选择", BODY, " 教育局统筹疫情和扶贫工作典型材料", BODY]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["化解焦虑的小方法", "教育局统筹疫情和扶贫工作典型材料"]


def test_signature_is_not_a_title():
    text = "\n".join(["学校工作汇报", BODY, BODY, "       绍兴市第一中学", "     2019年12月18日"])
    docs, _ = _docs(text)
    assert len(docs) == 1
    assert docs[0].lines[-2:] == ["绍兴市第一中学", "2019年12月18日"]


def test_untitled_document_that_starts_over():
    parts = ["学校工作总结"]
    for n in "一二三":
        parts += [f"{n}、第{n}项工作", BODY]
    parts += ["综上所述，今年的工作取得了一定成绩。", "2011年，是规划实施的开局之年。"]
    for n in "一二":
        parts += [f"{n}、新的第{n}项工作", BODY]
    res = analyze_text("\n".join(parts))
    assert [(d.title, d.genre) for d in res.documents] == [
        ("学校工作总结", "summary"),
        (None, "summary"),
    ]
    assert res.documents[1].blocks[0].text.startswith("2011年")


def test_collection_preamble_removed():
    text = "\n".join(
        ["学校工作计划", "本文为大家整理了五篇范文，以资借鉴。", "篇一:《学校工作计划》", BODY]
    )
    res = analyze_text(text)
    assert [d.title for d in res.documents] == ["学校工作计划"]
    assert "学校工作计划" in res.removed


def test_editor_note_joins_the_document_after_it():
    text = "\n".join(
        ["现摘录局长讲话，希全体教工认真学习！", "在全市教育工作会议上的讲话", "同志们：", BODY]
    )
    res = analyze_text(text)
    assert len(res.documents) == 1
    assert res.documents[0].title == "在全市教育工作会议上的讲话"
    assert res.documents[0].blocks[0].text.startswith("现摘录")


def test_genre_from_title():
    assert genre_from_title("2024年关于教育局化解焦虑工作举措范文") == "plan"
    assert genre_from_title("区教育局上半年工作总结暨下半年计划") == "summary"
    assert genre_from_title("在全市教育工作会议上的讲话") == "speech"
    assert genre_from_title("关于学习全市教育大会领导讲话的通知") == "notice"
    assert genre_from_title("某某中学课后服务工作方案") == "scheme"  # a 方案, not a 计划
    assert genre_from_title("关于印发《义务教育质量提升实施方案》的通知") == "notice"
    assert genre_from_title("2024年政府工作报告") == "report"
    assert genre_from_title("关于增加教师编制的请示") == "request"
    assert genre_from_title("关于商请协助开展调研的函") == "letter"
    assert genre_from_title("关于表彰优秀教师的决定") == "decision"
    assert genre_from_title("某校抓党建促发展典型材料") == "exemplary"
    assert genre_from_title("某某区教育局2024年工作计划（通用5篇）") == "plan"
    assert genre_from_title("中小学校园安全管理办法") == "article"
    assert genre_from_title("化解年末焦虑的小方法") is None


def test_genre_of_procedures_and_summary_reports():
    # issue 10 (corpus genres): a 推荐办法 is a scheme, a 总结报告 a summary
    assert genre_from_title("某某中学2014年高校自主招生校荐生推荐办法") == "scheme"
    assert genre_from_title("某某中学教师评优实施办法") == "scheme"
    assert genre_from_title("某校教师考核暂行办法") == "article"  # a regulation
    assert genre_from_title("某某中学领导班子总结报告") == "summary"
    assert genre_from_title("2022年度述职报告") == "report"


def test_genre_body_overrides():
    assert guess_genre("教育工委工作总结", ["同志们:", "下面我讲几点意见。"]) == "speech"
    assert (
        guess_genre("教育工委工作总结", ["各县(市、区)教体局,局属各学校:", "请于11月30日前报送。"])
        == "notice"
    )
    assert guess_genre(None, ["正文。"], fallback="summary") == "summary"
    assert guess_genre(None, ["正文。"]) == "article"


def test_run_in_items():
    items = find_run_in(
        "主要做法：一是精心谋划。二是健全组织，落实责任；统一是关键。第一个是强化政治担当"
    )
    assert [(i.marker, i.text) for i in items] == [
        ("一是", "精心谋划"),
        ("二是", "健全组织，落实责任"),
        ("第一个是", "强化政治担当"),
    ]


def test_run_in_yao_items():
    items = find_run_in("要加大投入：一要强化资金保障；二要保障教师权益。统一要求，不能走样。")
    assert [(i.marker, i.text) for i in items] == [
        ("一要", "强化资金保障"),
        ("二要", "保障教师权益"),
    ]


def test_download_site_collection_page():
    text = "\n".join(
        [
            "学校工作总结范文（通用5篇）",
            "时间过得真快，我们又将迎来新的工作。下面是小编收集整理的学校工作总结范文，欢迎阅读与收藏。",
            "学校工作总结范文 篇1",
            "\u3000\u3000本学期，我校认真贯彻党的教育方针，现将本学期工作总结如下：",
            "\u3000\u3000一、加强师德建设，提高教师素质",
            "\u3000\u3000我校始终把师德建设放在首位，组织教师认真学习。",
            "学校工作总结范文 篇2",
            "\u3000\u300020XX年，我校全面推进素质教育，各项工作取得了较好成绩。",
            "【学校工作总结范文（通用5篇）】相关文章：",
            "学校工作总结范文03-20",
            "学校工作总结(通用15篇)12-07",
        ]
    )
    res = analyze_text(text)
    assert [d.title for d in res.documents] == ["学校工作总结范文", "学校工作总结范文"]
    assert [h.marker + h.text for h in res.documents[0].headings] == [
        "一、加强师德建设，提高教师素质"
    ]
    last = [b.text for b in res.documents[1].blocks]
    assert last == ["20XX年，我校全面推进素质教育，各项工作取得了较好成绩。"]
    assert "学校工作总结范文03-20" in res.removed
    assert "学校工作总结范文（通用5篇）" in res.removed


def test_site_name_and_link_list_before_the_title_are_not_documents():
    text = "\n".join(
        [
            "教育资讯网",
            "热门文章",
            "2024年春季学期学校工作计划",
            "小学数学教研组工作总结",
            "在开学典礼上的讲话稿",
            "当前位置：首页 > 工作总结",
            "2023年度学校安全工作总结",
            "2023年，我校坚持安全第一、预防为主的方针，扎实开展各项安全工作。",
            "一、健全组织，落实责任",
            "学校成立了以校长为组长的安全工作领导小组。",
        ]
    )
    res = analyze_text(text)
    assert [d.title for d in res.documents] == ["2023年度学校安全工作总结"]
    assert {"教育资讯网", "小学数学教研组工作总结", "当前位置：首页 > 工作总结"} <= set(res.removed)


def test_subtitle_counts_for_genre_and_salutation_alone_does_not_override():
    lines = [
        "——某某中学创建省现代化学校工作汇报",
        "各位专家、领导：",
        "首先请允许我代表学校表示欢迎。",
    ]
    assert guess_genre("博雅通达 求真力行", lines) == "summary"
    assert guess_genre(None, ["同志们：", "今天召开会议。"]) == "speech"


def test_first_line_title_without_document_word():
    text = "凝心聚力，砥砺前行\n各位老师：\n大家好！今天我们在这里隆重集会，庆祝教师节，表彰先进。\n一、回顾过去\n正文。"
    res = analyze_text(text)
    assert [(d.title, d.genre) for d in res.documents] == [("凝心聚力，砥砺前行", "speech")]
    res = analyze_text("各位老师\n大家好！今天我们在这里隆重集会，庆祝教师节，表彰先进。")
    assert res.documents[0].title is None


def test_schemes_published_one_after_another_are_split_at_their_titles():
    from eduwriter.core.importer import analyze_text

    body = "为做好相关工作，结合学校实际，特制定本方案，请各部门认真抓好落实。"
    parts = []
    for name in ("甲校推荐工作实施方案", "乙校推荐工作实施方案", "丙校推荐工作实施方案"):
        parts += [name, "一、指导思想", body, "二、工作措施", body, "三、组织保障", body]
    res = analyze_text("\n".join(parts))
    assert [d.title for d in res.documents] == [
        "甲校推荐工作实施方案",
        "乙校推荐工作实施方案",
        "丙校推荐工作实施方案",
    ]
    # a section title before a list at 一、 inside one document is not a new document
    one = analyze_text(
        "\n".join(["学校工作计划", "一、总体要求", body, "具体安排", "一、准备阶段", body])
    )
    assert len(one.documents) == 1


def test_broken_title_attachment_and_metadata_table():
    from eduwriter.core.importer import analyze_text

    body = "为推动相关工作健康有序发展，经研究同意，现提出如下意见，请认真贯彻执行。"
    text = "\n".join(
        [
            "索 引 号：",
            "000014349/2018-00221",
            "发文机关：",
            "某某办公厅",
            "成文日期：",
            "2018年12月07日",
            "某某办公厅关于推进",
            "政务新媒体健康发展的意见",
            "各市人民政府：",
            body,
            "一、总体要求",
            body,
            "二、主要任务",
            body,
            "附：某地通报三起典型问题",
            body,
        ]
    )
    res = analyze_text(text)
    assert [d.title for d in res.documents] == ["某某办公厅关于推进政务新媒体健康发展的意见"]
    assert res.documents[0].genre == "article"  # 意见: the addressee line does not make it 通知
    assert {"索 引 号：", "某某办公厅", "2018年12月07日"} <= set(res.removed)


def test_a_dash_subtitle_repeating_the_title_stays_in_the_text():
    from eduwriter.core.importer import analyze_text

    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。"
    res = analyze_text(
        "\n".join(["求真务实 再铸辉煌", "——学校工作报告", body, "一、主要成绩", body])
    )
    assert len(res.documents) == 1
    assert "——学校工作报告" not in res.removed


def test_a_page_heading_with_words_of_its_own_is_kept_under_the_title():
    # the page heading wraps the title (关于公示《…》): dropping it would lose 关于公示
    docs, removed = _docs("关于公示《某校领导班子总结报告》\n某校领导班子总结报告\n" + BODY * 3)
    assert [d.title for d in docs] == ["某校领导班子总结报告"]
    assert docs[0].lines[0] == "关于公示《某校领导班子总结报告》"
    assert "关于公示《某校领导班子总结报告》" not in removed


def test_a_speaker_page_heading_before_the_speech_title_is_kept():
    text = "\n".join(
        [
            "张局长在某中学八届三次教代会上的讲话",
            "着力建设一所现代教育名校",
            "——在某中学八届三次教代会上的讲话",
            BODY * 3,
        ]
    )
    docs, removed = _docs(text)
    assert [d.title for d in docs] == ["着力建设一所现代教育名校"]
    assert "张局长在某中学八届三次教代会上的讲话" in docs[0].lines
    assert removed == []


def test_a_title_broken_under_its_whole_copy_keeps_the_whole():
    docs, removed = _docs(
        "2022年高考某中学考点 疫情防控工作方案\n2022年高考某中学考点\n疫情防控工作方案\n" + BODY
    )
    assert [d.title for d in docs] == ["2022年高考某中学考点 疫情防控工作方案"]
    assert sorted(removed) == ["2022年高考某中学考点", "疫情防控工作方案"]


def test_a_title_broken_over_issuer_and_two_lines_is_one_title():
    text = "\n".join(
        [
            "国务院办公厅",
            "关于四川省在总理考察工作时",
            "所提问题和建议办理情况的函",
            "四川省人民政府：" + BODY * 2,
        ]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == [
        "国务院办公厅关于四川省在总理考察工作时所提问题和建议办理情况的函"
    ]


def test_a_page_heading_goes_under_the_longest_title_it_holds_not_under_a_name():
    text = "\n".join(
        [
            "关于某市第一中学教师专业发展行动方案（试行）的通知",
            "某市第一中学",
            "教师专业发展行动方案",
            BODY * 3,
        ]
    )
    docs, _ = _docs(text)
    assert len(docs) == 1
    assert "关于某市第一中学教师专业发展行动方案（试行）的通知" in docs[0].lines


def test_a_first_line_naming_its_type_is_the_title_over_a_contents_list():
    text = "\n".join(
        [
            "某县一中五年发展规划(征求意见稿)",
            "(2010年3月～2015年2月)",
            "(征求意见稿)",
            "§1.指导思想和办学目标",
            "§2.客观依据和内在条件",
            "§3.五育目标和保障建设",
            "§4.实施步骤和重点项目",
            "某市第一中学",
            "2010年1月",
            "前 言",
            "一流的校舍、设施，优质的师资、生源，为我们实施全面素质教育提供了多方面的有利条件",
            BODY * 3,
            "§1.指导思想和办学目标",
            "一、指导思想",
            BODY * 3,
        ]
    )
    docs, _ = _docs(text)
    assert docs[0].title == "某县一中五年发展规划(征求意见稿)"


RED_HEAD_NOTICE = """绍兴市教育局文件
绍市教〔2021〕15号
关于公布2021年度市级优秀教研组评选结果的通知
各区、县（市）教育局，直属各学校：
根据评选工作要求，经学校申报、区县推荐、专家评审，共评出市级优秀教研组30个，现予以公布。
希望受到表彰的教研组珍惜荣誉，再接再厉，进一步加强教研组建设，全面提升教育教学质量。
附件：1.2021年度市级优秀教研组名单
2.2021年度市级优秀教研组长名单
3.评选工作总结
绍兴市教育局
2021年6月10日
抄送：省教育厅。
"""


def test_red_header_and_document_number_head_the_document_not_its_title():
    # issue 10: the 发文字号 was glued to the title; without it the 红头 became a document
    res = analyze_text(RED_HEAD_NOTICE)
    assert [d.title for d in res.documents] == ["关于公布2021年度市级优秀教研组评选结果的通知"]
    body = [b.text for b in res.documents[0].blocks]
    assert body[:2] == ["绍兴市教育局文件", "绍市教〔2021〕15号"]  # content, kept
    assert res.removed == []
    without_number = RED_HEAD_NOTICE.replace("绍市教〔2021〕15号\n", "")
    res = analyze_text(without_number)
    assert [d.title for d in res.documents] == ["关于公布2021年度市级优秀教研组评选结果的通知"]
    assert res.documents[0].blocks[0].text == "绍兴市教育局文件"


def test_attachment_list_begun_on_the_attachment_line_is_not_headings():
    res = analyze_text(RED_HEAD_NOTICE)
    assert [b for b in res.documents[0].blocks if b.kind == "heading"] == []


def test_a_signature_date_is_not_glued_to_the_next_title():
    body = "为确保师生度过一个安全、祥和的假期，现就有关工作通知如下，请认真组织落实。"
    text = (
        f"关于做好2022年寒假工作的通知\n各处室：\n{body}\n一、加强安全教育\n{body}\n"
        f"绍兴一中办公室\n2022年1月10日\n"
        f"关于做好2022年春季开学工作的通知\n各处室：\n{body}\n一、做好开学准备\n{body}\n"
        f"绍兴一中办公室\n2022年2月10日\n"
    )
    res = analyze_text(text)
    assert [d.title for d in res.documents] == [
        "关于做好2022年寒假工作的通知",
        "关于做好2022年春季开学工作的通知",
    ]


def test_a_cover_page_does_not_start_documents_of_its_own():
    # title, issuer and partner lines, the subtitle naming the type, a date, a page number,
    # a preface heading: one cover, one document
    text = "\n".join(
        [
            "第一中学“英才计划”方案",
            "某市第一中学",
            "某某教育基金会与某某有限公司",
            "赞助项目实施方案",
            "2019年6月22日",
            "实施方案说明",
            BODY,
            BODY,
        ]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["第一中学“英才计划”方案"]


def test_a_table_row_label_and_an_attachment_reference_are_not_titles():
    text = "\n".join(
        [
            "第一中学奖励方案",
            "一、目的",
            BODY,
            "二、预算",
            "“青蓝计划”项目",
            "20",
            "“英才计划”项目",
            "80",
            BODY,
            "三、实施细则",
            "见附件1：《“英才教师津贴”实施细则》",
            BODY,
        ]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["第一中学奖励方案"]


def test_a_scheme_whose_list_starts_at_one_after_a_document_numbered_1_2_is_a_new_one():
    text = "\n".join(
        [
            "第一中学英才计划方案",
            "1.缘起",
            BODY,
            "2.目标",
            BODY,
            "“青蓝计划”项目实施方案",
            "一、建设目的",
            BODY,
        ]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["第一中学英才计划方案", "“青蓝计划”项目实施方案"]


def test_a_sub_scheme_title_loses_its_dash_and_book_title_marks():
    text = "\n".join(
        [
            "教师队伍建设行动方案",
            "一、指导思想",
            BODY,
            "二、主要措施",
            BODY,
            "一、青年教师启航工程",
            "——《青年教师“成长工作坊”实施方案》",
            "一、指导思想",
            BODY,
        ]
    )
    docs, _ = _docs(text)
    assert docs[-1].title == "青年教师“成长工作坊”实施方案"


def test_a_headline_shown_twice_is_the_title_though_it_exclaims():
    text = "\n".join(
        ["力度空前！机构改革方案来了", "力度空前！机构改革方案来了", "一、总体要求", BODY]
    )
    docs, _ = _docs(text)
    assert [d.title for d in docs] == ["力度空前！机构改革方案来了"]
