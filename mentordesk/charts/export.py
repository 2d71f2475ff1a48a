"""Saving charts: image files, clipboard bytes and the data behind each chart as CSV.

Files are written atomically (a temporary file in the target folder, then
:func:`os.replace`) and readable by the owner only (0600): mentoring data is personal.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mentordesk import __version__
from mentordesk.charts.adherence import cadence_text
from mentordesk.domain.series import AdherenceRow, FocusRow, GoalProgressSeries, MeetingFrequency
from mentordesk.domain.text import translate
from mentordesk.services.errors import MentorDeskError, ValidationError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SIZE_PRESETS: dict[str, tuple[float, float]] = {
    "slide": (13.33, 7.5),
    "document": (6.5, 4.0),
    "square": (6.0, 6.0),
}
"""Export sizes in inches: a 16:9 presentation slide, a figure in a text document, a square."""

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MIN_DPI, MAX_DPI = 50, 600
MIN_PIXELS, MAX_PIXELS = 200, 10000
MIN_INCHES, MAX_INCHES = 2.0, 60.0
CREATOR = f"MentorDesk {__version__}"

_SIZE_RE = re.compile(r"^\s*(\d{1,6})\s*[x\u00d7*]\s*(\d{1,6})\s*(?:px)?\s*$", re.IGNORECASE)
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# --------------------------------------------------------------------------- atomic, private files


def write_private_atomic(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write ``path`` owner-only (0600) via a temporary file in the same folder and :func:`os.replace`.

    ``write`` receives the open binary file. If it raises, the temporary file is removed
    and an existing ``path`` is left untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            translate("Errors", "The folder {folder!r} does not exist.").format(folder=str(folder)),
            field="path",
        )
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise MentorDeskError(
            translate("Errors", "Cannot write to {folder!r}: {reason}.").format(
                folder=str(folder), reason=err.strerror or err
            )
        ) from err
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError):
            raise MentorDeskError(
                translate("Errors", "Cannot write {path!r}: {reason}.").format(
                    path=str(path), reason=err.strerror or err
                )
            ) from err
        raise
    return path


# --------------------------------------------------------------------------- image export


def _check_dpi(dpi: int) -> int:
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not MIN_DPI <= dpi <= MAX_DPI:
        raise ValidationError(
            translate(
                "Errors", "Resolution must be a whole number from {min_dpi} to {max_dpi} dpi, not {dpi!r}."
            ).format(min_dpi=MIN_DPI, max_dpi=MAX_DPI, dpi=dpi),
            field="dpi",
        )
    return dpi


def parse_size(text: str, *, dpi: int = 150) -> tuple[float, float]:
    """An export size in inches from a preset name ("slide", "document", "square") or "WIDTHxHEIGHT" pixels.

    Pixel sizes are converted with ``dpi``, so exporting at the same ``dpi`` gives exactly
    that many pixels.
    """
    _check_dpi(dpi)
    key = str(text).strip().lower()
    if key in SIZE_PRESETS:
        return SIZE_PRESETS[key]
    match = _SIZE_RE.match(key)
    if match is None:
        raise ValidationError(
            translate(
                "Errors",
                "Chart size {text!r} is not understood: use WIDTHxHEIGHT in pixels (e.g. 1600x900) or one of: {options}.",
            ).format(text=text, options=", ".join(SIZE_PRESETS)),
            field="size",
        )
    width, height = int(match.group(1)), int(match.group(2))
    for side in (width, height):
        if not MIN_PIXELS <= side <= MAX_PIXELS:
            raise ValidationError(
                translate(
                    "Errors",
                    "Chart size {text!r} is out of range: each side must be {min_pixels} to {max_pixels} pixels.",
                ).format(text=text, min_pixels=MIN_PIXELS, max_pixels=MAX_PIXELS),
                field="size",
            )
    return (width / dpi, height / dpi)


def _check_size(size: tuple[float, float]) -> tuple[float, float]:
    try:
        width, height = (float(size[0]), float(size[1]))
    except (TypeError, ValueError, IndexError) as err:
        raise ValidationError(
            translate("Errors", "Chart size {size!r} must be a (width, height) pair in inches.").format(
                size=size
            ),
            field="size",
        ) from err
    if len(size) != 2 or not (MIN_INCHES <= width <= MAX_INCHES and MIN_INCHES <= height <= MAX_INCHES):
        raise ValidationError(
            translate(
                "Errors",
                "Chart size {size!r} is out of range: each side must be {min_inches:g} to {max_inches:g} inches.",
            ).format(size=size, min_inches=MIN_INCHES, max_inches=MAX_INCHES),
            field="size",
        )
    return width, height


def format_for(path: Path) -> str:
    """The image format ("png", "svg" or "pdf") chosen by ``path``'s suffix."""
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        shown = suffix or "(none)"
        raise ValidationError(
            translate(
                "Errors", "Cannot export a chart as {shown!r}: use a file name ending in .png, .svg or .pdf."
            ).format(shown=shown),
            field="path",
        )
    return fmt


def _pixel_exact(size: tuple[float, float], dpi: int) -> tuple[float, float]:
    """Inches that Agg turns into exactly ``round(inches * dpi)`` pixels (it truncates, not rounds)."""
    return tuple((round(side * dpi) + 1e-3) / dpi for side in size)  # type: ignore[return-value]


