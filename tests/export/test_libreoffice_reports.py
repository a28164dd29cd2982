"""Three realistic reports on LibreOffice: a 通知 with attachments and 版记, a four-level 工作总结
(sealed), a 实施方案 with a long title — plus paragraphs that end a full line with "，".

All documents are converted in one LibreOffice run (a few seconds). For every document the text
of document.xml must come back whole from the PDF: no character may be lost (LibreOffice 7.4
did not draw a "，" it hung past the end of a full justified line).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_libreoffice import PT_PER_MM, XHTML, _tools

from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.core import words
from eduwriter.export import export_report

pytestmark = pytest.mark.slow

CHAR = 15.75  # pt: one body character with the condensed pitch
LEFT = 28 * PT_PER_MM
PAGE_NUMBER = re.compile(r"—\s*\d+\s*—")

NOTICE = Report(
    title="关于开展2026年中小学校园安全隐患排查整治工作的通知",
    meta=ReportMeta(
        recipient="各区（县）教育局，高新区社会事业局，市直属各学校，各民办中小学校",
        attachments=[
            "2026年中小学校园安全隐患排查整治工作任务分解表及责任单位和完成时限一览表",
            "联系人回执",
        ],
        signer="XX市教育局",
        date="2026年3月2日",
        doc_number="X教（2026）5号",
        copy_to="市政府办公室，市公安局，市应急管理局",
        printer="XX市教育局办公室",
        print_date="2026年3月2日",
    ),
    blocks=[
        ReportBlock(
            "paragraph",
            "为认真贯彻落实上级关于加强校园安全工作的部署要求，经研究，决定在全市中小学开展校园"
            "安全隐患排查整治工作。现将有关事项通知如下。",
        ),
        ReportBlock("heading", "工作目标", level=1),
        ReportBlock(
            "paragraph",
            "通过排查整治，全面消除校舍、消防、食品、交通等方面的安全隐患，健全校园安全管理"
            "长效机制，确保师生生命财产安全。",
        ),
        ReportBlock("heading", "工作要求", level=1),
        ReportBlock(
            "paragraph",
            "各单位要高度重视，明确责任分工，于3月20日前将排查整治情况报市教育局安全科。",
        ),
    ],
)

SUMMARY = Report(
    title="XX区教育局2026年上半年工作总结",
    meta=ReportMeta(signer="XX区教育局", date="2026年7月10日", sealed=True),
    blocks=[
        ReportBlock("heading", "主要工作及成效", level=1),
        ReportBlock("heading", "坚持立德树人，德育工作扎实推进", level=2),
        ReportBlock("heading", "思政课程建设。", level=3, body="全区中小学开齐开足思政课程。"),
        ReportBlock("heading", "课程资源", level=4),
        ReportBlock(
            "paragraph",
            "编写地方课程读本，组织开展主题教育活动，参与学生覆盖全区所有中小学校，"
            "家长满意度明显提升。",
        ),
        ReportBlock("heading", "存在的问题", level=1),
        ReportBlock("paragraph", "优质教育资源总量不足，城乡之间、校际之间仍有差距。"),
    ],
)

PLAN = Report(
    title="关于进一步深化中小学课后服务提质增效推动教育高质量发展的实施方案",
    blocks=[
        ReportBlock("heading", "总体要求", level=1),
        ReportBlock(
            "paragraph",
            "以办好人民满意的教育为目标，坚持公益普惠，不断提升课后服务质量和水平，"
            "更好满足学生多样化学习需求。",
        ),
        ReportBlock("heading", "保障措施", level=1),
        ReportBlock("paragraph", "各校要加强组织领导，完善经费保障机制，强化督导评估。"),
    ],
)


def _comma_report() -> Report:
    # the "，" falls at the end of a full line in one of these paragraphs (28 per line)
    head = "为深入贯彻落实全市教育工作会议精神和市委市政府工作部署"
    tail = (
        "经研究决定在全市范围内开展教育质量提升行动，现就有关事项通知如下。请各单位认真组织实施。"
    )
    return Report(
        title="关于开展教育质量提升行动的通知",
        blocks=[ReportBlock("paragraph", head[: 25 - i] + "，" + tail) for i in range(8)],
    )


def _closing_report() -> Report:
    # 17 one-line paragraphs, then a 5-line last paragraph that does not fit on page 1
    body = "教育是国之大计、党之大计。我们要坚持以人民为中心发展教育，加快建设高质量教育体系。"
    return Report(
        title="关于做好教育工作的通知",
        meta=ReportMeta(signer="XX市教育局", date="2026年11月22日"),
        blocks=[ReportBlock("paragraph", f"{i:02d}{body[:22]}") for i in range(17)]
        + [ReportBlock("paragraph", "最后" + body * 3)],
    )


def _pages(html: Path) -> list[dict]:
    root = etree.parse(str(html)).getroot()
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = []
        for line in page.iter(f"{XHTML}line"):
            text = "".join(wd.text or "" for wd in line.iter(f"{XHTML}word"))
            lines.append(
                {
                    "text": text,
                    "xmin": float(line.get("xMin")),
                    "xmax": float(line.get("xMax")),
                    "ymin": float(line.get("yMin")),
                    "ymax": float(line.get("yMax")),
                }
            )
        lines.sort(key=lambda ln: (round(ln["ymin"]), ln["xmin"]))
        pages.append({"height": float(page.get("height")), "lines": lines})
    return pages


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[dict]]]:
    soffice, pdftotext = _tools()
    tmp = tmp_path_factory.mktemp("reports")
    docs = {
        "notice": NOTICE,
        "summary": SUMMARY,
        "plan": PLAN,
        "comma": _comma_report(),
        "closing": _closing_report(),
    }
    paths = []
    for name, report in docs.items():
        path = tmp / f"{name}.docx"
        # digits in the Chinese font: this machine has no Times New Roman (nor a metric twin),
        # and the offsets below are measured against the grid's half-width digits
        export_report(report, path, fonts="installed", latin_font=None)
        paths.append(str(path))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            *paths,
        ],
        capture_output=True,
        timeout=300,
    )
    out = {}
    for name in docs:
        pdf = tmp / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}"
        html = tmp / f"{name}.html"
        subprocess.run([pdftotext, "-bbox-layout", str(pdf), str(html)], check=True, timeout=60)
        out[name] = (tmp / f"{name}.docx", _pages(html))
    return out


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "".join(t.text or "" for t in root.iter(f"{w}t"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", PAGE_NUMBER.sub("", text))


@pytest.mark.parametrize("name", ["notice", "summary", "plan", "comma", "closing"])
def test_no_character_is_lost_between_the_document_and_the_pdf(converted, name: str):
    docx_path, pages = converted[name]
    pdf_text = _squash("".join(ln["text"] for p in pages for ln in p["lines"]))
    assert pdf_text == _squash(_docx_text(docx_path))


def test_notice_attachment_wraps_under_the_name_and_imprint_sits_on_an_even_page(converted):
    _, pages = converted["notice"]
    lines = [ln for p in pages for ln in p["lines"]]
    first = next(k for k, ln in enumerate(lines) if ln["text"].startswith("附件："))
    assert abs(lines[first]["xmin"] - (LEFT + 2 * CHAR)) < 3
    wrapped = lines[first + 1]
    assert not wrapped["text"].startswith("2.")
    # the name starts after "附件：1." (5 characters of indent and label, then "1." in
    # Times New Roman): the wrapped line starts there too, not under "1."
    assert wrapped["xmin"] > LEFT + 5 * CHAR + 5, wrapped
    assert wrapped["xmin"] < LEFT + 6 * CHAR + 3, wrapped
    second = lines[first + 2]
    assert second["text"].startswith("2.")
    assert abs(second["xmin"] - (LEFT + 5 * CHAR)) < 3
    # 发文字号 written with 〔〕
    assert any("X教〔2026〕5号" in ln["text"] for ln in lines)
    # 版记 at the foot of an even page
    k = next(i for i, p in enumerate(pages) if any("抄送" in ln["text"] for ln in p["lines"]))
    assert (k + 1) % 2 == 0, f"版记 on page {k + 1}"
    # the last lines of the document; (LibreOffice 7.4 does not honour the floating table's
    # position at the foot of the 版心 that Word uses: there it follows the 成文日期)
    text = [ln["text"] for ln in pages[k]["lines"] if not PAGE_NUMBER.fullmatch(ln["text"])]
    assert any(t.startswith("抄送：") for t in text[-3:]), text
    assert text[-1].endswith("印发"), text
    # 主送机关 wraps flush left (§7.3.2 回行时仍顶格)
    rec = next(k for k, ln in enumerate(lines) if ln["text"].startswith("各区"))
    assert abs(lines[rec]["xmin"] - LEFT) < 3
    assert abs(lines[rec + 1]["xmin"] - LEFT) < 3


def test_sealed_summary_date_is_four_characters_in_and_signer_centred_above(converted):
    _, pages = converted["summary"]
    lines = [ln for p in pages for ln in p["lines"]]
    date = next(ln for ln in lines if ln["text"] == "2026年7月10日")
    signer = next(ln for ln in lines if ln["text"] == "XX区教育局")
    right = 210 * PT_PER_MM - 26 * PT_PER_MM
    assert abs(date["xmax"] - (right - 4 * CHAR)) < 4, date
    centre = (date["xmin"] + date["xmax"]) / 2
    # LibreOffice 7.4 ignores w:autoSpaceDE/DN="0" and adds space around the date's digits,
    # which Word (autoSpace off) does not: the date is about 1.5 characters wider here
    assert abs((signer["xmin"] + signer["xmax"]) / 2 - centre) < 1.2 * CHAR
    assert date["xmin"] < signer["xmin"] and signer["xmax"] < date["xmax"]
    assert any(ln["text"].startswith("（1）课程资源") for ln in lines)


def test_long_title_breaks_between_words_and_is_centred(converted):
    _, pages = converted["plan"]
    title = PLAN.title
    lines = pages[0]["lines"][:3]
    got, k = [], 0
    for ln in lines:
        if k >= len(title):
            break
        got.append(ln)
        k += len(ln["text"])
    assert "".join(ln["text"] for ln in got) == title
    assert len(got) == 2
    cut = len(got[0]["text"])
    assert cut in words.boundaries(title)
    centre = (LEFT + 210 * PT_PER_MM - 26 * PT_PER_MM) / 2
    for ln in got:
        assert abs((ln["xmin"] + ln["xmax"]) / 2 - centre) < 6, ln


def test_a_long_last_paragraph_splits_instead_of_leaving_empty_lines_at_the_foot(converted):
    _, pages = converted["closing"]
    first = [ln for ln in pages[0]["lines"] if not PAGE_NUMBER.fullmatch(ln["text"])]
    last_paragraph = _closing_report().blocks[-1].text
    assert first[-1]["text"] in last_paragraph, first[-1]  # it split across the pages
    bottom = pages[0]["height"] - 35 * PT_PER_MM
    assert first[-1]["ymax"] > bottom - 2 * 28.95, "empty lines left at the foot of page 1"
    # the 署名 still has body text on its page (§7.3.5)
    second = [ln["text"] for ln in pages[1]["lines"]]
    assert second.index("XX市教育局") >= 2
