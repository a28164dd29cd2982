"""The PyInstaller bundle runs on its own: nothing the program needs is left out.

Builds the one-folder bundle with packaging/build.py into a temporary folder (about a minute),
or uses an existing one from ``EDUWRITER_BUNDLE_DIR`` (the Windows CI job builds once and tests
that), then runs the bundled programs headless with an isolated data folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IS_WIN = sys.platform.startswith("win")
EXE = ".exe" if IS_WIN else ""

pytestmark = pytest.mark.slow


def _project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("EDUWRITER_BUNDLE_DIR")
    if given:
        path = Path(given)
        assert (path / f"EduWriter{EXE}").exists(), f"no EduWriter{EXE} in {path}"
        return path
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("EDUWRITER_REQUIRE_BUNDLE") == "1":
            pytest.fail("EDUWRITER_REQUIRE_BUNDLE=1 but PyInstaller is not installed")
        pytest.skip(
            "PyInstaller is not installed (it comes with pip install -e .[test]); bundle not built"
        )
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--no-installer",
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "dist" / "EduWriter"


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    """Headless, and everything the program writes goes below tmp_path."""
    env = dict(os.environ)
    for key in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(key, None)  # the bundle must not lean on the development environment
    env.update(
        QT_QPA_PLATFORM="offscreen",
        EDUWRITER_DATA_DIR=str(tmp_path / "data"),
        EDUWRITER_LIBRARY=str(tmp_path / "data" / "library.db"),
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        APPDATA=str(tmp_path / "appdata"),
        LOCALAPPDATA=str(tmp_path / "localappdata"),
        PYTHONIOENCODING="utf-8",
    )
    (tmp_path / "home").mkdir()
    return env


def _run(
    bundle: Path, program: str, args: list[str], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / f"{program}{EXE}"), *args],
        env=env,
        cwd=cwd,  # not the source tree: imports must come from the bundle
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


def _bundled_sample(bundle: Path) -> Path:
    samples = sorted((bundle / "_internal" / "eduwriter" / "resources" / "samples").glob("*.txt"))
    assert len(samples) == 5, "the five samples for the first-start library are bundled"
    return next(p for p in samples if p.name.startswith("002_"))


def test_version(bundle, isolated_env, tmp_path) -> None:
    result = _run(bundle, "eduwriter-cli", ["--version"], isolated_env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"EduWriter {_project_version()}"


def test_resources_are_bundled(bundle) -> None:
    res = bundle / "_internal" / "eduwriter" / "resources"
    assert (res / "icons" / "eduwriter.png").is_file()
    assert (res / "icons" / "eduwriter.ico").is_file()
    assert (res / "docx" / "base.docx").is_file()
    # Qt's own Chinese strings (standard buttons 确定/取消/关闭, file dialogs) come along
    assert list(bundle.rglob("qtbase_zh_CN.qm")), "Qt's Chinese translation is missing"
    assert not list(bundle.rglob("qtbase_de.qm")), "other Qt languages should be left out"
    ts_files = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    for ts in ts_files:
        assert (res / "translations" / ts.with_suffix(".qm").name).is_file(), ts.name


def test_analyze_bundled_sample(bundle, isolated_env, tmp_path) -> None:
    sample = _bundled_sample(bundle)
    result = _run(
        bundle, "eduwriter-cli", ["analyze", "--json", str(sample)], isolated_env, tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    documents = data["files"][0]["documents"]
    assert documents, "analyze found no document in the bundled sample"
    headings = [b for b in documents[0]["blocks"] if b["kind"] == "heading"]
    assert any(h["marker"] == "一、" for h in headings)


def test_library_build_and_pinyin_search(bundle, isolated_env, tmp_path) -> None:
    db = tmp_path / "lib.db"
    built = _run(
        bundle, "eduwriter-cli", ["library", "build", "--db", str(db)], isolated_env, tmp_path
    )
    assert built.returncode == 0, built.stderr
    found = _run(
        bundle,
        "eduwriter-cli",
        ["library", "search", "--db", str(db), "--json", "aqwd"],  # 安全稳定 by pinyin initials
        isolated_env,
        tmp_path,
    )
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["results"]
    assert any("安全稳定" in hit["text"] for hit in hits)


def test_export_docx(bundle, isolated_env, tmp_path) -> None:
    report = tmp_path / "方案.md"
    report.write_text(
        "# 关于加强校园安全工作的实施方案\n\n## 总体要求\n\n坚持安全第一。\n", encoding="utf-8"
    )
    out = tmp_path / "方案.docx"
    result = _run(
        bundle, "eduwriter-cli", ["export", str(report), "-o", str(out)], isolated_env, tmp_path
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "总体要求" in xml
    assert "一、" in xml  # the official number was computed, not typed


def test_window_opens_and_closes(bundle, isolated_env, tmp_path) -> None:
    env = dict(isolated_env, EDUWRITER_SMOKE_QUIT_MS="1500", EDUWRITER_SMOKE_TIMEOUT_MS="90000")
    program = "EduWriter" if not IS_WIN else "eduwriter-cli"  # windowed .exe has no stdout
    args = [] if not IS_WIN else ["gui"]
    result = _run(bundle, program, args, env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "EDUWRITER-SMOKE window-shown class=MainWindow" in result.stdout
    assert "EDUWRITER-SMOKE window-closed" in result.stdout
    log = tmp_path / "data" / "logs" / "eduwriter.log"
    assert log.is_file(), "the crash handler writes its log in the user's log folder"
    assert "Traceback" not in log.read_text(encoding="utf-8")
