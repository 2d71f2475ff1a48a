"""User text is shown as plain text everywhere: markup in a note is never rendered or fetched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mentordesk.services.people import NewRelationship

HOSTILE = '<b>Bold</b> <img src="https://tracker.example/p.png"> <a href="https://x.example">link</a>'


def test_markup_in_user_text_is_never_interpreted(qtbot, services, settings):
    from mentordesk.ui.main_window import MainWindow

    services.demo.generate(seed=5)
    services.people.add_relationship(
        NewRelationship(
            name=f"Eve {HOSTILE}",
            organization=HOSTILE,
            notes=HOSTILE,
            hopes=HOSTILE,
            agreed_topics=HOSTILE,
            tags=["<i>tag</i>"],
        )
    )
    window = MainWindow(services, settings=settings)
    qtbot.addWidget(window)
    window.show()
    mentors = window.tab("mentors")
    mentors.filter_edit.setText("Eve")
    mentors.table.selectRow(0)
    for name in window.tab_names():
        window.show_tab(name)
    shown = [label for label in window.findChildren(QLabel) if "<b>Bold</b>" in label.text()]
    assert shown, "the hostile text should appear somewhere in the window"
    rich = [label.text()[:60] for label in shown if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []
