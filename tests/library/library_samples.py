"""Hand-made library items (independent of the importer and the extractor)."""

from __future__ import annotations

from eduwriter.core.items import SourceRef
from eduwriter.library.store import Item


def sample_items() -> list[Item]:
    src = SourceRef("000_plan.txt", "学校德育工作计划", ("一、指导思想",))
    return [
        Item(
            id="ph-guide",
            kind="phrasing",
            function="开头",
            genre="plan",
            text="坚持以习近平新时代中国特色社会主义思想为指导思想，全面贯彻党的教育方针",
            tags=["党建"],
            origin="builtin",
            sources=[src],
            data={"score": 0.9},
        ),
        Item(
            id="ph-exact",
            kind="phrasing",
            function="常用词组",
            text="指导思想",
            origin="builtin",
            data={"score": 0.2},
        ),
        Item(
            id="ph-safety",
            kind="phrasing",
            function="措施",
            genre="plan",
            text="【年份】年，我校将安全教育作为头等大事，校长带头抓落实",
            tags=["安全"],
            origin="builtin",
            sources=[SourceRef("001_safety.txt", "安全工作计划", ("二、主要措施",))],
            data={"score": 0.7, "slots": ["年份"]},
        ),
        Item(
            id="ph-bank",
            kind="phrasing",
            function="成效",
            genre="summary",
            text="与银行合作开展金融知识进校园活动，成效明显",
            origin="imported",
            sources=[SourceRef("imp.txt", "总结", ())],
        ),
        Item(
            id="sk-plan",
            kind="skeleton",
            function="合并结构",
            genre="plan",
            title="工作计划（合并结构）",
            text="指导思想\n工作目标\n主要任务\n保障措施",
            origin="builtin",
            data={"merged": True, "parts": []},
        ),
        Item(
            id="sk-speech",
            kind="skeleton",
            function="文档结构",
            genre="speech",
            title="在全县教育工作会议上的讲话",
            text="开头\n一、充分肯定成绩\n二、明确目标任务",
            origin="builtin",
        ),
    ]
