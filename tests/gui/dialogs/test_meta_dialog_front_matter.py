"""The 主送/附件/落款 dialog carries the whole 公文's front matter: 版头, 版记 and the seal."""

from __future__ import annotations


def test_front_matter_fields_are_saved_and_the_doc_number_is_checked(window, demo_report, tmp_path):
    from eduwriter.compose.markdown_io import read_report
    from eduwriter.gui.dialogs.meta_dialog import MetaDialog

    window.rd.set_report(demo_report)
    dialog = MetaDialog(window.rd, window)
    dialog.show()
    dialog.doc_number.setText("X教[2026]05号")
    # the writer sees how it will be written before pressing OK
    assert dialog.doc_number_note.isVisible()
    assert "〔〕" in dialog.doc_number_note.text()
    dialog.issuer.setText("张三")
    dialog.urgency.setCurrentText("特急")
    dialog.copy_to.setText("市政府办公室")
    dialog.printer.setText("XX市教育局办公室")
    dialog.print_date.setText("2026年3月2日")
    dialog.sealed.setChecked(True)
    dialog.accept()
    out = tmp_path / "版记.md"
    assert window.files._write(str(out))
    meta = read_report(out).meta
    assert meta.doc_number == "X教〔2026〕5号"
    assert (meta.issuer, meta.urgency, meta.copy_to) == ("张三", "特急", "市政府办公室")
    assert (meta.printer, meta.print_date, meta.sealed) == (
        "XX市教育局办公室",
        "2026年3月2日",
        True,
    )
    # reopening the dialog shows what was saved; a correct number needs no note
    again = MetaDialog(window.rd, window)
    again.show()
    assert again.doc_number.text() == "X教〔2026〕5号"
    assert again.sealed.isChecked()
    assert not again.doc_number_note.isVisible()
    window.rd.undo_stack.undo()
    assert window.rd.meta.doc_number == ""
