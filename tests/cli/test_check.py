import json
from pathlib import Path

import pytest

from eduwriter.cli.main import run_cli

GOOD = "关于开学工作的通知\n各学校：\n请认真落实。\n示范市教育局\n2026年8月20日\n"
BAD = "关于开学工作的通知\n各学校：\n截止目前，已完成。\n示范市教育局\n2026年8月20日\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path / "data"))


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "good.txt", GOOD)
    assert run_cli(["check", str(path), "--lang", "zh"]) == 0
    assert "0 个错误" in capsys.readouterr().out


def test_errors_exit_one_with_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "bad.txt", BAD)
    assert run_cli(["check", str(path), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:1: 错误 [number.jiezhi]" in out
    assert "→ “截至”" in out


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.txt", BAD)
    run_cli(["check", str(path), "--lang", "en"])
    out = capsys.readouterr().out
    assert ": error [number.jiezhi] 截至 (up to)" in out


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.txt", BAD)
    assert run_cli(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    [entry] = data["files"]
    assert (entry["errors"], entry["genre"]) == (1, "通知")
    assert entry["findings"][0]["location"]["line"] == 3


def test_unreadable_file_gets_one_line_and_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = _write(tmp_path, "good.txt", GOOD)
    code = run_cli(["check", str(tmp_path / "missing.txt"), str(binary), str(good)])
    captured = capsys.readouterr()
    assert code == 2
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert all(line.startswith("错误：") for line in errors)
    assert "missing.txt" in errors[0]
    assert "good.txt：0 个错误" in captured.out


def test_damaged_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert run_cli(["check", str(path)]) == 2
    assert "broken.docx" in capsys.readouterr().err


def test_docx_is_checked_through_the_report(tmp_path: Path) -> None:
    from eduwriter.compose.report import Report, ReportBlock, ReportMeta
    from eduwriter.export import export_report

    report = Report(
        "关于开学工作的通知",
        ReportMeta(recipient="各学校", signer="示范市教育局", date="2026年8月20日"),
        [ReportBlock("paragraph", "截止目前，已完成。")],
    )
    out = tmp_path / "draft.docx"
    export_report(report, out, fmt="docx")
    assert run_cli(["check", str(out), "--json"]) == 1


def test_user_dictionary_option(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", BAD)
    words = _write(tmp_path, "words.txt", "[规则]\nnumber.jiezhi\n")
    assert run_cli(["check", str(path), "--dictionary", str(words)]) == 0


def test_dictionary_in_the_data_folder_is_used(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.txt", BAD)
    data = tmp_path / "data"
    data.mkdir()
    (data / "check_dictionary.txt").write_text("[词语]\n截止\n", encoding="utf-8")
    assert run_cli(["check", str(path)]) == 0


def test_gbk_file_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(BAD.encode("gbk"))
    assert run_cli(["check", str(path), "--lang", "zh"]) == 1
    assert "[number.jiezhi]" in capsys.readouterr().out


def test_file_over_50_mb_is_refused_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: nothing is written
    assert run_cli(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "文件太大" in err and "file too large" in err
