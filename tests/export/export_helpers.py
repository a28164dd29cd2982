"""Shared helpers for the export tests: sample reports and reading parts of a .docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from eduwriter.compose.report import Report, ReportBlock, ReportMeta

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
BODY = "教育是国之大计、党之大计。我们要坚持以人民为中心发展教育，加快建设高质量教育体系，发展素质教育，促进教育公平。"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def sample_report(paragraph_repeat: int = 1) -> Report:
    return Report(
        title="关于做好2026年全市教育工作的实施方案",
        meta=ReportMeta(
            recipient="各区（县）教育局，局属各学校",
            attachments=["工作任务分解表", "联系人名单"],
            signer="XX市教育局",
            date="2026年11月22日",
        ),
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", BODY * paragraph_repeat),
            ReportBlock("heading", "指导思想", level=2),
            ReportBlock("heading", "认真落实保障措施。", level=3, body="争取各方支持。"),
            ReportBlock("heading", "具体做法", level=4),
            ReportBlock("paragraph", BODY * paragraph_repeat),
            ReportBlock("heading", "工作任务", level=1),
            ReportBlock("paragraph", BODY * paragraph_repeat),
        ],
    )


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


def style_by_name(styles: etree._Element, name: str) -> etree._Element:
    for st in styles.iter(w("style")):
        n = st.find(w("name"))
        if n is not None and n.get(w("val")) == name:
            return st
    raise AssertionError(f"style {name!r} missing")


def val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def body_paragraphs(path: Path) -> list[etree._Element]:
    return part(path, "word/document.xml").findall("w:body/w:p", NS)


def para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))
