"""Pseudo-localisation: with every catalogue message translated as ⟦source⟧, everything a person
reads in the main window comes out bracketed, except their own data (names, notes, titles).

A text that shows without brackets was made somewhere lupdate does not look, or is shown without
going through a translator.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from sqlalchemy import String, Text, select

from mentordesk.services.insights_types import ChartKind
from mentordesk.store.models import Base
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.models.relationships import RelationshipTableModel

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "mentordesk_en.ts"
OPEN, CLOSE = "⟦", "⟧"
# Numbers, dates, times, percentages and symbols: nothing to translate.
DATA_LIKE = re.compile(r"^[\d\s.,:;/%+\-–—·()×#@✓○•⚠★☆…<>|‹›]*$")


def pseudo_catalogue(tmp_path: Path) -> Path:
    """The catalogue with every message translated as ⟦source⟧, compiled to a .qm."""
    tree = ET.parse(CATALOGUE)
    root = tree.getroot()
    root.set("language", "en_XA")
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        translation.text = OPEN + (message.findtext("source") or "") + CLOSE
    ts = tmp_path / "mentordesk_en_XA.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    assert lrelease.exists(), "pyside6-lrelease comes with PySide6"
    qm = tmp_path / "mentordesk_en_XA.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def pseudo(tmp_path):
    qm = pseudo_catalogue(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


@pytest.fixture
def pseudo_window(qtbot, pseudo, demo_services, settings):
    """The main window over the sample data, built with the pseudo translation installed."""
    window = MainWindow(demo_services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def user_data(services) -> set[str]:
    """Every text stored in the database, and its lines and comma-separated parts."""
    values: set[str] = set()
    with services.db.reader() as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in s.execute(select(*columns)):
                for value in row:
                    if isinstance(value, str) and value:
                        values.add(value.strip())
                        values.update(part.strip() for part in re.split(r"[\n,;]", value) if part.strip())
    return values


def locale_words() -> re.Pattern[str]:
    """Day and month names, which QLocale formats (dates are the locale's business, not the catalogue's)."""
    loc = QLocale()
    words: set[str] = set()
    for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words.update(loc.dayName(d, fmt) for d in range(1, 8))
        words.update(loc.monthName(m, fmt) for m in range(1, 13))
        words.update(loc.standaloneMonthName(m, fmt) for m in range(1, 13))
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


def is_users(text: str, data: set[str]) -> bool:
    """The text is the user's own (or made only of numbers and dates)."""
    text = text.strip()
    if not text or text in data or DATA_LIKE.match(locale_words().sub("", text)):
        return True
    # Names joined with separators ("Ana Ruiz · Bo Chen"), "+2" and the like.
    parts = [p.strip() for p in re.split(r"[·,\n]| and ", text) if p.strip()]
    return all(DATA_LIKE.match(p) or p in data for p in parts)


def untranslated(texts: list[str], data: set[str]) -> list[str]:
    return sorted({t for t in texts if OPEN not in t and not is_users(t, data)})


