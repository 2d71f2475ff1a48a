"""The PDF progress report: a summary page, the four charts, the goals table and the meeting log.

Pages are A4 landscape and drawn with matplotlib only (:class:`PdfPages`); every page is
a :class:`Figure` with its own Agg canvas. Tables are laid out in inches from the top of
the page, long text is wrapped to the column width by measuring it in the report font,
and tables continue on further pages when they do not fit. User text is never parsed as
mathtext.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from mentordesk.charts import style
from mentordesk.charts._mpl import ensure_matplotlib, new_canvas_figure
from mentordesk.charts.adherence import adherence_size, draw_adherence
from mentordesk.charts.export import CREATOR, write_private_atomic
from mentordesk.charts.focus import draw_focus, focus_size
from mentordesk.charts.meetings import draw_meetings
from mentordesk.charts.progress import draw_progress
from mentordesk.domain.series import GoalTableRow, MeetingLogRow, MilestoneMark, ReportData
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.errors import ValidationError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

REPORT_TITLE = QT_TRANSLATE_NOOP("Report", "Mentoring progress report")
PAGE_SIZE = (11.69, 8.27)  # A4 landscape, inches
MARGIN = 0.6  # left and right page margin, inches
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
TABLE_TOP = 1.75  # first table row below the page heading and the column headers, inches
TABLE_BOTTOM = PAGE_SIZE[1] - 0.75
CELL_PAD_X = 0.08
CELL_PAD_Y = 0.07
BODY_SIZE = 8.5
LINE_HEIGHT = BODY_SIZE * 1.45 / 72.0

NOTES_MAX_LINES = 4
ACTION_MAX_LINES = 2
ACTIONS_SHOWN = 6
MILESTONES_SHOWN = 8
TITLE_MAX_LINES = 4

THEME = style.LIGHT
ZEBRA = "#F4F6F8"
RULE = "#C9CED6"
BAR_TRACK = "#DDE1E6"

CHART_CAPTIONS = {
    "progress": QT_TRANSLATE_NOOP(
        "Report",
        "Each line is one goal's recorded progress; a value holds until the next update, shown faintly "
        "up to the date of this report. Filled diamonds are milestones reached, hollow diamonds open "
        "milestones at their due date. Dashed vertical lines mark each goal's target date in the goal's "
        "colour; a dotted line marks the date of this report when it falls in the period.",
    ),
    "meetings": QT_TRANSLATE_NOOP(
        "Report",
        "Bars show the meetings held each month, stacked by mentoring relationship, with the monthly total "
        "above each bar. The dashed line is the number of meetings per month the mentoring agreements ask for.",
    ),
    "adherence": QT_TRANSLATE_NOOP(
        "Report",
        "For each relationship: the share of agreed cadence periods (for example each two-week window) with "
        "at least one held meeting, and the longest stretch between held meetings.",
    ),
    "focus": QT_TRANSLATE_NOOP(
        "Report",
        "Meetings held and hours spent per focus area during the period. A meeting counts toward every "
        "focus area agreed for its relationship, so the areas add up to more than the meetings held.",
    ),
}


# --------------------------------------------------------------------------- text layout


def wrap_text(
    text: str, width: float, *, size: float = BODY_SIZE, max_lines: int | None = None, weight: str = "normal"
) -> list[str]:
    """Wrap ``text`` to lines no wider than ``width`` inches in the report font.

    Whitespace is collapsed, words longer than a line are broken, and when ``max_lines``
    is exceeded the last kept line ends with an ellipsis. Returns at least one line.
    """
    limit = width * 72.0
    lines: list[str] = []
    current = ""
    for word in style.user_text(text).split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if style.text_width(candidate, size, weight) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
        while len(word) > 1 and style.text_width(word, size, weight) > limit:
            cut = len(word) - 1
            while cut > 1 and style.text_width(word[:cut], size, weight) > limit:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and style.text_width(last + "\u2026", size, weight) > limit:
            last = last[:-1]
        lines[-1] = last.rstrip() + "\u2026"
    return lines or [""]


def _hanging(prefix: str, text: str, width: float, max_lines: int) -> list[str]:
    """Wrap ``text`` behind a bullet ``prefix``, continuation lines indented to match."""
    indent = "\u2002\u2002"  # two en spaces, about the width of a bullet and its space
    body = wrap_text(text, width - style.text_width(prefix, BODY_SIZE) / 72.0, max_lines=max_lines)
    return [prefix + body[0]] + [indent + line for line in body[1:]]


@dataclass(frozen=True)
class _Column:
    title: str
    width: float  # inches
    align: str = "left"


@dataclass(frozen=True)
class _Cell:
    lines: tuple[str, ...]
    color: str | None = None
    bold: bool = False
    bar: float | None = None  # 0-100: draw a small progress bar under the text


@dataclass
class _TablePage:
    heading: str
    subheading: str
    columns: tuple[_Column, ...]
    rows: list[tuple[_Cell, ...]] = field(default_factory=list)
    empty_text: str = ""


def _row_height(row: Sequence[_Cell]) -> float:
    lines = max(len(cell.lines) + (1 if cell.bar is not None else 0) for cell in row)
    return lines * LINE_HEIGHT + 2 * CELL_PAD_Y


def _paginate(
    heading: str,
    subheading: str,
    columns: tuple[_Column, ...],
    rows: Sequence[tuple[_Cell, ...]],
    empty_text: str,
) -> list[_TablePage]:
    """Split ``rows`` over as many pages as needed; continuation pages say so in the heading."""
    pages = [_TablePage(heading, subheading, columns, empty_text=empty_text)]
    used = 0.0
    available = TABLE_BOTTOM - TABLE_TOP
    for row in rows:
        height = _row_height(row)
        if pages[-1].rows and used + height > available:
            pages.append(
                _TablePage(
                    translate("Report", "{heading} (continued)").format(heading=heading), subheading, columns
                )
            )
            used = 0.0
        pages[-1].rows.append(row)
        used += height
    return pages


# --------------------------------------------------------------------------- table contents


def _column_width(columns: Sequence[_Column], index: int) -> float:
    return columns[index].width - 2 * CELL_PAD_X


GOAL_COLUMNS = (
    _Column(QT_TRANSLATE_NOOP("Report", "Goal"), 3.0),
    _Column(QT_TRANSLATE_NOOP("Report", "Status"), 1.15),
    _Column(QT_TRANSLATE_NOOP("Report", "Progress"), 1.35),
    _Column(QT_TRANSLATE_NOOP("Report", "Target date"), 1.1),
    _Column(QT_TRANSLATE_NOOP("Report", "Milestones"), CONTENT_WIDTH - 6.6),
)


def _milestone_line(milestone: MilestoneMark, today: date) -> tuple[str, str]:
    if milestone.done_on is not None:
        return "\u2713 ", translate("Report", "{title} \u2014 reached {date}").format(
            title=milestone.title, date=style.date_text(milestone.done_on)
        )
    if milestone.due is None:
        return "\u25cb ", translate("Report", "{title} \u2014 no due date").format(title=milestone.title)
    if milestone.due < today:
        line = translate("Report", "{title} \u2014 due {date}, overdue")
    else:
        line = translate("Report", "{title} \u2014 due {date}")
    return "\u25cb ", line.format(title=milestone.title, date=style.date_text(milestone.due))


def _goal_row(goal: GoalTableRow, today: date) -> tuple[_Cell, ...]:
    milestone_width = _column_width(GOAL_COLUMNS, 4)
    milestone_lines: list[str] = []
    for milestone in goal.milestones[:MILESTONES_SHOWN]:
        prefix, text = _milestone_line(milestone, today)
        milestone_lines.extend(_hanging(prefix, text, milestone_width, 2))
    hidden = len(goal.milestones) - MILESTONES_SHOWN
    if hidden > 0:
        if hidden == 1:
            milestone_lines.append(translate("Report", "+ 1 more milestone"))
        else:
            milestone_lines.append(translate("Report", "+ {count} more milestones").format(count=hidden))
    if not goal.milestones:
        milestone_lines = [translate("Report", "No milestones")]
    progress = max(0.0, min(100.0, float(goal.progress)))
    return (
        _Cell(
            tuple(
                wrap_text(
                    goal.title, _column_width(GOAL_COLUMNS, 0), max_lines=TITLE_MAX_LINES, weight="bold"
                )
            ),
            bold=True,
        ),
        _Cell(tuple(wrap_text(goal.status, _column_width(GOAL_COLUMNS, 1), max_lines=2))),
        _Cell((f"{progress:.0f}%",), bar=progress),
        _Cell((style.date_text(goal.target),)),
        _Cell(tuple(milestone_lines), color=None if goal.milestones else THEME.muted),
    )


LOG_COLUMNS = (
    _Column(QT_TRANSLATE_NOOP("Report", "Date"), 0.95),
    _Column(QT_TRANSLATE_NOOP("Report", "With"), 1.45),
    _Column(QT_TRANSLATE_NOOP("Report", "Status"), 0.85),
    _Column(QT_TRANSLATE_NOOP("Report", "Rating"), 0.6),
    _Column(QT_TRANSLATE_NOOP("Report", "Notes"), 3.6),
    _Column(QT_TRANSLATE_NOOP("Report", "Closed action items"), CONTENT_WIDTH - 7.45),
)


def _log_row(meeting: MeetingLogRow) -> tuple[_Cell, ...]:
    action_width = _column_width(LOG_COLUMNS, 5)
    actions: list[str] = []
    for text in meeting.closed_actions[:ACTIONS_SHOWN]:
        actions.extend(_hanging("\u2022 ", text, action_width, ACTION_MAX_LINES))
    hidden = len(meeting.closed_actions) - ACTIONS_SHOWN
    if hidden > 0:
        actions.append(translate("Report", "+ {count} more").format(count=hidden))
    notes = meeting.notes_summary.strip()
    return (
        _Cell((style.date_text(meeting.held_on),)),
        _Cell(tuple(wrap_text(meeting.person, _column_width(LOG_COLUMNS, 1), max_lines=2))),
        _Cell(tuple(wrap_text(meeting.status, _column_width(LOG_COLUMNS, 2), max_lines=2))),
        _Cell((f"{meeting.rating} / 5" if meeting.rating is not None else "\u2014",)),
        _Cell(
            tuple(wrap_text(notes, _column_width(LOG_COLUMNS, 4), max_lines=NOTES_MAX_LINES))
            if notes
            else ("\u2014",),
            color=None if notes else THEME.muted,
        ),
        _Cell(tuple(actions) if actions else ("\u2014",), color=None if actions else THEME.muted),
    )


# --------------------------------------------------------------------------- drawing


class _Page:
    """A report page: a Figure plus helpers that place text in inches from the top-left corner."""

    def __init__(self) -> None:
        self.fig = new_canvas_figure(PAGE_SIZE, THEME.figure_bg)
        self.width, self.height = PAGE_SIZE

    def text(self, x: float, y: float, text: str, *, size: float = BODY_SIZE, **kw: Any) -> None:
        kw.setdefault("va", "top")
        color = kw.pop("color", None)
        self.fig.text(
            x / self.width, 1.0 - y / self.height, text, **style.text_kw(THEME, size=size, color=color, **kw)
        )

    def rule(
        self, y: float, *, x0: float = MARGIN, x1: float | None = None, color: str = RULE, width: float = 0.6
    ) -> None:
        from matplotlib.lines import Line2D

        x1 = PAGE_SIZE[0] - MARGIN if x1 is None else x1
        yy = 1.0 - y / self.height
        self.fig.add_artist(
            Line2D(
                [x0 / self.width, x1 / self.width],
                [yy, yy],
                color=color,
                linewidth=width,
                transform=self.fig.transFigure,
            )
        )

    def box(self, x: float, y: float, w: float, h: float, color: str) -> None:
        """A filled rectangle; ``y`` is its top edge."""
        from matplotlib.patches import Rectangle

        self.fig.add_artist(
            Rectangle(
                (x / self.width, 1.0 - (y + h) / self.height),
                w / self.width,
                h / self.height,
                transform=self.fig.transFigure,
                facecolor=color,
                edgecolor="none",
                zorder=0,
            )
        )

    def frame(self, data: ReportData, number: int, total: int) -> None:
        """Running header and footer."""
        muted = THEME.muted
        self.text(MARGIN, 0.32, translate("Report", REPORT_TITLE), size=8.0, color=muted)
        self.text(
            PAGE_SIZE[0] - MARGIN,
            0.32,
            style.period_text(data.period_start, data.period_end),
            size=8.0,
            color=muted,
            ha="right",
        )
        self.rule(0.5)
        self.text(
            MARGIN,
            PAGE_SIZE[1] - 0.38,
            translate("Report", "Generated {date} with MentorDesk").format(
                date=style.date_text(data.generated_on)
            ),
            size=8.0,
            color=muted,
        )
        self.text(
            PAGE_SIZE[0] - MARGIN,
            PAGE_SIZE[1] - 0.38,
            translate("Report", "Page {number} of {total}").format(number=number, total=total),
            size=8.0,
            color=muted,
            ha="right",
        )

    def heading(self, title: str, subtitle: str = "") -> None:
        self.text(MARGIN, 0.75, title, size=16.0, fontweight="bold")
        if subtitle:
            self.text(MARGIN, 1.07, subtitle, size=9.5, color=THEME.muted)


def _summary_page(data: ReportData, contents: Sequence[tuple[str, int]], number: int, total: int) -> Figure:
    page = _Page()
    page.frame(data, number, total)
    page.text(MARGIN, 0.95, translate("Report", REPORT_TITLE), size=24.0, fontweight="bold")
    page.text(MARGIN, 1.55, style.period_text(data.period_start, data.period_end), size=14.0)
    byline = translate("Report", "Generated {date}").format(date=style.date_text(data.generated_on))
    if data.author.strip():
        byline = translate("Report", "Prepared by {author} \u00b7 {generated}").format(
            author=style.user_text(data.author, 80), generated=byline
        )
    page.text(MARGIN, 1.95, byline, size=10.0, color=THEME.muted)

    s = data.summary
    if s.meetings_expected > 0:
        kept = f"{round(100.0 * s.meetings_held / s.meetings_expected):.0f}%"
    else:
        kept = "\u2014"
    sections = (
        (
            translate("Report", "Relationships"),
            (
                (translate("Report", "Active"), str(s.relationships_active)),
                (translate("Report", "Paused"), str(s.relationships_paused)),
                (translate("Report", "Ended"), str(s.relationships_ended)),
            ),
        ),
        (
            translate("Report", "Meetings"),
            (
                (translate("Report", "Held"), str(s.meetings_held)),
                (translate("Report", "Expected by agreed cadence"), str(s.meetings_expected)),
                (translate("Report", "Held as share of expected"), kept),
            ),
        ),
        (
            translate("Report", "Goals"),
            (
                (translate("Report", "Achieved"), str(s.goals_achieved)),
                (translate("Report", "In progress"), str(s.goals_in_progress)),
            ),
        ),
    )
    gap = 0.45
    column = (CONTENT_WIDTH - 2 * gap) / 3
    top = 2.7
    row = 0.42
    for index, (title, items) in enumerate(sections):
        x = MARGIN + index * (column + gap)
        page.text(x, top, title, size=12.0, fontweight="bold")
        page.rule(top + 0.3, x0=x, x1=x + column, color=THEME.text, width=1.0)
        for line, (label, value) in enumerate(items):
            y = top + 0.42 + line * row
            page.text(x, y, label, size=10.5)
            page.text(x + column, y - 0.04, value, size=14.0, fontweight="bold", ha="right")
            page.rule(y + 0.31, x0=x, x1=x + column)

    y = 5.0
    page.text(MARGIN, y, translate("Report", "In this report"), size=12.0, fontweight="bold")
    page.rule(y + 0.3, x1=MARGIN + column, color=THEME.text, width=1.0)
    for line, (title, first_page) in enumerate(contents):
        yy = y + 0.42 + line * 0.3
        page.text(MARGIN, yy, title, size=10.0)
        page.text(
            MARGIN + column,
            yy,
            translate("Report", "page {number}").format(number=first_page),
            size=10.0,
            color=THEME.muted,
            ha="right",
        )
    return page.fig


def _chart_page(
    data: ReportData,
    draw: Callable[[style.FigureLike], None],
    natural: tuple[float, float],
    caption: str,
    number: int,
    total: int,
) -> Figure:
    """A page with one chart, scaled to the page width (or height) at its natural aspect ratio."""
    page = _Page()
    page.frame(data, number, total)
    top, bottom = 0.7, 1.35  # space for the header above, the caption and footer below
    avail_w, avail_h = CONTENT_WIDTH, PAGE_SIZE[1] - top - bottom
    scale = min(avail_w / natural[0], avail_h / natural[1])
    width, height = natural[0] * scale, natural[1] * scale
    x0 = (PAGE_SIZE[0] - width) / 2
    y_bottom = PAGE_SIZE[1] - top - height
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    engine = page.fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(
            rect=(x0 / PAGE_SIZE[0], y_bottom / PAGE_SIZE[1], width / PAGE_SIZE[0], height / PAGE_SIZE[1])
        )
    sub = page.fig.add_subfigure(page.fig.add_gridspec(1, 1)[0], facecolor=THEME.figure_bg)
    draw(sub)
    if style.empty_message(sub) is not None:
        return page.fig
    caption_top = top + height + 0.2
    for line, text in enumerate(
        wrap_text(translate("Report", caption), CONTENT_WIDTH * 0.85, size=9.0, max_lines=4)
    ):
        page.text(MARGIN, caption_top + line * 9.0 * 1.5 / 72.0, text, size=9.0, color=THEME.muted)
    return page.fig


def _table_page(data: ReportData, table: _TablePage, number: int, total: int) -> Figure:
    page = _Page()
    page.frame(data, number, total)
    page.heading(table.heading, table.subheading)
    header_y = TABLE_TOP - 0.3
    x = MARGIN
    for column in table.columns:
        tx = x + column.width - CELL_PAD_X if column.align == "right" else x + CELL_PAD_X
        page.text(
            tx,
            header_y,
            translate("Report", column.title),
            size=BODY_SIZE,
            fontweight="bold",
            color=THEME.muted,
            ha=column.align,
        )
        x += column.width
    page.rule(TABLE_TOP - 0.05, color=THEME.text, width=0.9)
    if not table.rows and table.empty_text:
        page.text(MARGIN + CELL_PAD_X, TABLE_TOP + 0.15, table.empty_text, size=10.0, color=THEME.muted)
        return page.fig

    y = TABLE_TOP
    for index, row in enumerate(table.rows):
        height = _row_height(row)
        if index % 2 == 1:
            page.box(MARGIN, y, CONTENT_WIDTH, height, ZEBRA)
        x = MARGIN
        for column, cell in zip(table.columns, row, strict=True):
            tx = x + column.width - CELL_PAD_X if column.align == "right" else x + CELL_PAD_X
            for line, text in enumerate(cell.lines):
                page.text(
                    tx,
                    y + CELL_PAD_Y + line * LINE_HEIGHT,
                    text,
                    size=BODY_SIZE,
                    color=cell.color,
                    fontweight="bold" if cell.bold else "normal",
                    ha=column.align,
                )
            if cell.bar is not None:
                bar_y = y + CELL_PAD_Y + len(cell.lines) * LINE_HEIGHT + 0.02
                bar_w = column.width - 2 * CELL_PAD_X
                page.box(x + CELL_PAD_X, bar_y, bar_w, 0.07, BAR_TRACK)
                page.box(x + CELL_PAD_X, bar_y, bar_w * cell.bar / 100.0, 0.07, style.series_color(THEME, 0))
            x += column.width
        y += height
        page.rule(y, color=RULE, width=0.4)
    return page.fig


# --------------------------------------------------------------------------- assembly


def _plan(data: ReportData) -> list[tuple[str, Callable[[int, int], Figure]]]:
    """The report as (section title, page renderer) pairs; a renderer takes (page number, page count)."""
    theme = THEME
    charts: list[tuple[str, Callable[[style.FigureLike], None], tuple[float, float], str]] = [
        (
            translate("Report", "Goal progress"),
            lambda f: draw_progress(
                f, data.progress, theme, start=data.period_start, end=data.period_end, today=data.generated_on
            ),
            style.DEFAULT_FIGSIZE,
            CHART_CAPTIONS["progress"],
        ),
        (
            translate("Report", "Meetings held per month"),
            lambda f: draw_meetings(f, data.meetings, theme),
            style.DEFAULT_FIGSIZE,
            CHART_CAPTIONS["meetings"],
        ),
        (
            translate("Report", "Agreed meeting cadence kept"),
            lambda f: draw_adherence(f, data.adherence, theme),
            adherence_size(data.adherence) if data.adherence else style.DEFAULT_FIGSIZE,
            CHART_CAPTIONS["adherence"],
        ),
        (
            translate("Report", "Meetings and hours by focus area"),
            lambda f: draw_focus(f, data.focus, theme),
            focus_size(data.focus),
            CHART_CAPTIONS["focus"],
        ),
    ]

    achieved = data.summary.goals_achieved
    goals_text = (
        translate("Report", "1 goal")
        if len(data.goals) == 1
        else translate("Report", "{count} goals").format(count=len(data.goals))
    )
    goal_pages = _paginate(
        translate("Report", "Goals"),
        translate("Report", "{goals} \u00b7 {achieved} achieved \u00b7 {in_progress} in progress").format(
            goals=goals_text, achieved=achieved, in_progress=data.summary.goals_in_progress
        ),
        GOAL_COLUMNS,
        [_goal_row(goal, data.generated_on) for goal in data.goals],
        translate("Report", "No goals to report."),
    )
    log = sorted(data.meeting_log, key=lambda meeting: meeting.held_on)
    meetings_text = (
        translate("Report", "1 meeting")
        if len(log) == 1
        else translate("Report", "{count} meetings").format(count=len(log))
    )
    log_pages = _paginate(
        translate("Report", "Meeting log"),
        translate("Report", "{meetings} \u00b7 {period}").format(
            meetings=meetings_text, period=style.period_text(data.period_start, data.period_end)
        ),
        LOG_COLUMNS,
        [_log_row(meeting) for meeting in log],
        translate("Report", "No meetings in this period."),
    )

    plan: list[tuple[str, Callable[[int, int], Figure]]] = []
    contents: list[tuple[str, int]] = []
    plan.append((translate("Report", "Summary"), lambda n, t: _summary_page(data, contents, n, t)))

    def chart_renderer(
        draw: Callable[[style.FigureLike], None], natural: tuple[float, float], caption: str
    ) -> Callable[[int, int], Figure]:
        return lambda n, t: _chart_page(data, draw, natural, caption, n, t)

    def table_renderer(table: _TablePage) -> Callable[[int, int], Figure]:
        return lambda n, t: _table_page(data, table, n, t)

    for title, draw, natural, caption in charts:
        contents.append((title, len(plan) + 1))
        plan.append((title, chart_renderer(draw, natural, caption)))
    for title, pages in (
        (translate("Report", "Goals and milestones"), goal_pages),
        (translate("Report", "Meeting log"), log_pages),
    ):
        contents.append((title, len(plan) + 1))
        for table in pages:
            plan.append((title, table_renderer(table)))
    return plan


def report_pages(data: ReportData) -> Iterator[Figure]:
    """The report's pages as figures, in order (built one at a time)."""
    ensure_matplotlib()
    plan = _plan(data)
    for number, (_, render) in enumerate(plan, start=1):
        yield render(number, len(plan))


