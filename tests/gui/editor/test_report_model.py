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
    # numbers are always a valid sequence for the current levels
    assert all((m is None) == (lv <= 0) for m, lv in zip(rd.markers(), rd.levels(), strict=True))
    if changed:
        assert rd.undo_stack.count() == 1
        rd.undo_stack.undo()
        assert _rows(rd) == before
        rd.undo_stack.redo()
        assert _rows(rd) == after
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
