"""Numbering markers, headings vs paragraphs, levels."""

from __future__ import annotations

import pytest

from eduwriter.core.docx_headings import heading_key
from eduwriter.core.model import Block
from eduwriter.core.outline import (
    build_outline,
    classify_line,
    cn_to_int,
    parse_marker,
    strip_marker,
)


@pytest.mark.parametrize(
    ("line", "marker", "rank", "ordinal", "rest"),
    [
        ("第一章 总则", "第一章", 0, 1, "总则"),
        ("第三部分:核心行动计划", "第三部分:", 0, 3, "核心行动计划"),
        ("第四条 专项考核项目", "第四条", 1, 4, "专项考核项目"),
        ("十一、加强党建", "十一、", 2, 11, "加强党建"),
        ("（一）总体目标", "（一）", 3, 1, "总体目标"),
        ("(二)具体目标", "(二)", 3, 2, "具体目标"),
        ("〔三〕强化师德", "〔三〕", 3, 3, "强化师德"),
        ("1.学前教育", "1.", 4, 1, "学前教育"),
        ("2、义务教育", "2、", 4, 2, "义务教育"),
        ("3．普通高中", "3．", 4, 3, "普通高中"),
        ("一.组织领导", "一.", 2, 1, "组织领导"),
        ("12 、职业教育", "12、", 4, 12, "职业教育"),
        ("（1）常态化学习", "（1）", 5, 1, "常态化学习"),
        ("(3.)提供平台", "(3.)", 5, 3, "提供平台"),
        ("④请病假", "④", 5, 4, "请病假"),
        ("2学会选择", "2", 4, 2, "学会选择"),
        ("第一，要提高站位", "第一，", 6, 1, "要提高站位"),
        ("三是规范社会治理", "三是", 6, 3, "规范社会治理"),
        ("第二个是抓实重要环节", "第二个是", 6, 2, "抓实重要环节"),
    ],
)
def test_parse_marker(line, marker, rank, ordinal, rest):
    assert parse_marker(line) == (marker, rank, ordinal, rest)


@pytest.mark.parametrize(
    "line", ["1.5亿元资金", "一.5倍", "2019年工作", "12月底前", "一些学校", "正文没有编号", ""]
)
def test_no_marker(line):
    assert parse_marker(line) is None


def test_cn_to_int():
    assert [cn_to_int(x) for x in ["一", "十", "十一", "二十", "二十三", "一百零五", "7"]] == [
        1,
        10,
        11,
        20,
        23,
        105,
        7,
    ]


def test_strip_marker():
    assert strip_marker("（二）加强组织领导") == "加强组织领导"
    assert strip_marker("没有编号的句子") == "没有编号的句子"


def test_heading_cut_rules():
    o = classify_line("(一)总体目标:教育普及水平持续提高,教育公平迈出新步伐。人民群众满意。")
    assert (o.heading.marker, o.heading.text) == ("(一)", "总体目标")
    assert o.paragraph == "教育普及水平持续提高,教育公平迈出新步伐。人民群众满意。"
    o = classify_line("第一章 总则:新时代的教育使命与改革愿景")
    assert o.heading.text == "总则:新时代的教育使命与改革愿景" and o.paragraph is None
    o = classify_line("二、全力推动各项工作落地落实。")
    assert o.heading.text == "全力推动各项工作落地落实" and o.paragraph is None


def test_heading_stops_before_an_example():
    o = classify_line(
        "六、各级关工委都能够认真开展活动,发展自己的特色,创造新鲜的,如丰县开办家长学校。正文。"
    )
    assert o.heading.text == "各级关工委都能够认真开展活动,发展自己的特色,创造新鲜的"


def test_standalone_runin_is_heading_only_when_short():
    assert classify_line("第一,思想认识要更加到位").heading is not None
    o = classify_line("一是疫情防控工作关乎着人们群众也包括我们在内的生命安全和身体健康。")
    assert o.heading is None


def test_list_of_statements_is_not_headings():
    lines = [
        "一、总体目标",
        "到2027年，建设一支高素质专业化的教师队伍。",
        "1.师德师风建设迈上新台阶,教师队伍整体思想政治素质和职业道德水平显著提升。",
        "2.教师专业发展体系更加完善,教师终身学习和自主发展能力普遍增强。",
        "3.教师队伍结构进一步优化,城乡、校际之间师资配置更加均衡合理。",
        "二、重点工程",
    ]
    blocks, items = build_outline(lines)
    assert [b.marker + b.text for b in blocks if b.kind == "heading"] == [
        "一、总体目标",
        "二、重点工程",
    ]
    assert [i.marker for i in items] == ["1.", "2.", "3."]


