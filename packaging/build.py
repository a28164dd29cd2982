"""Build EduWriter for distribution.

    python packaging/build.py                  # translations, PyInstaller bundle, (Windows) installer
    python packaging/build.py --no-installer   # the bundle only
    python packaging/build.py --dist D --work W
    python packaging/build.py --installer-only   # Inno Setup on an existing bundle (Windows)

The version comes from pyproject.toml. On Windows, after the one-folder bundle
(dist/EduWriter/EduWriter.exe) the Inno Setup compiler (ISCC.exe) builds
dist/EduWriter-<version>-setup.exe; on Linux only the bundle is built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
IS_WIN = sys.platform.startswith("win")
TRANSLATION_SCRIPTS = ("scripts/build_translations.py", "scripts/build_qm.py")


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    with pyproject.open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def build_translations() -> bool:
    """Run the project's translation build step (.ts -> .qm) if it exists."""
    for rel in TRANSLATION_SCRIPTS:
        script = ROOT / rel
        if script.exists():
            _run([sys.executable, str(script)], cwd=ROOT)
            return True
    ts_files = list((ROOT / "resources" / "translations").glob("*.ts"))
    if ts_files:
        print(f"WARNING: {len(ts_files)} .ts file(s) but no translation build script found")
    return False


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on packaging/eduwriter.spec; return the bundle folder."""
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(HERE / "eduwriter.spec"),
        ],
        cwd=ROOT,
    )
    bundle = dist / "EduWriter"
    exe = bundle / ("EduWriter.exe" if IS_WIN else "EduWriter")
    if not exe.exists():
        raise SystemExit(f"PyInstaller finished but {exe} is missing")
    return bundle


def find_iscc() -> str | None:
    """ISCC.exe: $ISCC, then PATH, then the usual install folders (Inno Setup 6 or later)."""
    candidates = [
        os.environ.get("ISCC", ""),
        shutil.which("ISCC") or "",
        shutil.which("iscc") or "",
    ]
    bases = [os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        bases.append(str(Path(local) / "Programs"))
    for base in filter(None, bases):
        # newest first: "Inno Setup 7" before "Inno Setup 6"
        for folder in sorted(Path(base).glob("Inno Setup*"), reverse=True):
            candidates.append(str(folder / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).exists()), None)


def build_installer(bundle: Path, out_dir: Path, version: str) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit(
            "Inno Setup (ISCC.exe) not found: install it (choco install innosetup) or set ISCC."
        )
    _run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={bundle}",
            f"/O{out_dir}",
            str(HERE / "installer.iss"),
        ],
        cwd=HERE,
    )
    setup = out_dir / f"EduWriter-{version}-setup.exe"
    if not setup.exists():
        raise SystemExit(f"ISCC finished but {setup} is missing")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the EduWriter bundle and installer.")
    parser.add_argument("--dist", type=Path, default=HERE / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=HERE / "build", help="PyInstaller work folder")
    parser.add_argument("--no-installer", action="store_true", help="skip Inno Setup (Windows)")
    parser.add_argument("--no-translations", action="store_true", help="skip the .qm build step")
    parser.add_argument(
        "--installer-only",
        action="store_true",
        help="only run Inno Setup on the bundle already in --dist (Windows)",
    )
    ns = parser.parse_args(argv)

    version = project_version()
    print(f"EduWriter {version} — {sys.platform}", flush=True)
    if ns.installer_only:
        setup = build_installer(ns.dist.resolve() / "EduWriter", ns.dist.resolve(), version)
        print(f"installer: {setup} ({setup.stat().st_size / 1_000_000:.1f} MB)", flush=True)
        return 0
    started = time.monotonic()
    if not ns.no_translations:
        build_translations()
    bundle = build_bundle(ns.dist.resolve(), ns.work.resolve())
    took = time.monotonic() - started
    size_mb = folder_size(bundle) / 1_000_000
    print(f"bundle: {bundle} ({size_mb:.1f} MB, {took:.0f} s)", flush=True)
    if IS_WIN and not ns.no_installer:
        setup = build_installer(bundle, ns.dist.resolve(), version)
        print(f"installer: {setup} ({setup.stat().st_size / 1_000_000:.1f} MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
