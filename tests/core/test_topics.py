from eduwriter.core.topics import TOPIC_KEYWORDS, topic_tags


def test_tags_for_typical_sentences():
    assert "疫情防控" in topic_tags("校园实行封闭管理，师生进校必须测量体温、佩戴口罩。")
    assert "师资" in topic_tags("加强师德师风建设，打造高素质教师队伍。")
    assert "双减" in topic_tags("巩固“双减”成果，严控作业总量和时长。")
    assert "课后服务" in topic_tags("提升课后服务质量，满足学生多样化需求。")
    assert "党建" in topic_tags("积极推进民办学校党建工作，加强党支部建设。")
    assert "家校社" in topic_tags("完善学校、家庭、社会教育“三位一体”互动机制。")
    assert "安全" in topic_tags("开展校园安全隐患大排查。")
    assert "信息化" in topic_tags("推进智慧校园建设，提升教育信息化水平。")


def test_most_matched_first_and_limit():
    tags = topic_tags("疫情防控期间，做好疫情监测和核酸检测，同时关注学生心理健康。", limit=2)
    assert tags[0] == "疫情防控"
    assert len(tags) == 2


def test_no_tag_for_unrelated_text():
    assert topic_tags("天气晴朗。") == []


def test_required_topics_are_given_by_each_of_their_keywords():
    # every keyword of a required topic, in an otherwise neutral sentence, yields that topic
    for tag in ("德育", "师资", "安全", "疫情防控", "信息化", "双减", "课后服务", "党建", "家校社"):
        keywords = TOPIC_KEYWORDS.get(tag, ())
        assert keywords, tag
        for word in keywords:
            assert tag in topic_tags(f"今年我们{word}做得好。", limit=len(TOPIC_KEYWORDS)), (
                tag,
                word,
            )


def test_required_topics_occur_in_the_bundled_samples():
    # the keywords match real writing: each required topic tags some paragraph of the samples
    from eduwriter.core.importer import analyze_files
    from eduwriter.resources_path import sample_files

    paragraphs = [
        b.text
        for r in analyze_files(sample_files())
        for d in r.documents
        for b in d.blocks
        if b.kind == "paragraph"
    ]
    found = {t for p in paragraphs for t in topic_tags(p, limit=len(TOPIC_KEYWORDS))}
    missing = [
        t
        for t in (
            "德育",
            "师资",
            "安全",
            "疫情防控",
            "信息化",
            "双减",
            "课后服务",
            "党建",
            "家校社",
        )
        if t not in found
    ]
    assert missing == []