def test_clause_list_ending_with_semicolons_is_not_headings():
    lines = [
        "（一）工作量计算",
        "1.常规课时数：周12-15节及以内计作常规课时；",
        "2.超课时数：超过学校常规课时数15节/周的部分，计为超课时数；",
        "3.课时总量：正常工作月份课时总数=课时数*4.3周。",
        "（二）补贴标准",
    ]
    blocks, _ = build_outline(lines)
    assert [b.marker for b in blocks if b.kind == "heading"] == ["（一）", "（二）"]


def test_headings_run_into_text_are_split():
    lines = [
        "一、常规工作",
        "正文第一段。",
        "二、重点工作常态化推进(一)常态化抓好校园疫情防控工作。正文内容。",
        "这是正文，传统和特色都形成了。三、对营业性网吧进行义务监督。我们每年坚持培训。",
        "正文结束了。”四、深刻领会重大意义。",
    ]
    blocks, _ = build_outline(lines)
    heads = [(b.marker + b.text, b.level) for b in blocks if b.kind == "heading"]
    assert heads == [
        ("一、常规工作", 1),
        ("二、重点工作常态化推进", 1),
        ("(一)常态化抓好校园疫情防控工作", 2),
        ("三、对营业性网吧进行义务监督", 1),
        ("四、深刻领会重大意义", 1),
    ]


def test_glued_digit_headings_need_a_sequence():
    blocks, _ = build_outline(["1别想太多", "正文。", "2学会选择", "正文。", "3亲近自然"])
    assert [b.level for b in blocks if b.kind == "heading"] == [1, 1, 1]
    blocks, _ = build_outline(["正文。", "5天时间很短"])
    assert [b for b in blocks if b.kind == "heading"] == []


def test_glued_title_run_into_its_body_is_recovered_from_the_sequence():
    # a list 1..N of glued-digit titles; the first one has its body on the same line
    lines = [
        "1先把计划写下来，再动手做每当事情太多，人们容易慌乱，写下来就清楚了。",
        "2留出整块时间",
        "把重要的事放在上午完成，效率更高。",
        "3学会说不",
        "不必答应每一个请求。",
        "4早睡早起",
        "作息规律，精力才充足。",
    ]
    blocks, _ = build_outline(lines)
    heads = [(b.marker, b.text, b.level) for b in blocks if b.kind == "heading"]
    assert heads == [
        ("1", "先把计划写下来，再动手做", 1),
        ("2", "留出整块时间", 1),
        ("3", "学会说不", 1),
        ("4", "早睡早起", 1),
    ]
    assert blocks[1] == Block("paragraph", "每当事情太多，人们容易慌乱，写下来就清楚了。")


def test_glued_title_without_a_body_opener_ends_at_its_first_punctuation():
    lines = ["1多读书，书里有答案。", "2多运动", "正文。", "3多交流", "正文。"]
    blocks, _ = build_outline(lines)
    assert [b.text for b in blocks if b.kind == "heading"] == ["多读书", "多运动", "多交流"]
    assert blocks[1] == Block("paragraph", "书里有答案。")


def test_glued_digit_body_lines_are_not_headings():
    # numbers glued to text in body lines: no run of standalone titles, units, years, decimals
    lines = [
        "1组同学完成了实验，我们很满意。",
        "2组同学完成了调查，我们很满意。",
        "3组同学完成了报告，大家很满意。",
        "2021年投入1.5亿元，新建学校3所。",
        "1.5亿元用于改善办学条件。",
        "2",
        "3",
    ]
    blocks, _ = build_outline(lines)
    assert [b for b in blocks if b.kind == "heading"] == []
    assert [b.text for b in blocks] == lines[:5] + ["2", "3"]
    # a run that does not start at 1 is not a list of titles either
    blocks, _ = build_outline(["5别急，慢慢来，我们有时间。", "6学会选择", "正文。", "7畅想未来"])
    assert "别急" not in [b.text for b in blocks if b.kind == "heading"]


