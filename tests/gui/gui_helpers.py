"""Helpers shared by the app tests (report text as the writer sees it)."""

from __future__ import annotations

DEMO_MD = """# 关于做好2026年秋季学期教育工作的实施方案

为深入贯彻落实全国教育大会精神，结合【地区】教育工作实际，制定本方案。

## 一、总体要求

### （一）指导思想

坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。

### （二）工作目标

到【年份】年底，【地区】义务教育优质均衡发展水平明显提升。

## 二、主要任务

### （一）加强师资队伍建设

**1.完善教师培训体系。**全年培训教师不少于【数量】人次。

## 三、保障措施

> 【在此填写组织领导、经费保障等内容…】
"""


def visible_lines(rd) -> list[str]:
    """Every block as the writer sees it: computed number + text."""
    return rd.plain_text().split("\n")


def heading_lines(rd) -> list[str]:
    return [f"{h.marker}{h.text}" for h in rd.headings()]
