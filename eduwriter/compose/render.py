"""The one intermediate form between a report and every output.

``render(report)`` turns the report model into a flat list of :class:`RenderedBlock` with the
computed numbers and the official-document roles (title, 主送机关, headings, paragraphs, 附件说明,
署名, 成文日期). The DOCX writer, the Markdown and text writers and the app's preview
(:func:`render_html`) all read this list, so what the writer sees is what gets exported.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from eduwriter.compose.numbering import compute_markers
from eduwriter.compose.report import MAX_LEVEL, Report
from eduwriter.core.slots import SLOT_RE, split_slots

Role = Literal["title", "recipient", "heading", "paragraph", "attachment", "signer", "date"]

__all__ = ["SLOT_RE", "RenderedBlock", "render", "render_html", "unfilled_slots"]


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    """One output paragraph.

    ``text`` is the heading text (without its number) for headings, the paragraph text for
    paragraphs, the attachment name for attachments and the whole line otherwise.
    ``number`` is the computed marker (一、 （一） 1. （1）) of a heading, or ``1.`` for an
    attachment when there are several. ``body`` is run-in body text after a heading.
    ``prefix`` is ``附件：`` on the first attachment line.
    """

    role: Role
    text: str
    level: int = 0
    number: str = ""
    body: str = ""
    hint: bool = False
    prefix: str = ""

    @property
    def heading_line(self) -> str:
        """Number and heading text, e.g. ``一、总体要求``."""
        return f"{self.number}{self.text}"

    @property
    def plain(self) -> str:
        """The whole visible line as plain text."""
        if self.role == "heading":
            return self.heading_line + self.body
        if self.role == "attachment":
            return f"{self.prefix}{self.number}{self.text}"
        return self.text


def render(report: Report) -> list[RenderedBlock]:
    """The report as output paragraphs in order. The report is not modified."""
    out: list[RenderedBlock] = []
    meta = report.meta
    if report.title.strip():
        out.append(RenderedBlock("title", report.title.strip()))
    if meta.recipient.strip():
        recipient = meta.recipient.strip()
        if not recipient.endswith(("：", ":")):
            recipient += "："
        elif recipient.endswith(":"):
            recipient = recipient[:-1] + "："
        out.append(RenderedBlock("recipient", recipient))
    markers = compute_markers(
        [min(max(b.level, 1), MAX_LEVEL) if b.kind == "heading" else None for b in report.blocks]
    )
    for block, marker in zip(report.blocks, markers, strict=True):
        if block.kind == "heading":
            out.append(
                RenderedBlock(
                    "heading",
                    block.text.strip(),
                    level=min(max(block.level, 1), MAX_LEVEL),
                    number=marker or "",
                    body=block.body.strip(),
                    hint=block.hint,
                )
            )
        else:
            out.append(RenderedBlock("paragraph", block.text.strip(), hint=block.hint))
    names = [a.strip() for a in meta.attachments if a.strip()]
    for i, name in enumerate(names):
        out.append(
            RenderedBlock(
                "attachment",
                _strip_attachment_number(name),
                number=f"{i + 1}." if len(names) > 1 else "",
                prefix="附件：" if i == 0 else "",
            )
        )
    if meta.signer.strip():
        out.append(RenderedBlock("signer", meta.signer.strip()))
    if meta.date.strip():
        out.append(RenderedBlock("date", meta.date.strip()))
    return out


_ATTACH_NUM_RE = re.compile(r"^\s*(?:附件\s*[:：]\s*)?(?:\d{1,2}\s*[.．、]\s*)?")


def _strip_attachment_number(name: str) -> str:
    """Attachment names are numbered by the renderer; drop a typed 附件：/1. prefix."""
    stripped = _ATTACH_NUM_RE.sub("", name, count=1).strip()
    # GB/T 9704 §7.3.4: no punctuation after attachment names.
    return stripped.rstrip("。，；;,.") or name.strip()


def unfilled_slots(blocks: list[RenderedBlock]) -> list[str]:
    """Every 【…】 slot still in the output (hint paragraphs aside), duplicates kept once."""
    seen: dict[str, None] = {}
    for blk in blocks:
        if blk.hint:
            continue
        for m in SLOT_RE.finditer(blk.plain):
            seen.setdefault(m.group(0), None)
    return list(seen)


# --- HTML preview ---------------------------------------------------------------------------

_PREVIEW_CSS = """
body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", serif; font-size: 16pt;
       line-height: 28.95pt; letter-spacing: -0.25pt; color: #000; max-width: 442pt;
       margin: 24pt auto; }
p { margin: 0; text-indent: 2em; }
.title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", serif;
         font-size: 22pt; text-align: center; text-indent: 0; letter-spacing: 0;
         margin-bottom: 28.95pt; }
.recipient { text-indent: 0; }
.h1, .run1 { font-family: "SimHei", "黑体", sans-serif; }
.h2, .run2 { font-family: "KaiTi", "楷体", "楷体_GB2312", serif; }
.bold { font-weight: bold; }
.attachment-first { margin-top: 28.95pt; }
.attachment { padding-left: 3em; text-indent: -3em; margin-left: 2em; }
.signer { text-align: right; text-indent: 0; margin-top: 28.95pt; padding-right: 2em; }
.date { text-align: right; text-indent: 0; padding-right: 2em; }
.hint { color: #888; font-style: italic; }
.slot { background: #fff3c4; }
"""


def _esc(text: str) -> str:
    """HTML-escape and highlight 【…】 slots."""
    return "".join(
        f'<span class="slot">{html.escape(piece)}</span>' if slot else html.escape(piece)
        for piece, slot in split_slots(text)
    )


def render_html(report: Report, bold_headings: bool = False) -> str:
    """A complete HTML page previewing the export (same blocks, numbers and roles)."""
    parts = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(report.title or '报告')}</title>",
        f"<style>{_PREVIEW_CSS}</style></head><body>",
    ]
    for blk in render(report):
        cls: list[str] = [blk.role]
        if blk.hint:
            cls.append("hint")
        if blk.role == "title":
            parts.append(f'<h1 class="title">{_esc(blk.text)}</h1>')
        elif blk.role == "heading":
            hcls = f"h{blk.level}"
            if bold_headings and blk.level in (2, 3):
                hcls += " bold"
            if blk.body:
                parts.append(
                    f'<p class="{" ".join(cls)} runin" data-level="{blk.level}">'
                    f'<span class="{hcls}">{_esc(blk.heading_line)}</span>{_esc(blk.body)}</p>'
                )
            else:
                parts.append(
                    f'<p class="{" ".join(cls)} {hcls}" data-level="{blk.level}">'
                    f"{_esc(blk.heading_line)}</p>"
                )
        elif blk.role == "attachment":
            if blk.prefix:
                cls.append("attachment-first")
            line = f"{blk.prefix or '　　　'}{blk.number}{blk.text}"
            parts.append(f'<p class="{" ".join(cls)}">{_esc(line)}</p>')
        else:
            parts.append(f'<p class="{" ".join(cls)}">{_esc(blk.text)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)
