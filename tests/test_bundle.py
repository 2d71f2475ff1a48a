"""The PyInstaller bundle builds from build.spec and passes its self-test, offscreen and under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed in this environment (pip install '.[bundle]')")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pyinstaller"),
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1500,
    )
    exe = work / "dist" / "MentorDesk" / "MentorDesk"
    assert exe.exists()
    return exe


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM", "DISPLAY")}
    env.update(extra)
    return env


@pytest.mark.slow
def test_bundle_self_test_offscreen(bundle, tmp_path):
    result = subprocess.run(
        [str(bundle), "--self-test"],
        capture_output=True,
        text=True,
        timeout=600,
        env=_clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert (bundle.parent / "_internal" / "mentordesk" / "store" / "migrations" / "versions").is_dir()


@pytest.mark.slow
def test_bundle_self_test_under_xvfb(bundle, tmp_path):
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (apt-get install xvfb xauth)")
    result = subprocess.run(
        ["xvfb-run", "-a", str(bundle), "--self-test"],
        capture_output=True,
        text=True,
        timeout=600,
        env=_clean_env(HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


@pytest.mark.slow
def test_bundle_keeps_the_matplotlib_cache_between_starts(bundle, tmp_path):
    env = _clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = tmp_path / "c.svg"
    for _ in range(2):
        subprocess.run(
            [str(bundle), "--db", str(tmp_path / "m.db"), "demo", "--force"],
            check=True,
            env=env,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            [str(bundle), "--db", str(tmp_path / "m.db"), "export", "chart", "meetings", str(out)],
            check=True,
            env=env,
            capture_output=True,
            timeout=300,
        )
    caches = list((tmp_path / "cache" / "MentorDesk" / "matplotlib").glob("fontlist-*.json"))
    assert caches, "the font cache should live in the user's cache folder"