def _save(fig: Figure, target: IO[bytes], fmt: str, dpi: int, size: tuple[float, float] | None) -> None:
    original = tuple(fig.get_size_inches())
    wanted = size if size is not None else (float(original[0]), float(original[1]))
    if fmt == "png":
        wanted = _pixel_exact(wanted, dpi)
    metadata: dict[str, str | None]
    if fmt == "png":
        metadata = {"Software": CREATOR}
    elif fmt == "pdf":
        metadata = {"Creator": CREATOR}
    else:
        metadata = {"Creator": CREATOR, "Date": None}
    fig.set_size_inches(wanted, forward=False)
    try:
        fig.savefig(target, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=metadata)
    finally:
        fig.set_size_inches(original, forward=False)


def export_figure(
    fig: Figure, path: Path, *, dpi: int = 150, size: tuple[float, float] | None = None
) -> Path:
    """Save ``fig`` to ``path`` as PNG, SVG or PDF (by suffix) and return the path.

    ``size`` is in inches (see :func:`parse_size` and :data:`SIZE_PRESETS`); the figure's
    own size is used when it is ``None`` and restored afterwards. The file is written
    atomically and readable by the owner only.
    """
    path = Path(path)
    fmt = format_for(path)
    _check_dpi(dpi)
    checked = _check_size(size) if size is not None else None
    return write_private_atomic(path, lambda handle: _save(fig, handle, fmt, dpi, checked))


def figure_png_bytes(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes at its own size, for copying to the clipboard."""
    _check_dpi(dpi)
    buffer = io.BytesIO()
    _save(fig, buffer, "png", dpi, None)
    return buffer.getvalue()


# --------------------------------------------------------------------------- CSV


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value == value else ""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_PREFIXES):
        # A spreadsheet would run it as a formula; the quote makes it plain text.
        return "'" + text
    return text


def series_csv(rows: Iterable[Sequence[object]]) -> str:
    """CSV text for ``rows`` (the first row is usually the header).

    Numbers and dates are formatted plainly (ISO dates); text that a spreadsheet would
    read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return)
    gets a leading ``'``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(path: Path, rows: Iterable[Sequence[object]]) -> Path:
    """Write :func:`series_csv` of ``rows`` to ``path`` (UTF-8 with BOM for spreadsheets), owner-only, atomically."""
    data = series_csv(rows).encode("utf-8-sig")

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write_private_atomic(Path(path), write)


def progress_table(series: Sequence[GoalProgressSeries]) -> list[list[object]]:
    """The data behind the goal progress chart: progress points, milestones and target dates."""
    table: list[list[object]] = [["Goal", "Date", "Event", "Progress (%)", "Milestone"]]
    for goal in series:
        events: list[tuple[date, int, list[object]]] = []
        for day, percent in goal.points:
            events.append((day, 0, [goal.title, day, "progress", float(percent), ""]))
        for milestone in goal.milestones:
            if milestone.done_on is not None:
                events.append(
                    (
                        milestone.done_on,
                        1,
                        [goal.title, milestone.done_on, "milestone reached", None, milestone.title],
                    )
                )
            elif milestone.due is not None:
                events.append(
                    (milestone.due, 1, [goal.title, milestone.due, "milestone due", None, milestone.title])
                )
            else:
                events.append((date.max, 1, [goal.title, None, "milestone open", None, milestone.title]))
        if goal.target is not None:
            events.append((goal.target, 2, [goal.title, goal.target, "target date", None, ""]))
        events.sort(key=lambda item: (item[0], item[1]))
        table.extend(row for _, _, row in events)
    return table


def meetings_table(freq: MeetingFrequency) -> list[list[object]]:
    """The data behind the meetings-per-month chart: one row per month, one column per relationship."""
    names = [name for name, _ in freq.by_relationship]
    table: list[list[object]] = [["Month", *names, "Total", "Agreed per month"]]
    totals = freq.totals
    for i, month in enumerate(freq.months):
        counts = [counts[i] for _, counts in freq.by_relationship]
        table.append([f"{month:%Y-%m}", *counts, totals[i], freq.target_per_month])
    return table


def adherence_table(rows: Sequence[AdherenceRow]) -> list[list[object]]:
    """The data behind the cadence chart: one row per relationship."""
    table: list[list[object]] = [
        [
            "Relationship",
            "Cadence",
            "Cadence (days)",
            "Periods",
            "Periods with a meeting",
            "Share (%)",
            "Longest gap (days)",
        ]
    ]
    for row in rows:
        table.append(
            [
                row.name,
                cadence_text(row.cadence_days),
                row.cadence_days,
                row.periods,
                row.periods_met,
                round(row.share * 100.0, 1),
                row.longest_gap_days,
            ]
        )
    return table


def focus_table(rows: Sequence[FocusRow]) -> list[list[object]]:
    """The data behind the focus-area chart: one row per focus area."""
    table: list[list[object]] = [["Focus area", "Meetings", "Hours"]]
    for row in rows:
        table.append([row.area, row.meetings, float(row.hours)])
    return table


def write_csv_tables(folder: Path, tables: Mapping[str, Sequence[Sequence[object]]]) -> list[Path]:
    """Write each table to ``folder/<name>.csv`` with :func:`write_csv` (owner-only, atomically).

    The folder is created owner-only (0700) when it does not exist yet; its parent must exist.
    Returns the written paths in the order of ``tables``.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValidationError(
            translate("Errors", "{folder!r} is a file; choose a folder for the CSV tables.").format(
                folder=str(folder)
            ),
            field="path",
        )
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ValidationError(
                translate("Errors", "The folder {parent!r} does not exist.").format(
                    parent=str(folder.parent)
                ),
                field="path",
            )
        try:
            folder.mkdir(mode=0o700)
        except OSError as err:
            raise MentorDeskError(
                translate("Errors", "Cannot create {folder!r}: {reason}.").format(
                    folder=str(folder), reason=err.strerror or err
                )
            ) from err
    return [write_csv(folder / f"{name}.csv", rows) for name, rows in tables.items()]
