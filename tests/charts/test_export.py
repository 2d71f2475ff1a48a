"""Chart export: image files, clipboard bytes, CSV."""

from __future__ import annotations

import csv
import io
import os
import stat
import struct
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from mentordesk.charts import export
from mentordesk.charts.export import (
    SIZE_PRESETS,
    adherence_table,
    export_figure,
    figure_png_bytes,
    focus_table,
    meetings_table,
    parse_size,
    progress_table,
    series_csv,
    write_csv,
)
from mentordesk.charts.meetings import meetings_figure
from mentordesk.domain.series import (
    AdherenceRow,
    FocusRow,
    GoalProgressSeries,
    MeetingFrequency,
    MilestoneMark,
)
from mentordesk.services.errors import MentorDeskError, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FREQ = MeetingFrequency((date(2025, 1, 1), date(2025, 2, 1)), (("Ana", (2, 1)), ("=Ben", (0, 3))), 2.5)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fig() -> Figure:
    return meetings_figure(FREQ)


def test_png_at_the_figure_size(fig: Figure, tmp_path: Path) -> None:
    out = export_figure(fig, tmp_path / "chart.png", dpi=100)
    assert out == tmp_path / "chart.png"
    assert png_size(out.read_bytes()) == (900, 500)
    assert mode(out) == 0o600


@pytest.mark.parametrize(
    ("text", "dpi"), [("1600x900", 150), ("1280 x 720", 96), ("1000X1000", 100), ("1599x901", 150)]
)
def test_png_has_the_requested_pixel_size(fig: Figure, tmp_path: Path, text: str, dpi: int) -> None:
    width, height = (int(part) for part in text.lower().replace(" ", "").split("x"))
    out = export_figure(fig, tmp_path / "chart.PNG", dpi=dpi, size=parse_size(text, dpi=dpi))
    assert png_size(out.read_bytes()) == (width, height)


def test_preset_size_and_the_figure_keeps_its_own_size(fig: Figure, tmp_path: Path) -> None:
    out = export_figure(fig, tmp_path / "doc.png", dpi=100, size=SIZE_PRESETS["document"])
    assert png_size(out.read_bytes()) == (650, 400)
    assert tuple(fig.get_size_inches()) == (9.0, 5.0)


def test_svg_is_xml_with_an_svg_root(fig: Figure, tmp_path: Path) -> None:
    out = export_figure(fig, tmp_path / "chart.svg", size=SIZE_PRESETS["square"])
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == "432pt" and root.get("height") == "432pt"
    assert mode(out) == 0o600


def test_pdf_is_a_complete_pdf(fig: Figure, tmp_path: Path) -> None:
    out = export_figure(fig, tmp_path / "chart.pdf", size=SIZE_PRESETS["slide"])
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
    assert mode(out) == 0o600


