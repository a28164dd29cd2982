from eduwriter.core.domain import DomainScore, document_domain, item_domain

EDUCATION = [
    "区教育局工作总结",
    "今年，区教育局坚持立德树人，深化课堂教学改革，全区中小学教学质量稳步提升。",
    "落实“双减”政策，课后服务覆盖全部义务教育学校，家长满意度明显提高。",
    "加强师德师风建设，组织班主任培训，教师队伍素质不断提升。",
]
GOVERNMENT = [
    "政府工作报告",
    "过去一年，全省地区生产总值增长百分之五，财政收入稳步增长，固定资产投资持续扩大。",
    "优化营商环境，支持民营企业发展，招商引资成效明显，就业形势总体稳定。",
    "深化医保改革，完善养老服务体系，加强安全生产监管，推进乡村振兴。",
    "教育、医疗、住房等民生事业全面发展。",
]
TAX = [
    "关于做好纳税服务工作的通知",
    "各税务分局：为优化纳税服务，落实税费优惠政策，现就有关事项通知如下。",
    "一、加强税收宣传，帮助纳税人享受税费减免。二、规范税务执法，提升监管效能。",
]
BUSINESS = [
    "门店销售工作总结",
    "本季度门店销售额增长，客户满意度提升，员工积极开展营销活动，产品利润稳定。",
    "下季度将加强客户回访，提升门店业绩。",
]


def test_education_document():
    assert document_domain(EDUCATION[0], EDUCATION[1:]) == "education"


def test_government_report_mentioning_education_is_not_education():
    assert document_domain(GOVERNMENT[0], GOVERNMENT[1:]) == "government"
    assert document_domain(TAX[0], TAX[1:]) == "government"


def test_business_and_empty_text_are_other():
    assert document_domain(BUSINESS[0], BUSINESS[1:]) == "other"
    assert document_domain(None, ["今天天气很好，我们去公园散步。"]) == "other"


def test_decision_rule():
    assert DomainScore(10, 3, 0, 1000).decide() == "education"
    assert DomainScore(4, 10, 0, 1000).decide() == "government"
    assert DomainScore(1, 1, 0, 1000).decide() == "other"  # too little evidence
    assert DomainScore(3, 3, 0, 100000).decide() == "other"  # too sparse


def test_item_domain_follows_sources():
    assert item_domain(["government", "education"]) == "education"
    assert item_domain(["government", "other"]) == "government"
    assert item_domain([]) == ""


def test_trie_pattern_matches_leftmost_longest_like_a_flat_alternation():
    import re

    from eduwriter.core.domain import load_terms, trie_pattern

    words = ["教育", "教育局", "教师", "学", "学校", "a.b", "校"]
    trie = re.compile(trie_pattern(words))
    text = "市教育局与学校教师a.b和axb，教育、校。"
    assert [m.group(0) for m in trie.finditer(text)] == [
        "教育局",
        "学校",
        "教师",
        "a.b",
        "教育",
        "校",
    ]
    terms = load_terms()
    flat = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    sample = "".join(terms) + "县教育局关于课后服务和财政税收的通知，学校公司客户"
    assert [m.group(0) for m in re.compile(trie_pattern(terms)).finditer(sample)] == [
        m.group(0) for m in flat.finditer(sample)
    ]


def test_domain_scores_counts_characters_without_any_whitespace():
    from eduwriter.core.domain import domain_scores

    assert domain_scores("教 育\t局\n\u3000学校 ").chars == 5
