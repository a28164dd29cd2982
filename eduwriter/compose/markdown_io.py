"""Report <-> Markdown: the file format of the app's save and open.

The file reads well in any editor or Markdown viewer::

    ---
    主送机关: 各区（县）教育局，局属各学校
    附件:
      - 2026年工作任务分解表
    署名: XX市教育局
    成文日期: 2026年11月22日
    ---

    # 关于做好2026年教育工作的实施方案

    ## 一、总体要求

    正文段落……

    ### （一）指导思想

    **1.认真落实保障措施。**争取各方支持……

* The title is ``# …``; headings are ``##`` (level 1) to ``#####`` (level 4) and are written
  WITH their computed numbers; the numbers are stripped again on reading (they are computed,
  never stored).
* A heading that runs into its body text (run-in) is a paragraph starting with the bold
  numbered heading: ``**1.认真落实保障措施。**争取……``; the level comes from the marker.
* A placeholder (hint) paragraph from a skeleton is a quote preceded by a comment line
  (invisible in a Markdown viewer)::

      <!-- 提示 -->
      > 【在此概述…】

  Only such marked quotes are hints. An older file's quote whose whole text is one bracketed
  hint (``> 【在此概述…】``) is read as a hint too; any other quote (``> 习近平总书记指出…``) is
  an ordinary body paragraph.
* Slots such as 【年份】 are plain text.
* When a body paragraph starts like a typed heading number (``（一）…``, ``1. …``) or the
  report has no headings, the comment line ``<!-- 段首编号为正文，不是标题 -->`` after the
  front matter tells the reader to keep every paragraph as written.

Reading tolerates hand-written Markdown: one paragraph per line (Chinese text is not
hard-wrapped), headings of any depth (levels are taken relative to the shallowest), headings
with or without typed numbers, emphasis and a missing front matter. Nothing typed is lost:
ordered list items keep their numbers (``1. 第一条``), bullets become ``· 列表项``, a table
becomes one paragraph per row with the cells separated by an ideographic space. Typed
official numbering (一、 （一） 1. （1）) becomes headings through the importer's outline
parser when the file has no Markdown headings besides the title; in a file with Markdown
headings, a short title-like numbered line one level below the heading above it becomes a
heading too.
"""

from __future__ import annotations

from eduwriter.compose.markdown_read import MarkdownReadError, read_report, report_from_markdown
from eduwriter.compose.markdown_syntax import HINT_MARK, PLAIN_MARK, split_marker
from eduwriter.compose.markdown_write import blocks_to_markdown, report_to_markdown, write_report
from eduwriter.compose.typed_numbering import blocks_from_typed_numbering

__all__ = [
    "HINT_MARK",
    "PLAIN_MARK",
    "MarkdownReadError",
    "blocks_from_typed_numbering",
    "blocks_to_markdown",
    "read_report",
    "report_from_markdown",
    "report_to_markdown",
    "split_marker",
    "write_report",
]