@pytest.mark.parametrize("name", ["chart.jpg", "chart", "chart.png.txt"])
def test_unsupported_suffix_is_a_validation_error(fig: Figure, tmp_path: Path, name: str) -> None:
    with pytest.raises(ValidationError) as info:
        export_figure(fig, tmp_path / name)
    suffix = Path(name).suffix
    assert (suffix or "(none)") in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_existing_file_is_replaced_without_leftovers(fig: Figure, tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    target.write_bytes(b"old")
    target.chmod(0o644)
    export_figure(fig, target, dpi=60)
    assert target.read_bytes().startswith(PNG_SIGNATURE)
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_failed_write_keeps_the_old_file(fig: Figure, tmp_path: Path) -> None:
    target = tmp_path / "data.csv"
    target.write_text("old")

    def boom(handle: object) -> None:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        export.write_private_atomic(target, boom)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.csv"]


def test_missing_folder_is_reported(fig: Figure, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        export_figure(fig, tmp_path / "nope" / "chart.png")


@pytest.mark.parametrize("dpi", [0, 10, 5000])
def test_bad_dpi(fig: Figure, tmp_path: Path, dpi: int) -> None:
    with pytest.raises(ValidationError, match="dpi"):
        export_figure(fig, tmp_path / "chart.png", dpi=dpi)


def test_clipboard_png_bytes(fig: Figure) -> None:
    assert png_size(figure_png_bytes(fig, 80)) == (720, 400)


def test_parse_size_presets_and_pixels() -> None:
    assert parse_size("slide") == (13.33, 7.5)
    assert parse_size(" Document ") == (6.5, 4.0)
    assert parse_size("square") == (6.0, 6.0)
    assert parse_size("1600x900", dpi=100) == (16.0, 9.0)
    assert parse_size("800\u00d7600px", dpi=100) == (8.0, 6.0)


@pytest.mark.parametrize(
    "text", ["", "big", "1600", "1600x", "-5x100", "1.5x2", "100x50", "20000x900", "poster"]
)
def test_parse_size_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_size(text)
    assert info.value.field == "size"
    assert "slide" in str(info.value) or "pixels" in str(info.value)


def test_bad_inch_size(fig: Figure, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="inches"):
        export_figure(fig, tmp_path / "chart.png", size=(0.1, 5.0))


# --------------------------------------------------------------------------- CSV


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_neutralises_formula_like_text() -> None:
    text = series_csv(
        [["=1+2", "+x", "-y", "@SUM(A1)", "\tz", "plain", "a=b", -5, 2.5, 3.0, date(2025, 1, 2), None]]
    )
    assert read_csv(text) == [
        ["'=1+2", "'+x", "'-y", "'@SUM(A1)", "'\tz", "plain", "a=b", "-5", "2.5", "3", "2025-01-02", ""]
    ]


def test_write_csv_is_private_and_spreadsheet_friendly(tmp_path: Path) -> None:
    out = write_csv(tmp_path / "meetings.csv", meetings_table(FREQ))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert mode(out) == 0o600
    assert read_csv(raw.decode("utf-8-sig")) == [
        ["Month", "Ana", "'=Ben", "Total", "Agreed per month"],
        ["2025-01", "2", "0", "2", "2.5"],
        ["2025-02", "1", "3", "4", "2.5"],
    ]


def test_progress_table() -> None:
    goal = GoalProgressSeries(
        "Save $5k",
        ((date(2025, 1, 10), 0.0), (date(2025, 2, 15), 40.0)),
        (
            MilestoneMark("Open", date(2025, 1, 20), date(2025, 2, 1)),
            MilestoneMark("Half", date(2025, 5, 1)),
            MilestoneMark("Later"),
        ),
        target=date(2025, 6, 30),
    )
    assert read_csv(series_csv(progress_table([goal]))) == [
        ["Goal", "Date", "Event", "Progress (%)", "Milestone"],
        ["Save $5k", "2025-01-10", "progress", "0", ""],
        ["Save $5k", "2025-02-01", "milestone reached", "", "Open"],
        ["Save $5k", "2025-02-15", "progress", "40", ""],
        ["Save $5k", "2025-05-01", "milestone due", "", "Half"],
        ["Save $5k", "2025-06-30", "target date", "", ""],
        ["Save $5k", "", "milestone open", "", "Later"],
    ]


def test_adherence_and_focus_tables() -> None:
    assert adherence_table([AdherenceRow("Ana", 10, 8, 21, 14)]) == [
        [
            "Relationship",
            "Cadence",
            "Cadence (days)",
            "Periods",
            "Periods with a meeting",
            "Share (%)",
            "Longest gap (days)",
        ],
        ["Ana", "every 2 weeks", 14, 10, 8, 80.0, 21],
    ]
    assert read_csv(series_csv(focus_table([FocusRow("-Career", 5, 2.25)]))) == [
        ["Focus area", "Meetings", "Hours"],
        ["'-Career", "5", "2.25"],
    ]


def test_write_errors_are_user_errors(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.geteuid() == 0:
            pytest.skip("root can write to read-only folders")
        with pytest.raises(MentorDeskError):
            write_csv(folder / "x.csv", [["a"]])
    finally:
        folder.chmod(0o700)
