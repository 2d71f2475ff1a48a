"""The command line's chart export, CSV tables and progress report, run in-process on the demo data."""

from __future__ import annotations

import csv
import re
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mentordesk.cli import main

KINDS = ("progress", "meetings", "adherence", "focus")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The sample data, written once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["--db", str(path), "demo"]) == 0
    return path


@pytest.fixture
def db(demo_db, tmp_path) -> str:
    """A private copy of the demo database for one test."""
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_db, copy)
    return str(copy)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def pdf_pages(data: bytes) -> int:
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def assert_valid(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".png":
        width, height = png_size(data)
        assert width > 300 and height > 200
    elif path.suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert len(list(root.iter())) > 50  # drawn, not empty
    else:
        assert pdf_pages(data) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", KINDS)
def test_every_chart_kind_exports_png_svg_and_pdf(db, tmp_path, capsys, kind):
    for suffix in ("png", "svg", "pdf"):
        out = tmp_path / f"{kind}.{suffix}"
        assert main(["--db", db, "export", "chart", kind, str(out)]) == 0
        assert_valid(out)
        assert str(out) in capsys.readouterr().out


def test_chart_options_size_dpi_theme_period_and_relationship(db, tmp_path, capsys):
    out = tmp_path / "m.png"
    args = ["--from", "2025-01-01", "--to", "2026-12-31", "--relationship", "Ana Ruiz", "--theme", "dark"]
    assert (
        main(
            ["--db", db, "export", "chart", "meetings", str(out), "--size", "800x450", "--dpi", "100", *args]
        )
        == 0
    )
    assert png_size(out.read_bytes()) == (800, 450)
    assert main(["--db", db, "export", "chart", "focus", str(out), "--size", "document", "--dpi", "200"]) == 0
    assert png_size(out.read_bytes()) == (1300, 800)  # 6.5 x 4 inches at 200 dpi
    assert "2025-01-01 to 2026-12-31" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["meetings", "out.gif"], "use a file name ending in .png, .svg or .pdf"),
        (["meetings", "out.png", "--size", "huge"], "Chart size 'huge' is not understood"),
        (["meetings", "out.png", "--dpi", "5000"], "Resolution must be a whole number from 50 to 600"),
        (["meetings", "out.png", "--relationship", "Nobody Here"], "No relationship with 'Nobody Here'"),
        (["meetings", "out.png", "--from", "2026-02-01", "--to", "2026-01-01"], "--to 2026-01-01 is before"),
    ],
)
def test_chart_errors_are_one_clear_line(db, tmp_path, capsys, args, message):
    args = [*args[:1], str(tmp_path / args[1]), *args[2:]]
    assert main(["--db", db, "export", "chart", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert message in err
    assert list(tmp_path.glob("out.*")) == []


def test_report_writes_a_pdf_of_every_section(db, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main(["--db", db, "report", str(out)]) == 0
    pages = pdf_pages(out.read_bytes())
    # Summary, four charts, goals, and a meeting log of a year of sample meetings over several pages.
    assert pages >= 7
    assert f"{pages} pages" in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_report_period_and_errors(db, tmp_path, capsys):
    out = tmp_path / "q.pdf"
    assert main(["--db", db, "report", str(out), "--from", "2001-01-01", "--to", "2001-03-31"]) == 0
    assert pdf_pages(out.read_bytes()) >= 3  # an empty period still has every section
    capsys.readouterr()
    assert main(["--db", db, "report", str(tmp_path / "r.txt")]) == 1
    assert "choose a file name ending in .pdf" in capsys.readouterr().err
    assert main(["--db", db, "report", str(out), "--from", "2001-03-01", "--to", "2001-01-01"]) == 1
    assert "is before --from" in capsys.readouterr().err


def test_export_csv_writes_every_table_owner_only(db, tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["--db", db, "export", "csv", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "action_items.csv",
        "goals.csv",
        "meetings.csv",
        "milestones.csv",
        "progress_entries.csv",
        "relationships.csv",
    ]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in out.iterdir())
    with (out / "relationships.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 10
    assert {"Ana Ruiz", "David Chen"} <= {r["Name"] for r in rows}
    assert "relationships.csv: 10 rows" in capsys.readouterr().out
    # A file where the folder should be is refused in words.
    assert main(["--db", db, "export", "csv", str(out / "goals.csv")]) == 1
    assert "is a file" in capsys.readouterr().err
