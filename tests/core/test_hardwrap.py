"""Hard-wrapped lines (PDF copies) rejoined from the file's own line-length statistics."""

from __future__ import annotations

from eduwriter.core.clean import clean_text
from eduwriter.core.hardwrap import display_width, rejoin_hard_wrapped, wrap_width

PARA = (
    "为进一步加强学校教师队伍建设，全面提升教育教学质量，根据上级有关文件精神，结合我校"
    "实际情况，经学校行政会议研究决定，制定本实施方案，请各处室、各年级组认真组织实施，"
    "确保各项工作落到实处，取得实效，并及时总结经验，不断完善相关制度和工作机制。"
)


def _wrap(text: str, width: int = 36) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _same(x: str) -> str:
    return x


def _join(_first: str, text: str) -> str:
    return text


def test_display_width_counts_cjk_as_two_columns():
    assert display_width("教育ab") == 6


def test_hard_wrapped_paragraphs_are_rejoined_and_markers_start_new_ones():
    heads = ["一、总体要求", "二、主要任务", "三、保障措施", "四、工作步骤", "五、其他"]
    lines = [x for h in heads for x in [h, *_wrap(PARA)]]
    assert wrap_width(lines) is not None
    out = rejoin_hard_wrapped(lines, _same, _join)
    assert out == [x for h in heads for x in [h, PARA]]
    assert rejoin_hard_wrapped(out, _same, _join) == out  # idempotent


def test_a_page_number_inside_a_paragraph_is_kept_after_it():
    wrapped = _wrap(PARA) * 3
    lines = [*wrapped[:2], "7", *wrapped[2:]]
    out = rejoin_hard_wrapped(lines, _same, _join)
    assert "".join(x for x in out if x != "7") == "".join(wrapped)
    assert "7" in out


def test_ordinary_paragraphs_are_left_alone():
    lines = [PARA[: 20 + 7 * k] + "。" for k in range(20)]
    assert wrap_width(lines) is None
    assert rejoin_hard_wrapped(lines, _same, _join) == lines


def test_clean_text_rejoins_a_pdf_copy():
    text = "\n".join(["一、总体要求", *_wrap(PARA), "— 1 —", *_wrap(PARA) * 4])
    lines = clean_text(text).text.splitlines()
    assert lines[0] == "一、总体要求"
    assert PARA in lines[1]


def test_a_short_title_after_a_page_end_is_not_run_into_the_line_before():
    # a page that ends early (an attachment reference), its number, then a cover title
    # of two short lines on the next page: nothing runs on across that page break
    body = _wrap(PARA) * 4
    ref = "见附件5：《第一中学“青蓝计划”项目实施细则》"
    lines = [*body, ref, "17", "第一中学“英才计划”项目", "实施细则", "2019年6月22日", *body]
    out = rejoin_hard_wrapped(lines, _same, _join)
    assert ref in out
    assert "第一中学“英才计划”项目" in out
    # a paragraph broken by a page still runs on (its next line is full)
    lines = [
        *body[:-1],
        body[-1][:20],
        "8",
        body[-1][20:] + "接着写的一整行文字内容这里是满的宽度接着写完啊",
        *body,
    ]
    out = rejoin_hard_wrapped(lines, _same, _join)
    assert "8" in out and body[-1][:20] not in out
