"""Stored analyses back into documents: the domain survives, and old analyses get one."""

from eduwriter.core.importer import analyze_text
from eduwriter.library.derive import result_from_json

TEXT = (
    "关于做好2026年义务教育课后服务工作的通知\n各中小学：\n"
    "一、总体要求\n坚持立德树人，落实“双减”政策，提升学校课后服务质量，促进学生全面发展。\n"
    "二、主要任务\n各校要开设科技、体育、艺术等课程，教师要加强作业设计。\n"
)


def test_domain_round_trips_through_the_stored_json():
    result = analyze_text(TEXT, "通知.txt")
    assert result.documents[0].domain == "education"
    data = result.to_json()
    assert data["documents"][0]["domain"] == "education"
    assert result_from_json(data).documents[0].domain == "education"


def test_an_analysis_stored_before_domains_is_judged_from_its_text():
    data = analyze_text(TEXT, "通知.txt").to_json()
    for doc in data["documents"]:
        del doc["domain"]
    assert result_from_json(data).documents[0].domain == "education"
