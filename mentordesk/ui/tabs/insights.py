"""The insights tab: goal progress, meetings per month, cadence kept and focus areas as charts.

matplotlib loads when the tab is first shown (a "Loading charts…" placeholder until then);
this module does not import it. Changing the chart or a filter asks the insights service
for the series and redraws the one canvas in place. The export menu lives in
:mod:`mentordesk.ui.tabs.insights_export`, the filters in :mod:`mentordesk.ui.tabs.insights_filters`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk import memory
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.insights_types import ChartKind, InsightsFilter, Period, RangePreset
from mentordesk.ui import i18n
from mentordesk.ui.context import AppContext
from mentordesk.ui.i18n import QT_TRANSLATE_NOOP
from mentordesk.ui.tabs.insights_export import ChartExporter, ChartSnapshot
from mentordesk.ui.tabs.insights_filters import ChoiceButton, PeriodPicker
from mentordesk.ui.theme import current_theme

if TYPE_CHECKING:
    from mentordesk.ui.chart_canvas import ChartCanvas

# Texts are translated where they are shown (InsightsTab context).
CAPTIONS = {
    ChartKind.PROGRESS: QT_TRANSLATE_NOOP(
        "InsightsTab",
        "Each line is one goal's recorded progress; a value holds until the next update. Filled diamonds "
        "are milestones reached, hollow ones open milestones; dashed lines mark target dates.",
    ),
    ChartKind.MEETINGS: QT_TRANSLATE_NOOP(
        "InsightsTab",
        "Meetings held each month, stacked by person. The dashed line is what the agreed cadences of "
        "your active relationships add up to.",
    ),
    ChartKind.ADHERENCE: QT_TRANSLATE_NOOP(
        "InsightsTab",
        "The share of agreed cadence periods (for example each two-week window) with at least one held "
        "meeting, counting only the time each relationship was active, and the longest gap between meetings.",
    ),
    ChartKind.FOCUS: QT_TRANSLATE_NOOP(
        "InsightsTab",
        "Where the mentoring goes: meetings held and hours spent per focus area agreed for each "
        "relationship, so the areas can add up to more than the meetings held.",
    ),
}
HOVER_HINT = QT_TRANSLATE_NOOP("InsightsTab", "Point at the chart to read its values.")
NO_DATA_HINT = QT_TRANSLATE_NOOP(
    "InsightsTab",
    "Nothing to chart yet: add a mentor on the Mentors tab and log your meetings, or choose "
    "File \u203a New database and explore the sample data.",
)
SETTINGS_KIND = "insights/chart"
SETTINGS_PERIOD = "insights/period"


def _muted(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


class InsightsTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.chart: ChartCanvas | None = None
        self.data: Any = None
        self._dirty = True
        self._theme = current_theme()

        # The chart picker: four buttons, one checked.
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[ChartKind, QPushButton] = {}
        picker = QHBoxLayout()
        picker.setSpacing(0)
        for index, kind in enumerate(ChartKind):
            button = QPushButton(i18n.label(kind))
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Show the {chart} chart").format(chart=i18n.label(kind).lower()))
            self.kind_group.addButton(button, index)
            self.kind_buttons[kind] = button
            picker.addWidget(button)
        saved = str(ctx.settings.value(SETTINGS_KIND, ChartKind.MEETINGS.value))
        self.kind = ChartKind(saved) if saved in ChartKind._value2member_map_ else ChartKind.MEETINGS
        self.kind_buttons[self.kind].setChecked(True)
        self.kind_group.idClicked.connect(lambda i: self.set_kind(list(ChartKind)[i]))

        self.exporter = ChartExporter(self, ctx.settings, self.snapshot)
        self.exporter.status = ctx.status
        self.copy_button = QPushButton(self.tr("&Copy image"))
        self.copy_button.setToolTip(
            self.tr("Copy the chart to the clipboard, to paste into a document or slide")
        )
        self.copy_button.clicked.connect(lambda: self.exporter.copy_image())

        # Filters.
        insights = ctx.services.insights
        self.period_picker = PeriodPicker(lambda preset, start, end: insights.period(preset, start, end))
        saved_period = str(ctx.settings.value(SETTINGS_PERIOD, RangePreset.LAST_12_MONTHS.value))
        if saved_period in RangePreset._value2member_map_ and saved_period != RangePreset.CUSTOM.value:
            self.period_picker.set_preset(saved_period)
        self.relationship_filter = ChoiceButton(
            self.tr("All relationships"),
            self.tr("{n} relationships"),
            self.tr("Relationships"),
            self.tr("Choose which relationships the charts show"),
        )
        self.goal_filter = ChoiceButton(
            self.tr("All goals"),
            self.tr("{n} goals"),
            self.tr("Goals"),
            self.tr("Choose which goals the progress chart shows"),
        )
        self.period_picker.changed.connect(self.refresh)
        self.relationship_filter.changed.connect(self.refresh)
        self.goal_filter.changed.connect(self.refresh)

        top = QHBoxLayout()
        top.addLayout(picker)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.exporter.button)
        filters = QHBoxLayout()
        filters.addWidget(self.period_picker)
        filters.addSpacing(12)
        filters.addWidget(self.relationship_filter)
        filters.addWidget(self.goal_filter)
        filters.addStretch(1)

        self.placeholder = QLabel(self.tr("Loading charts\u2026"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)

        self.hover_label = QLabel(self.tr(HOVER_HINT))
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hover_label.setAccessibleName(self.tr("Value under the cursor"))
        self.hover_label.setMinimumWidth(100)
        self.note_label = QLabel()
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.hide()
        self.caption = _muted(QLabel(self.tr(CAPTIONS[self.kind])))
        self.caption.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.hover_label)
        layout.addWidget(self.caption)
        QWidget.setTabOrder(self.copy_button, self.exporter.button)  # built first, shown after Copy

        ctx.refresh_on_change(self, self._data_changed)
        self._load_choices()
        self._update_controls()

    # -- loading -------------------------------------------------------------------------------------
    def load_charts(self) -> None:
        """Build the canvas (this imports matplotlib) and draw the chart; only the first call does work."""
        if self.chart is not None:
            return
        from mentordesk.ui.chart_canvas import ChartCanvas

        # matplotlib and the first chart stay (see mentordesk/memory.py): no collection while they
        # load and the chart is drawn, and what they made is settled once the chart is on screen
        # (some 30 ms, which would otherwise come before it).
        memory.hold()
        try:
            self.chart = ChartCanvas()
            self.chart.hoverChanged.connect(
                lambda text: self.hover_label.setText(text or self.tr(HOVER_HINT))
            )
            self.stack.addWidget(self.chart)
            self.stack.setCurrentWidget(self.chart)
            self.refresh()
        except BaseException:
            memory.settle()
            raise
        self.chart.after_first_draw(memory.settle)

    def _load_choices(self) -> None:
        insights = self.ctx.services.insights
        self.relationship_filter.set_items([(c.id, c.name) for c in insights.relationship_choices()])
        self.goal_filter.set_items([(c.id, c.title) for c in insights.goal_choices()])

    def _data_changed(self, _what: str) -> None:
        self._load_choices()
        self.period_picker.refresh()
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    # -- state ---------------------------------------------------------------------------------------
    def period(self) -> Period:
        return self.period_picker.period

    def current_filter(self) -> InsightsFilter:
        return InsightsFilter(
            self.period(),
            relationship_ids=self.relationship_filter.chosen(),
            goal_ids=self.goal_filter.chosen() if self.kind == ChartKind.PROGRESS else None,
        )

    def set_kind(self, kind: ChartKind | str) -> None:
        self.kind = ChartKind(kind)
        self.kind_buttons[self.kind].setChecked(True)
        self.ctx.settings.setValue(SETTINGS_KIND, self.kind.value)
        self._update_controls()
        self.refresh()

    def _update_controls(self) -> None:
        self.caption.setText(self.tr(CAPTIONS[self.kind]))
        self.goal_filter.setEnabled(self.kind == ChartKind.PROGRESS)
        loaded = self.chart is not None
        self.exporter.button.setEnabled(loaded)
        self.copy_button.setEnabled(loaded)

    def snapshot(self) -> ChartSnapshot:
        """The chart on screen, for the exports."""
        size = (9.0, 5.0)
        if self.chart is not None:
            w, h = self.chart.figure.get_size_inches()
            size = (float(w), float(h))
        return ChartSnapshot(
            kind=self.kind.value,
            title=i18n.label(self.kind),
            data=self.data,
            start=self.period().start,
            end=self.period().end,
            today=self.ctx.services.insights.today(),
            screen_size=size,
        )

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_KIND, self.kind.value)
        settings.setValue(SETTINGS_PERIOD, self.period_picker.current_preset().value)

    # -- drawing -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask the service for the chart's series and redraw the canvas in place."""
        self._update_controls()
        if self.chart is None:
            return
        insights = self.ctx.services.insights
        try:
            view = insights.chart(self.kind, self.current_filter())
        except MentorDeskError as err:
            self.ctx.status(str(err))
            return
        self.data = view.data
        self.note_label.setText(view.note)
        self.note_label.setVisible(bool(view.note))
        self._theme = current_theme()
        period = self.period()
        self.chart.set_caption(self.caption.text())
        self.chart.show_chart(
            self.kind.value,
            self.data,
            theme=self._theme,
            start=period.start,
            end=period.end,
            today=insights.today(),
        )
        self._dirty = False
        empty = self.chart.empty_message() is not None
        if empty and not insights.has_data():
            self.hover_label.setText(self.tr(NO_DATA_HINT))
        else:
            self.hover_label.setText(self.tr(HOVER_HINT))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.chart is None:
            # First shown: let the placeholder paint, then load matplotlib and draw.
            QTimer.singleShot(0, self, self.load_charts)
        elif self._dirty or self._theme != current_theme():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.chart is not None:
            # The theme's name is set after its palette: look once the change has settled.
            QTimer.singleShot(0, self._follow_theme)

    def _follow_theme(self) -> None:
        if self.chart is not None and self._theme != current_theme():
            self.refresh()

    def focus_filter(self) -> None:
        self.period_picker.preset.setFocus()
