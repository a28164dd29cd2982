"""Library and importer messages in the interface language."""

from eduwriter.gui.messages import english_gloss, ui_message


def test_store_messages_show_their_english_part_in_an_english_ui():
    binary = "无法读取：这是二进制文件，不是文本，请另存为 .txt 或 .docx 后再导入 (binary file)"
    assert english_gloss(binary) == "binary file"
    assert ui_message(binary, english=True) == "Binary file"
    assert ui_message(binary, english=False) == binary
    # Chinese asides in parentheses are not English glosses; a message without one stays whole.
    aside = "无法读取：文件是空的（请检查）"
    assert english_gloss(aside) == ""
    assert ui_message(aside, english=True) == aside
