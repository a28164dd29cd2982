def test_every_inline_piece_carries_one_of_the_scan_hints():
    # the hint words only skip the scan of lines that cannot hold a piece: each kind of piece
    # is still cut from a content line
    from eduwriter.core.boilerplate import _has_inline_piece, line_verdict

    body = "学校全面落实立德树人根本任务，扎实推进课程改革，教育教学质量稳步提升。"
    for piece in (
        "当前隐藏内容免费查看",
        "下面是小编为大家整理的工作总结，希望对大家有所帮助。",
        "本站小编为你精心准备了学校工作计划的范文。",
        "点击查看全文",
    ):
        kept, removed = line_verdict(body + piece)
        assert kept == body, piece
        assert [r.reason for r in removed] == ["inline"], piece
    assert _has_inline_piece("本文来源：网络，如有侵权请联系删除")
