"""Raw bytes and generated text into every reader: never a crash, a clear message or a result,
and nothing invented."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fuzz_helpers import cli, examples, has_chinese
from hypothesis import given, settings
from hypothesis import strategies as st

from eduwriter.core.importer import analyze_files

NUMBERING = "一二三四五六七八九十0123456789、.（）()"
SLOT_NAMES = "【】年份日期地区单位数量文号待填姓名学校百分比金额人名组织"
SUFFIXES = [".txt", ".md", ".html", ".htm", ".docx"]

#: Characters 公文 text is made of, plus the ones that break readers.
TOKENS = st.sampled_from(
    list("一二三四五六七八九十（）()、.．。，；：“”《》【】XＸ_—…0123456789年月日")
    + list("教育局学校工作计划总结要求任务措施双减立德树人")
    + ["\n", "\r\n", "\t", " ", "\u3000", "\ufeff", "\x00", "\u200b", "<p>", "</p>", "# "]
)


@settings(max_examples=examples(150))
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_a_result_or_a_clear_message(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"范文{suffix}"
        path.write_bytes(data)
        [res] = analyze_files([path])
        if res.error:
            assert has_chinese(res.error), res.error
            assert "Traceback" not in res.error


@settings(max_examples=examples(150))
@given(
    text=st.lists(TOKENS, max_size=300).map("".join),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
)
def test_generated_text_is_read_without_inventing_content(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "范文.txt"
        path.write_bytes(text.encode(encoding, errors="ignore"))
        [res] = analyze_files([path])
    if res.error:
        assert has_chinese(res.error)
        return
    source = "".join(text.split())
    for doc in res.documents:
        for heading in _headings(doc):
            # every heading's characters come from the input (numbers may be normalised)
            allowed = set(source) | set(NUMBERING) | set(SLOT_NAMES)
            assert set("".join(heading.split())) <= allowed, heading


def _headings(doc) -> list[str]:
    return [b.text for b in doc.headings]


@settings(max_examples=examples(30))
@given(data=st.binary(min_size=1, max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_the_command_line_never_crashes_on_bad_files(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bad = Path(tmp) / f"坏文件{suffix}"
        bad.write_bytes(data)
        good = Path(tmp) / "好文件.txt"
        good.write_text(
            "一、总体要求\n坚持立德树人。\n二、主要任务\n落实双减。\n", encoding="utf-8"
        )
        run = cli("analyze", "--json", bad, good)
        assert run.code in (0, 1)
        assert "好文件" in run.out or "总体要求" in run.out  # the good file is still analysed
