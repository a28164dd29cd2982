"""Which face of the program a command line opens (eduwriter/__main__.py)."""

from pathlib import Path

from eduwriter.__main__ import wants_gui


def test_no_arguments_and_language_open_the_window():
    assert wants_gui([])
    assert wants_gui(["--lang", "en"])


def test_subcommands_go_to_the_command_line():
    assert not wants_gui(["analyze", "x.txt"])
    assert not wants_gui(["library", "stats", "--json"])
    assert not wants_gui(["export", "r.md", "-o", "r.docx"])
    assert not wants_gui(["--version"])


def test_a_report_or_pack_given_by_path_opens_the_window(tmp_path: Path):
    report = tmp_path / "报告.md"
    report.write_text("# 标题\n", encoding="utf-8")
    pack = tmp_path / "同事.ewlib"
    pack.write_bytes(b"PK")
    assert wants_gui([str(report)])
    assert wants_gui([str(pack)])


def test_a_missing_file_is_left_to_the_command_line(tmp_path: Path):
    # the CLI then prints its usage error instead of a window opening on nothing
    assert not wants_gui([str(tmp_path / "nope.md")])