def test_digit_after_a_sentence_end_splits_only_when_it_continues_a_glued_list():
    # 2楼… is a floor, not the second title of a list: the line stays one paragraph
    line = "暑假里完成了校舍维修。2楼教室改造完成"
    blocks, _ = build_outline([line])
    assert blocks == [Block("paragraph", line)]
    blocks, _ = build_outline(["1早睡早起", "正文。", "2按时吃饭", "心情会好很多。3多晒太阳"])
    assert [b.text for b in blocks if b.kind == "heading"] == ["早睡早起", "按时吃饭", "多晒太阳"]


def test_unnumbered_section_titles():
    lines = [
        "引言:强师筑基,行稳致远",
        "正文。",
        "一、总体目标",
        "正文。",
        "xxxx年下半年工作计划。",
        "一、扎实推进",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    heads = [(b.marker, b.text, b.level) for b in blocks if b.kind == "heading"]
    assert heads == [
        ("", "引言:强师筑基,行稳致远", 1),
        ("一、", "总体目标", 1),
        ("", "xxxx年下半年工作计划", 1),
        ("一、", "扎实推进", 1),
    ]


def test_ordinal_comma_openings_of_an_unnumbered_speech_are_run_in_items_not_headings():
    # issue 10: a heading-less speech enumerates its points in paragraphs 第一，…。正文;
    # those are run-in items (corpus gold), never headings
    lines = [
        "同志们：",
        "第一，要提高站位抓落实。各单位要把这项工作摆上重要议事日程，切实抓紧抓好。",
        "第二，要突出重点抓落实。要聚焦群众关心的热点难点问题，逐项研究解决办法。",
        "第三，要强化保障抓落实。要在人员、经费、制度等方面给予有力保障。",
    ]
    blocks, items = build_outline(lines)
    assert [b for b in blocks if b.kind == "heading"] == []
    assert [(i.marker, i.text) for i in items] == [
        ("第一，", "要提高站位抓落实"),
        ("第二，", "要突出重点抓落实"),
        ("第三，", "要强化保障抓落实"),
    ]


def test_run_in_series_judged_as_a_whole():
    body = "要按照上级的文件要求，结合学校实际，科学安排各项工作，确保取得实效。"
    # listed line after line (what the speech will cover): a list, not headings
    listed = [
        "今天主要讲三个内容。",
        "一是通报学习情况。",
        "二是交流家教经验。",
        "三是听取意见建议。",
        body,
    ]
    assert [b for b in build_outline(listed)[0] if b.kind == "heading"] == []
    # most items open a paragraph: the one short sentence among them is not a heading either
    news = [
        "第一，7月26日，在国际信息学奥林匹克竞赛中，周同学摘取一块金牌。" + body,
        "第二，8月10日，在全国信息学奥林匹克竞赛中，我校取得全国最好成绩。" + body,
        "第三，王老师被推荐为教坛新秀候选人。",
        "第四，8月27日，李老师荣获全市英语教师基本功比武第一名。" + body,
    ]
    assert [b for b in build_outline(news)[0] if b.kind == "heading"] == []
    # …but a standalone item with a title's profile and its own body is one
    mixed = [
        "第一，必须实行网上教学。" + body,
        "第二，必须科学安排。" + body,
        "第三，必须加强网上教学管理",
        "一是人员管理。" + body,
    ]
    heads = [b.marker + b.text for b in build_outline(mixed)[0] if b.kind == "heading"]
    assert heads == ["第三，必须加强网上教学管理"]
    # standalone items with bodies between them stay headings (第一，德育为首。)
    plan = ["第一，德育为首。", body, "第二，教学为主，追求卓越。", body, "第三，管理为重。", body]
    heads = [b.marker + b.text for b in build_outline(plan)[0] if b.kind == "heading"]
    assert heads == ["第一，德育为首", "第二，教学为主，追求卓越", "第三，管理为重"]


def test_short_prose_openings_with_a_comma_or_an_address_are_not_lead_headings():
    rest = "在这个充满希望的季节里，我们迎来了新学年，全校师生团结一心，攻坚克难，取得了好成绩。"
    prose = [
        "秋风送爽，丹桂飘香。" + rest,
        "过去的一年，是不平凡的一年。" + rest,
        "同学们，新的学年开始了。" + rest,
    ]
    assert [b for b in build_outline(prose)[0] if b.kind == "heading"] == []
    titled = ["静心思考。" + rest, "准确定位。" + rest, "开发课程。" + rest]
    heads = [b.text for b in build_outline(titled)[0] if b.kind == "heading"]
    assert heads == ["静心思考", "准确定位", "开发课程"]


def test_a_marker_kind_keeps_one_level_through_the_document():
    # 公文 practice (and the corpus annotation): 1. is the level below （一） wherever it
    # stands, also straight under 二、 where that section has no （一）
    lines = [
        "一、学校简况",
        "正文。",
        "（一）学生发展",
        "正文。",
        "1.课程建设",
        "正文。",
        "二、努力方向",
        "1.要进一步完善课程方案",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    assert [(b.marker, b.level) for b in blocks if b.kind == "heading"] == [
        ("一、", 1),
        ("（一）", 2),
        ("1.", 3),
        ("二、", 1),
        ("1.", 3),
    ]


def test_an_outer_kind_met_only_after_the_deeper_headings_is_no_step_above_them():
    lines = [
        "一、报名要求",
        "1．思想品德要求",
        "正文。",
        "2．体育要求",
        "正文。",
        "二、推荐程序",
        "正文。",
        "附：竞赛范围。",
        "（一）省级赛事",
        "正文。",
        "（二）全国赛事",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    assert [(b.marker, b.level) for b in blocks if b.kind == "heading"] == [
        ("一、", 1),
        ("1．", 2),
        ("2．", 2),
        ("二、", 1),
        ("（一）", 2),
        ("（二）", 2),
    ]


def test_skipped_step_under_a_part_keeps_the_usual_level():
    lines = [
        "第一部分:背景",
        "正文。",
        "一、数字新基建",
        "（一）任务内容",
        "正文。",
        "第二部分:保障",
        "（一）组织保障",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    assert [(b.marker, b.level) for b in blocks if b.kind == "heading"] == [
        ("第一部分:", 1),
        ("一、", 2),
        ("（一）", 3),
        ("第二部分:", 1),
        ("（一）", 3),
    ]


def test_misnumbered_sibling_gets_the_sibling_level():
    lines = [
        "一、基本情况",
        "正文。",
        "二、特色亮点",
        "（一）有交流",
        "正文。",
        "（二）深交流",
        "正文。",
        "三、多方支持",
        "正文。",
        "三、结语",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    assert [(b.marker + b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("一、基本情况", 1),
        ("二、特色亮点", 1),
        ("（一）有交流", 2),
        ("（二）深交流", 2),
        ("三、多方支持", 2),
        ("三、结语", 1),
    ]


def test_half_parenthesis_marker():
    assert parse_marker("1）加强领导") == ("1）", 5, 1, "加强领导")


def test_problem_statements_and_mixed_sibling_lists_are_not_headings():
    lines = [
        "二、存在的问题",
        "1.教师队伍结构不够合理，青年教师比例偏低。",
        "2.办学条件有待改善，部分功能室设备老化。",
        "三、工作打算",
        "1.教育教学成果奖按学校办法计发，按学期发放。奖励在各方面取得成绩的教工。",
        "2.学科竞赛辅导补贴针对六大奥赛平时的上课辅导，补贴标准为每课时25元，教学处按实计发，部分在基金中列支。",
        "四、保障措施",
        "（一）持续加强党的建设。",
        "（二）着力提升教育质量。",
    ]
    blocks, _ = build_outline(lines)
    assert [b.marker + b.text for b in blocks if b.kind == "heading"] == [
        "二、存在的问题",
        "三、工作打算",
        "四、保障措施",
        "（一）持续加强党的建设",
        "（二）着力提升教育质量",
    ]


def test_heading_run_into_its_body_is_cut_where_the_subject_starts():
    o = classify_line(
        "一、常规工作有序开展我局把常规工作和重点工作进行有机结合,按照常规工作非常抓的思路,各项工作全面展开。正文。"
    )
    assert o.heading.text == "常规工作有序开展"
    assert o.paragraph.startswith("我局把常规工作")
    # a short heading that merely mentions 全市 is left alone
    o = classify_line("一、统筹推进全市教育高质量发展。正文。")
    assert o.heading.text == "统筹推进全市教育高质量发展"


def test_attachment_list_is_not_headings():
    lines = ["五、工作要求", "各班要高度重视。", "附件：1.评选标准", "2.推荐书目", "XX中学教务处"]
    blocks, items = build_outline(lines)
    assert [b.marker + b.text for b in blocks if b.kind == "heading"] == ["五、工作要求"]
    assert items == []


def test_lead_sentence_headings_of_a_work_report():
    # 政府工作报告 style: each paragraph of the series opens with a short sentence titling it
    body = "我们坚持稳中求进工作总基调，统筹发展和安全，全年主要目标任务较好完成，经济社会发展取得新成效。"
    lines = [
        "一、过去一年的工作",
        "坚持扩大内需。" + body,
        "着力稳定就业。" + body,
        "深化教育改革。" + body,
    ]
    blocks, _ = build_outline(lines)
    heads = [(b.marker + b.text, b.level) for b in blocks if b.kind == "heading"]
    assert heads == [
        ("一、过去一年的工作", 1),
        ("坚持扩大内需", 2),
        ("着力稳定就业", 2),
        ("深化教育改革", 2),
    ]
    assert [b.text for b in blocks if b.kind == "paragraph"] == [body] * 3


def test_parallel_long_lead_sentences_and_what_is_not_a_series():
    body = (
        "2015年至2020年，当事人多次违规收受礼品礼金，数额巨大，受到严肃处理，相关人员被追责问责。"
    )
    cases = [f"某省某单位原负责人{n}违规收受礼金接受宴请问题。{body}" for n in "甲乙丙"]
    blocks, _ = build_outline(cases)
    assert [b.text for b in blocks if b.kind == "heading"] == [
        f"某省某单位原负责人{n}违规收受礼金接受宴请问题" for n in "甲乙丙"
    ]
    # two such paragraphs are no series; enumerated openings (一要…) are run-in items
    assert all(b.kind == "paragraph" for b in build_outline(cases[:2])[0])
    enumerated = [f"{k}要进一步强化规范意识。{body}" for k in "一二三"]
    assert all(b.kind == "paragraph" for b in build_outline(enumerated)[0])
    # ordinary prose whose first sentences differ in length and ending
    prose = [
        "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。" + body,
        "学校始终把安全放在首位，层层落实安全责任，开展隐患排查整治工作。" + body,
        "我们将继续努力。" + body,
    ]
    assert all(b.kind == "paragraph" for b in build_outline(prose)[0])


def test_unnumbered_titles_that_each_restart_the_numbered_list_are_its_parents():
    lines = [
        "§1.指导思想和办学目标",
        "一、指导思想",
        "正文。",
        "二、办学目标",
        "正文。",
        "§2.客观依据和内在条件",
        "一、客观依据",
        "正文。",
        "（一）历史",
        "正文。",
    ]
    blocks, _ = build_outline(lines)
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("§1.指导思想和办学目标", 1),
        ("指导思想", 2),
        ("办学目标", 2),
        ("§2.客观依据和内在条件", 1),
        ("客观依据", 2),
        ("历史", 3),
    ]
    # one such title before the list is the list's caption, not a part above it
    single = ["工作要点", "一、指导思想", "正文。", "二、办学目标", "正文。"]
    heads = [(b.text, b.level) for b in build_outline(single)[0] if b.kind == "heading"]
    assert heads == [("工作要点", 1), ("指导思想", 1), ("办学目标", 1)]


def test_a_typed_number_continuing_styled_headings_is_their_sibling():
    # Word numbered 一、…二、 (styled), the writer typed 三. by hand for the last section: it
    # is the third section, not a heading nested below the last styled one
    lines = ["一、基本情况", "正文一。", "1.具体做法", "正文二。", "二、竞聘程序", "正文三。",
             "1.宣传动员", "正文四。", "三.其他事宜", "正文五。"]  # fmt: skip
    hints = {heading_key(x): lvl for x, lvl in
             [("一、基本情况", 1), ("1.具体做法", 2), ("二、竞聘程序", 1), ("1.宣传动员", 2)]}  # fmt: skip
    blocks, _ = build_outline(lines, hints)
    heads = [(b.marker + b.text, b.level) for b in blocks if b.kind == "heading"]
    assert heads[-1] == ("三.其他事宜", 1)
    assert heads[-2] == ("1.宣传动员", 2)


def test_a_number_in_a_list_of_numbers_is_not_a_heading():
    # （1）、（2）、（5）班… lists classes; the first number is no marker of a heading
    lines = [
        "1、疏散路线",
        "（1）、（2）、（5）、（6）班",
        "由西侧楼梯下。",
        "（3）、（4）、（7）班",
    ]
    blocks, _ = build_outline(lines)
    heads = [b.marker + b.text for b in blocks if b.kind == "heading"]
    assert heads == ["1、疏散路线"]
    assert classify_line("（1）常态化学习").heading is not None
