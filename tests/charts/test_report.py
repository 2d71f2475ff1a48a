"""The PDF progress report."""

from __future__ import annotations

import re
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentordesk.charts import style
from mentordesk.charts.report import PAGE_SIZE, build_report, report_page_count, report_pages, wrap_text
from mentordesk.domain.series import (
    AdherenceRow,
    FocusRow,
    GoalProgressSeries,
    GoalTableRow,
    MeetingFrequency,
    MeetingLogRow,
    MilestoneMark,
    ReportData,
    ReportSummary,
)
from mentordesk.services.errors import ValidationError

MATH_TITLE = r"Budget $\notacommand{$ and a_b^c $x$"
START, END, GENERATED = date(2025, 1, 1), date(2025, 3, 31), date(2025, 4, 2)


def page_objects(pdf: bytes) -> int:
    """Number of page objects (``/Type /Page``, not ``/Pages``) in an uncompressed-catalog PDF."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def small_data(meetings: int = 2, author: str = "Alex Doe") -> ReportData:
    months = (date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1))
    log = tuple(
        MeetingLogRow(
            START + timedelta(days=2 * i),
            "Ana $x$" if i % 2 else "Ben",
            "Held",
            4 if i % 3 else None,
            ("Talked about the promotion case, the $5k budget and a_b^c $x$. " * (1 + i % 4)).strip(),
            tuple(f"Action {k} for =SUM(A1)" for k in range(i % 4)),
        )
        for i in range(meetings)
    )
    return ReportData(
        period_start=START,
        period_end=END,
        generated_on=GENERATED,
        summary=ReportSummary(2, 1, 0, 5, 6, 1, 1),
        progress=(GoalProgressSeries(MATH_TITLE, ((date(2025, 1, 5), 10.0), (date(2025, 3, 1), 60.0))),),
        meetings=MeetingFrequency(months, (("Ana $x$", (1, 2, 0)), ("Ben", (1, 0, 1))), 2.0),
        adherence=(AdherenceRow("Ana $x$", 6, 4, 30, 14),),
        focus=(FocusRow("Career $x$", 3, 2.5),),
        goals=(
            GoalTableRow(
                MATH_TITLE,
                "In progress",
                60.0,
                date(2025, 6, 30),
                (
                    MilestoneMark("Draft", date(2025, 2, 1), date(2025, 2, 3)),
                    MilestoneMark("Final", date(2025, 3, 15)),
                ),
            ),
        ),
        meeting_log=log,
        author=author,
    )


def test_small_report_writes_the_promised_pages(tmp_path: Path) -> None:
    data = small_data()
    out = tmp_path / "report.pdf"
    pages = build_report(data, out)
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF") and raw.rstrip().endswith(b"%%EOF")
    # Summary, four charts, goals, meeting log.
    assert pages == 7 == report_page_count(data)
    assert page_objects(raw) == pages
    assert re.search(rb"/Count\s+7\b", raw)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_empty_report_still_has_every_section(tmp_path: Path) -> None:
    data = ReportData(START, END, GENERATED, ReportSummary())
    pages = build_report(data, tmp_path / "empty.pdf")
    assert pages >= 3
    assert page_objects((tmp_path / "empty.pdf").read_bytes()) == pages
    texts = [t.get_text() for fig in report_pages(data) for t in style.figure_texts(fig)]
    assert "No goals to report." in texts
    assert "No meetings in this period." in texts
    assert "No meetings in this period" in texts  # the empty meetings chart


def test_long_meeting_log_continues_on_more_pages(tmp_path: Path) -> None:
    data = small_data(meetings=60)
    out = tmp_path / "long.pdf"
    pages = build_report(data, out)
    assert pages > 8
    assert page_objects(out.read_bytes()) == pages == report_page_count(data)
    headings = [t.get_text() for fig in report_pages(data) for t in style.figure_texts(fig)]
    assert "Meeting log (continued)" in headings
    assert f"Page {pages} of {pages}" in headings


def test_first_page_summary_numbers_and_contents() -> None:
    first = next(iter(report_pages(small_data())))
    texts = [t.get_text() for t in style.figure_texts(first)]
    assert "Mentoring progress report" in texts
    assert "1 Jan 2025 \u2013 31 Mar 2025" in texts
    for label in (
        "Active",
        "Paused",
        "Ended",
        "Held",
        "Expected by agreed cadence",
        "Achieved",
        "In progress",
    ):
        assert label in texts
    assert "83%" in texts  # 5 held of 6 expected
    assert "Page 1 of 7" in texts
    assert "page 6" in texts and "page 7" in texts  # goals, meeting log
    assert tuple(first.get_size_inches()) == PAGE_SIZE


def test_user_text_is_drawn_literally_everywhere(tmp_path: Path) -> None:
    data = small_data()
    texts = [t for fig in report_pages(data) for t in style.figure_texts(fig)]
    literal = [t for t in texts if t.get_text() == MATH_TITLE]
    # Progress chart legend and goals table (the title is short enough for one line).
    assert len(literal) >= 2
    assert all(t.get_parse_math() is False for t in literal)
    assert any(t.get_text() == "Ana $x$" for t in texts)
    user_texts = [t for t in texts if "$" in t.get_text()]
    assert user_texts and all(t.get_parse_math() is False for t in user_texts)
    # Drawing would raise on the invalid mathtext if any of it were parsed.
    build_report(data, tmp_path / "math.pdf")


def test_pdf_metadata(tmp_path: Path) -> None:
    out = tmp_path / "meta.pdf"
    build_report(small_data(author="Alex Doe"), out)
    raw = out.read_bytes()
    assert b"/Author (Alex Doe)" in raw
    assert b"/Title (" in raw
    assert b"M\x00e\x00n\x00t\x00o\x00r\x00i\x00n\x00g" in raw  # UTF-16 title (it has an en dash)
    assert re.search(rb"/CreationDate \(D:\d{14}", raw)
    assert b"/Creator (MentorDesk" in raw


def test_anonymous_author_falls_back_to_the_app(tmp_path: Path) -> None:
    out = tmp_path / "anon.pdf"
    build_report(small_data(author=""), out)
    assert b"/Author (MentorDesk)" in out.read_bytes()


def test_bad_path_and_period(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.pdf"):
        build_report(small_data(), tmp_path / "report.png")
    backwards = ReportData(END, START, GENERATED, ReportSummary())
    with pytest.raises(ValidationError, match="before it starts"):
        build_report(backwards, tmp_path / "report.pdf")
    assert list(tmp_path.iterdir()) == []


def test_wrap_text_fits_the_width_and_truncates() -> None:
    text = "Walked through the design doc for the billing migration and agreed on next steps " * 3
    lines = wrap_text(text, 2.0)
    assert len(lines) > 3
    assert all(style.text_width(line, 8.5) <= 2.0 * 72 for line in lines)
    assert " ".join(lines) == " ".join(text.split())
    short = wrap_text(text, 2.0, max_lines=2)
    assert len(short) == 2 and short[-1].endswith("\u2026")
    assert all(style.text_width(line, 8.5) <= 2.0 * 72 for line in short)


def test_wrap_text_breaks_words_longer_than_a_line() -> None:
    url = "https://example.org/" + "a" * 200
    lines = wrap_text(url, 1.0)
    assert "".join(lines) == url
    assert all(style.text_width(line, 8.5) <= 72 for line in lines)
    assert wrap_text("", 1.0) == [""]
