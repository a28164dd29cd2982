"""The window's command line: --lang and the files to open."""

from __future__ import annotations

from eduwriter.gui.app import split_args


def test_lang_before_the_gui_command_does_not_import_the_word_gui():
    # `eduwriter --lang zh_CN gui report.md` used to import a file named "gui" as a 范文
    assert split_args(["--lang", "zh_CN", "gui", "/tmp/report.md"]) == ("zh_CN", ["/tmp/report.md"])
    assert split_args(["gui", "a.md"]) == (None, ["a.md"])
    assert split_args(["a.md", "--lang", "en"]) == ("en", ["a.md"])
    assert split_args([]) == (None, [])