def widget_texts(root: QWidget) -> list[str]:
    """What a person reads on the visible widgets under ``root``."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            if w.isVisibleTo(root) and columns > 1:
                texts.extend(
                    str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
                )
            for row in range(min(model.rowCount(QModelIndex()), 40)):
                for col in range(columns):
                    value = model.index(row, col).data(Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        texts.append(value)
    return [t for t in texts if t and t.strip()]


def figure_texts(fig) -> dict[str, list[str]]:
    titles, axis, legend = [fig.get_suptitle()], [], []
    for ax in fig.axes:
        titles += [ax.get_title(loc="left"), ax.get_title(loc="center")]
        axis += [ax.get_xlabel(), ax.get_ylabel()]
        if ax.get_legend() is not None:
            legend += [t.get_text() for t in ax.get_legend().get_texts()]
        for artist in ax.artists:  # a legend drawn beside the axes (the meetings chart's)
            if hasattr(artist, "get_texts"):
                legend += [t.get_text() for t in artist.get_texts()]
    for leg in fig.legends:
        legend += [t.get_text() for t in leg.get_texts()]
    return {
        "titles": [t for t in titles if t],
        "axis": [t for t in axis if t],
        "legend": [t for t in legend if t],
    }


def visit_all_tabs(qtbot, window: MainWindow) -> dict[str, QWidget]:
    tabs = {}
    for name in window.tab_names():
        tabs[name] = window.show_tab(name)
        qtbot.waitUntil(lambda: not window.tabs.currentWidget().objectName().startswith("placeholder_"))
    insights = tabs["insights"]
    qtbot.waitUntil(lambda: insights.chart is not None)
    return tabs


def test_every_text_a_person_reads_is_translated(qtbot, pseudo_window, demo_services):
    window = pseudo_window
    data = user_data(demo_services)
    tabs = visit_all_tabs(qtbot, window)

    # The frame: menus, tab titles, tool bar, status bar.
    frame = [a.text() for a in window.menuBar().actions()]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            frame += [a.text() for a in menu.actions() if not a.isSeparator()]
    frame += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert untranslated(frame, data) == []
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "⟦Mentors⟧",
        "⟦Calendar⟧",
        "⟦Goals⟧",
        "⟦Insights⟧",
    ]

    for name, tab in tabs.items():
        window.show_tab(name)
        assert untranslated(widget_texts(tab), data) == [], name


def test_mentors_tab_statuses_filters_and_drift_flags(qtbot, pseudo_window, demo_services):
    window = pseudo_window
    tab = window.show_tab("mentors")
    model = tab.model
    assert isinstance(model, RelationshipTableModel)
    statuses = {model.index(r, RelationshipTableModel.STATUS).data() for r in range(model.rowCount())}
    roles = {model.index(r, RelationshipTableModel.ROLE).data() for r in range(model.rowCount())}
    kinds = {model.index(r, RelationshipTableModel.KIND).data() for r in range(model.rowCount())}
    assert "⟦Active⟧" in statuses
    assert all(s.startswith(OPEN) for s in statuses | roles | kinds if s)
    assert "⟦Mentors me⟧" in roles or "⟦I mentor⟧" in roles

    filters = [tab.status_filter.itemText(i) for i in range(tab.status_filter.count())]
    assert filters[0] == "⟦All relationships⟧"
    for expected in ("⟦Prospect⟧", "⟦Asked⟧", "⟦Active⟧", "⟦Paused⟧", "⟦Ended⟧", "⟦Declined⟧"):
        assert expected in filters
    assert all(f.startswith(OPEN) for f in filters)
    assert tab.kind_filter.itemText(1) == "⟦Formal⟧"

    # Drift flags of the first relationship that has any, in the detail panel.
    flags: list[str] = []
    for row in range(tab.model.rowCount()):
        tab.table.selectRow(row)
        if tab.detail.drift_labels:
            flags = [label.text() for label in tab.detail.drift_labels]
            break
    assert flags, "the sample data has a relationship that drifted from its agreement"
    assert all(OPEN in f and f.rstrip().endswith(CLOSE) for f in flags), flags
    known = ("⟦No goal linked⟧", "⟦Cadence missed in", "⟦Agreement review was due on", "⟦No meeting since")
    assert any(k in f for f in flags for k in known), flags


def test_insights_chart_texts(qtbot, pseudo_window):
    window = pseudo_window
    tab = window.show_tab("insights")
    qtbot.waitUntil(lambda: tab.chart is not None)
    assert [b.text() for b in tab.kind_buttons.values()] == [
        "⟦Goal progress⟧",
        "⟦Meetings per month⟧",
        "⟦Cadence kept⟧",
        "⟦Focus areas⟧",
    ]
    expected_titles = {
        ChartKind.PROGRESS: "⟦Goal progress⟧",
        ChartKind.MEETINGS: "⟦Meetings held per month⟧",
        ChartKind.ADHERENCE: "⟦Agreed meeting cadence kept⟧",
        ChartKind.FOCUS: "⟦Meetings and hours by focus area⟧",
    }
    for kind, title in expected_titles.items():
        qtbot.mouseClick(tab.kind_buttons[kind], Qt.MouseButton.LeftButton)
        texts = figure_texts(tab.chart.figure)
        assert title in texts["titles"], (kind, texts)
        assert all(t.startswith(OPEN) for t in texts["titles"] + texts["axis"]), (kind, texts)
        if kind == ChartKind.PROGRESS:
            assert "⟦Progress (%)⟧" in texts["axis"]
            assert "⟦Milestone reached⟧" in texts["legend"] or "⟦Target date⟧" in texts["legend"]
        if kind == ChartKind.MEETINGS:
            assert "⟦Meetings held⟧" in texts["axis"]
            month_ticks = [t.get_text() for t in tab.chart.figure.axes[0].get_xticklabels() if t.get_text()]
            assert month_ticks and all(t.startswith(OPEN) for t in month_ticks), month_ticks
        if kind == ChartKind.FOCUS:
            areas = [t.get_text() for t in tab.chart.figure.axes[0].get_yticklabels() if t.get_text()]
            assert areas and all(a.startswith(OPEN) for a in areas), areas
