"""Structure edits keep every block, keep the title first, and undo exactly (property tests)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduwriter.compose.report import Report, ReportBlock
from eduwriter.gui.editor.report_format import TITLE
from eduwriter.gui.editor.report_model import ReportDocument

block = st.one_of(
    st.builds(
        lambda lv, i: ReportBlock("heading", f"标题{i}", lv),
        st.integers(1, 4),
        st.integers(0, 999),
    ),
    st.builds(lambda i: ReportBlock("paragraph", f"正文{i}。"), st.integers(0, 999)),
    st.builds(lambda i: ReportBlock("paragraph", f"【提示{i}】", hint=True), st.integers(0, 999)),
)
reports = st.builds(
    lambda bs: Report(title="题目", blocks=bs), st.lists(block, min_size=1, max_size=14)
)


def _rows(rd: ReportDocument) -> list[tuple[int, bool, str]]:
    out, b = [], rd.doc.begin()
    while b.isValid():
        out.append((rd.kind_of(b), rd.is_hint(b), b.text()))
        b = b.next()
    return out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(report=reports, pick=st.integers(0, 100), dest=st.integers(0, 100), op=st.integers(0, 4))
def test_structure_edits_keep_blocks_and_undo_exactly(qapp, report, pick, dest, op):
    rd = ReportDocument()
    rd.set_report(report)
    before = _rows(rd)
    heads = [h.block for h in rd.headings()]
    if not heads:
        return
    h = heads[pick % len(heads)]
    if op == 0:
        changed = rd.move_section(h, 1 + dest % rd.doc.blockCount())
    elif op == 1:
        changed = rd.sibling_move(h, 1 if dest % 2 else -1)
    elif op == 2:
        changed = rd.shift_level(h, 1 if dest % 2 else -1)
    elif op == 3:
        target = heads[dest % len(heads)]
        changed = rd.move_section(h, target, rd.levels()[target])
    else:
        changed = rd.delete_section(h)
    after = _rows(rd)
    assert after[0][0] == TITLE and after[0][2] == "题目"
    if op in (0, 1):
        assert sorted(after) == sorted(before)  # a move loses and duplicates nothing
    if op == 4 and changed:
        assert len(after) < len(before)
    assert rd.levels() == [k for k, _h, _t in after]  # the cached levels are the blocks' own
    # numbers are always a valid sequence for the current levels
    assert all((m is None) == (lv <= 0) for m, lv in zip(rd.markers(), rd.levels(), strict=True))
    if changed:
        assert rd.undo_stack.count() == 1
        rd.undo_stack.undo()
        assert _rows(rd) == before
        assert rd.levels() == [k for k, _h, _t in before]
        rd.undo_stack.redo()
        assert _rows(rd) == after
        assert rd.levels() == [k for k, _h, _t in after]
    else:
        assert after == before


heading_or_para = st.one_of(
    st.builds(
        lambda lv, i, body: ReportBlock("heading", f"标题{i}。" if body else f"标题{i}", lv, body),
        st.integers(1, 4),
        st.integers(0, 99),
        st.sampled_from(["", "随后的正文。", "【年份】年完成。"]),
    ),
    st.builds(
        lambda i, hint: ReportBlock("paragraph", f"段落{i}【单位】。", hint=hint),
        st.integers(0, 99),
        st.booleans(),
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blocks=st.lists(heading_or_para, max_size=12), title=st.sampled_from(["", "2026年工作计划"]))
def test_loading_and_reading_back_gives_the_same_report(qapp, blocks, title):
    report = Report(title=title, blocks=blocks)
    rd = ReportDocument()
    rd.set_report(report)
    assert rd.to_report() == report
    assert not rd.is_modified()


def test_only_the_first_line_can_be_the_title(qapp):
    rd = ReportDocument()
    rd.set_report(
        Report(
            title="",
            blocks=[ReportBlock("paragraph", "第一段"), ReportBlock("paragraph", "第二段")],
        )
    )
    assert not rd.set_level(2, TITLE)
    assert rd.set_level(1, 0) is False  # already body text
    assert rd.set_level(0, 0)  # the (empty) title line becomes body text
    assert rd.set_level(0, TITLE)
    assert rd.to_report().blocks[0].text == "第一段"


def _expected_move(rows, start, end, dest, delta):
    """The rows after moving [start, end) before ``dest`` (the list model of a move)."""
    moved = [(max(1, min(k + delta, 4)) if k > 0 else k, h, t) for k, h, t in rows[start:end]]
    if start <= dest <= end:
        return rows[:start] + moved + rows[end:]
    rest = rows[:start] + rows[end:]
    at = dest if dest < start else dest - (end - start)
    return rest[:at] + moved + rest[at:]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(report=reports, pick=st.integers(0, 100), dest=st.integers(0, 100), lv=st.integers(0, 4))
def test_a_move_puts_the_section_exactly_where_asked(qapp, report, pick, dest, lv):
    rd = ReportDocument()
    rd.set_report(report)
    heads = [h.block for h in rd.headings()]
    if not heads:
        return
    h = heads[pick % len(heads)]
    before = _rows(rd)
    start, end = rd.section_range(h)
    closing = rd.closing_start()
    end = min(end, max(closing, start + 1))
    target = min(max(1, 1 + dest % rd.doc.blockCount()), closing)
    new_level = lv or None
    delta = 0 if new_level is None else new_level - before[h][0]
    if rd.move_section(h, target, new_level):
        assert _rows(rd) == _expected_move(before, start, end, target, delta)
        assert rd.levels() == [k for k, _h, _t in _rows(rd)]


def _long_report(sections: int = 25) -> Report:
    blocks = []
    for i in range(sections):
        blocks += [ReportBlock("heading", f"标题{i}", 1), ReportBlock("paragraph", f"正文{i}。")]
    return Report(title="题目", blocks=blocks)


class _Counter:
    """Counts the blocks a structure edit formats, and (with :meth:`rewritten`) the blocks it
    wrote anew: every block is tagged with a user state, which a rewritten block loses."""

    def __init__(self, rd: ReportDocument) -> None:
        self.rd = rd
        self.formats = 0
        real = rd.block_format
        self.tag()

        def counting(kind, hint=False):
            self.formats += 1
            return real(kind, hint)

        rd.block_format = counting

    def tag(self) -> None:
        self.formats = 0
        b = self.rd.doc.begin()
        while b.isValid():
            b.setUserState(7)
            b = b.next()

    def rewritten(self) -> int:
        n, b = 0, self.rd.doc.begin()
        while b.isValid():
            n += b.userState() != 7
            b = b.next()
        return n


def test_a_demote_formats_only_the_headings_whose_level_changes(qapp):
    rd = ReportDocument()
    rd.set_report(_long_report())
    count = _Counter(rd)
    assert rd.shift_level(3, 1)
    assert count.formats == 1  # 23 numbers after it change; none of those blocks is formatted
    assert rd.marker_of(3) == "（一）" and rd.marker_of(5) == "二、"
    assert rd.marker_of(49) == "二十四、"


def test_a_move_writes_only_the_moved_section(qapp):
    rd = ReportDocument()
    rd.set_report(_long_report())
    count = _Counter(rd)
    seen = []
    rd.structureChanged.connect(lambda: seen.append(rd.doc.blockCount()))
    last = rd.headings()[-1].block
    assert rd.move_section(last, 1)  # the last section to the top, past 48 blocks
    assert seen == [51]  # one structure change, never the half-done move
    assert rd.undo_stack.count() == 1 and rd.undo_stack.undoText() == "移动章节"
    assert count.formats == 2
    assert count.rewritten() == 2  # the 48 blocks it passed are untouched
    assert rd.block(1).text() == "标题24" and rd.marker_of(3) == "二、"
    count.tag()
    assert rd.sibling_move(1, 1)  # Alt+Down back past one section
    assert count.formats == 2 and count.rewritten() == 2
    assert rd.block(3).text() == "标题24" and rd.block(1).text() == "标题0"