def report_page_count(data: ReportData) -> int:
    """How many pages :func:`build_report` writes for ``data`` (at least 7)."""
    return len(_plan(data))


def _check(data: ReportData, path: Path) -> None:
    if path.suffix.lower() != ".pdf":
        raise ValidationError(
            translate(
                "Errors", "The report is a PDF: choose a file name ending in .pdf, not {suffix!r}."
            ).format(suffix=path.suffix or "(none)"),
            field="path",
        )
    if data.period_end < data.period_start:
        raise ValidationError(
            translate("Errors", "The report period ends ({end}) before it starts ({start}).").format(
                end=style.date_text(data.period_end), start=style.date_text(data.period_start)
            ),
            field="period",
        )


def build_report(data: ReportData, path: Path) -> int:
    """Write the progress report for ``data`` to ``path`` (a .pdf) and return the number of pages.

    The file is written atomically and readable by the owner only. The PDF's Title,
    Author, Subject, Creator and CreationDate are set.
    """
    path = Path(path)
    _check(data, path)
    ensure_matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    metadata = {
        "Title": translate("Report", "{title}, {period}").format(
            title=translate("Report", REPORT_TITLE),
            period=style.period_text(data.period_start, data.period_end),
        ),
        "Author": style.user_text(data.author, 200) or "MentorDesk",
        "Subject": translate("Report", "Mentoring relationships, meetings and goals"),
        "Creator": CREATOR,
        "CreationDate": datetime.now(UTC),
    }
    pages: list[int] = []

    def write(handle: IO[bytes]) -> None:
        with PdfPages(handle, metadata=metadata) as pdf:
            for fig in report_pages(data):
                pdf.savefig(fig)
            pages.append(pdf.get_pagecount())

    write_private_atomic(path, write)
    return pages[0] if pages else 0


__all__ = ["PAGE_SIZE", "REPORT_TITLE", "build_report", "report_page_count", "report_pages", "wrap_text"]
