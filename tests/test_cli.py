from __future__ import annotations

import subprocess
import sys

import pytest

from mentordesk import __version__
from mentordesk.cli import main


def run(*argv, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *argv], capture_output=True, text=True, cwd=cwd, timeout=180
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"MentorDesk {__version__}"


def test_demo_then_check(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    assert main(["--db", db, "demo", "--seed", "2"]) == 0
    assert "10 relationships" in capsys.readouterr().out
    assert main(["--db", db, "check"]) == 0
    assert "healthy" in capsys.readouterr().out


def test_demo_refuses_a_non_empty_database_without_force(tmp_path, capsys):
    db = str(tmp_path / "m.db")
    main(["--db", db, "demo"])
    capsys.readouterr()
    assert main(["--db", db, "demo"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "--force" in err
    assert main(["--db", db, "demo", "--force"]) == 0
    assert "backed up" in capsys.readouterr().out


def test_db_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MENTORDESK_DB", str(tmp_path / "env.db"))
    assert main(["demo"]) == 0
    assert (tmp_path / "env.db").exists()


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["demo", "--scale", "huge"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["gui", "--size", "big"])
    assert info.value.code == 2
    assert "is not a size" in capsys.readouterr().err


def test_gui_screenshot_writes_a_png(tmp_path):
    db = tmp_path / "m.db"
    assert main(["--db", str(db), "demo"]) == 0
    out = tmp_path / "shot.png"
    result = run("--db", str(db), "gui", "--tab", "mentors", "--size", "1000x700", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1000, 700)
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    colours = {image.pixel(x, y) for x in range(0, 1000, 7) for y in range(0, 700, 7)}
    assert len(colours) > 30  # a drawn window (text, icons, selection), not an empty frame


def test_gui_without_a_display_says_so(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "mentordesk", "--db", str(tmp_path / "m.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: no display")


def test_help_lists_every_command_and_gui_help_its_options(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    listed = capsys.readouterr().out
    for name in ("gui", "demo", "check", "import", "export", "backup", "restore", "search"):
        assert f"\n    {name}" in listed, name
    with pytest.raises(SystemExit):
        main(["--db", "x.db", "gui", "--help"])
    gui_help = capsys.readouterr().out
    assert "--screenshot PNG" in gui_help and "--tab" in gui_help


def test_gui_options_are_checked_without_the_other_commands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["gui", "--tab", "nowhere"])
    assert info.value.code == 2
    assert "invalid choice: 'nowhere'" in capsys.readouterr().err
