"""Plain-text export: one paragraph per line, ready to paste into a web form or an e-mail.

Body paragraphs and headings start with two ideographic spaces (the 2-character indent of
official writing); the title is on its own line followed by a blank line; 署名 and 成文日期
follow after a blank line.
"""

from __future__ import annotations

from eduwriter.compose.render import RenderedBlock

INDENT = "\u3000\u3000"


def to_text(blocks: list[RenderedBlock]) -> str:
    """The rendered blocks as plain text (``\\n`` line ends, final newline)."""
    lines: list[str] = []
    prev = ""
    for blk in blocks:
        if blk.role == "title":
            lines += [blk.text, ""]
        elif blk.role == "recipient":
            lines.append(blk.text)
        elif blk.role == "heading":
            lines.append(INDENT + blk.plain)
        elif blk.role == "paragraph":
            if blk.text:
                lines.append(INDENT + blk.text)
        elif blk.role == "attachment":
            if blk.prefix:
                lines.append("")
            lines.append(INDENT + (blk.prefix or "\u3000" * 3) + blk.number + blk.text)
        elif blk.role == "signer":
            lines += ["", blk.text]
        elif blk.role == "date":
            if prev != "signer":
                lines.append("")
            lines.append(blk.text)
        prev = blk.role
    return "\n".join(lines).rstrip("\n") + "\n"
