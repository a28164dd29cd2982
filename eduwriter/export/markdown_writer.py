"""Markdown export: the same text as the app's own file format (numbers written out)."""

from __future__ import annotations

from eduwriter.compose.markdown_io import blocks_to_markdown
from eduwriter.compose.render import RenderedBlock
from eduwriter.compose.report import Report


def to_markdown(blocks: list[RenderedBlock], report: Report) -> str:
    """Markdown for the rendered blocks; metadata as the front matter."""
    return blocks_to_markdown(blocks, report)
