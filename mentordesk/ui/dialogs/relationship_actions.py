"""What the mentors tab's buttons and keys do: open the forms, call the people service, push
undo steps. Dialogs are opened with ``open()`` (never a blocking ``exec()``) and kept in
``self.dialog`` so that they can be filled and accepted programmatically."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mentordesk.domain.enums import RelStatus
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.people_forms import NewRelationship
from mentordesk.services.people_read import allowed_next
from mentordesk.services.people_rows import ContactRow, RelationshipRow
from mentordesk.ui import i18n
from mentordesk.ui.dialogs import relationship_commands as steps
from mentordesk.ui.preferences import Preferences

if TYPE_CHECKING:
    from mentordesk.services.people import PeopleService
    from mentordesk.ui.tabs.mentors import MentorsTab

# The detail panel's status buttons: action -> target status.
STATUS_MOVES = {
    "pause": RelStatus.PAUSED,
    "resume": RelStatus.ACTIVE,
    "end": RelStatus.ENDED,
    "mark_asked": RelStatus.ASKED,
    "accept": RelStatus.ACTIVE,
    "decline": RelStatus.DECLINED,
    "reprospect": RelStatus.PROSPECT,
}


def confirm(parent: QWidget, title: str, text: str, *, action: str = "") -> bool:
    """Ask before a destructive step; the text is shown as plain text."""
    action = action or QCoreApplication.translate("RelationshipActions", "Delete")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def warn(parent: QWidget, text: str) -> None:
    """A refused action's message, as plain text."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("MentorDesk")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.open()


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def deletion_text(name: str, *, meetings: int, action_items: int, appreciations: int, contact: bool) -> str:
    if contact:
        return QCoreApplication.translate(
            "RelationshipActions", "Delete the contact {name}?\n\nYou can undo this with Edit > Undo."
        ).format(name=name)
    parts = [
        _plural(
            meetings,
            QCoreApplication.translate("RelationshipActions", "meeting"),
            QCoreApplication.translate("RelationshipActions", "meetings"),
        ),
        _plural(
            action_items,
            QCoreApplication.translate("RelationshipActions", "action item"),
            QCoreApplication.translate("RelationshipActions", "action items"),
        ),
    ]
    if appreciations:
        parts.append(
            _plural(
                appreciations,
                QCoreApplication.translate("RelationshipActions", "appreciation entry"),
                QCoreApplication.translate("RelationshipActions", "appreciation entries"),
            )
        )
    goes = QCoreApplication.translate("RelationshipActions", "{items} and {last}").format(
        items=", ".join(parts[:-1]), last=parts[-1]
    )
    return QCoreApplication.translate(
        "RelationshipActions",
        "Delete {name} and this relationship?\n\n"
        "This also deletes {what}. Linked goals are kept.\n\n"
        "You can undo this with Edit > Undo.",
    ).format(name=name, what=goes)


class RelationshipActions:
    def __init__(self, tab: MentorsTab) -> None:
        self.tab = tab
        self.dialog: QDialog | None = None

    @property
    def people(self) -> PeopleService:
        return self.tab.ctx.services.people

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _fail(self, exc: MentorDeskError) -> None:
        warn(self.tab, str(exc))

    def run(self, action: str) -> None:
        """A detail-panel button was pressed."""
        handlers = {
            "edit": self.edit_current,
            "delete": self.delete_current,
            "draft": self.draft_request,
            "thank": self.log_appreciation,
            "make_prospect": self.make_prospect,
            "status": self.status_dialog,
        }
        if action in handlers:
            handlers[action]()
        elif action in STATUS_MOVES:
            self.change_status(STATUS_MOVES[action])

    # -- add and edit ---------------------------------------------------------------------------
    def new_relationship(self) -> QDialog:
        ctx = self.tab.ctx

        def submit(values: NewRelationship) -> None:
            rid = self.people.add_relationship(values)
            self.tab._selected = ("relationship", rid)
            steps.added(ctx, values.name.strip(), rid)
            ctx.status(
                QCoreApplication.translate("RelationshipActions", "Added {name}").format(
                    name=values.name.strip()
                )
            )

        defaults = NewRelationship(name="", cadence_days=Preferences.load(ctx.settings).default_cadence)
        from mentordesk.ui.dialogs.relationship_form import RelationshipDialog

        return self._open(RelationshipDialog(self.tab, submit=submit, values=defaults, mode="add"))

    def edit_current(self) -> QDialog | None:
        row = self.tab.current_row()
        ctx = self.tab.ctx
        if isinstance(row, RelationshipRow):
            rid = row.id
            old = self.people.edit_values(rid)

            def submit(values: NewRelationship) -> None:
                self.people.update_relationship(rid, values)
                steps.edited(ctx, rid, old, values)

            from mentordesk.ui.dialogs.relationship_form import RelationshipDialog

            return self._open(RelationshipDialog(self.tab, submit=submit, values=old, mode="edit"))
        if isinstance(row, ContactRow):
            pid = row.person_id
            old_contact = self.people.contact_values(pid)

            def submit_contact(values: NewRelationship) -> None:
                self.people.update_contact(pid, values)
                steps.contact_edited(ctx, pid, old_contact, values)

            from mentordesk.ui.dialogs.relationship_form import RelationshipDialog

            return self._open(
                RelationshipDialog(self.tab, submit=submit_contact, values=old_contact, mode="contact")
            )
        return None

    # -- delete -----------------------------------------------------------------------------------
    def delete_current(self) -> bool:
        row = self.tab.current_row()
        ctx = self.tab.ctx
        if row is None:
            return False
        try:
            if isinstance(row, RelationshipRow):
                impact = self.people.deletion_impact(row.id)
            else:
                impact = self.people.person_impact(row.person_id)
        except MentorDeskError as exc:
            self._fail(exc)
            return False
        text = deletion_text(
            row.name,
            meetings=impact.meetings,
            action_items=impact.action_items,
            appreciations=impact.appreciations,
            contact=isinstance(row, ContactRow),
        )
        if not confirm(self.tab, QCoreApplication.translate("RelationshipActions", "Delete"), text):
            return False
        rid = row.id if isinstance(row, RelationshipRow) else None
        snap = (
            self.people.delete_relationship(rid)
            if rid is not None
            else self.people.delete_person(row.person_id)
        )
        self.tab._selected = None
        kind, item = ("relationship", rid) if rid is not None else ("person", row.person_id)

        def show_restored(redone: bool) -> None:
            if not redone:  # undone: the restored row becomes the selection again
                self.tab.select_item(kind, item)

        steps.deleted(ctx, row.name, snap, relationship_id=rid, person_id=row.person_id, after=show_restored)
        ctx.status(
            QCoreApplication.translate(
                "RelationshipActions", "Deleted {name} (Edit > Undo brings it back)"
            ).format(name=row.name)
        )
        return True

    # -- lifecycle ----------------------------------------------------------------------------------
    def change_status(self, status: RelStatus, on: date | None = None) -> bool:
        row = self.tab.current_row()
        if not isinstance(row, RelationshipRow):
            return False
        try:
            change = self.people.change_status(row.id, status, on=on)
        except MentorDeskError as exc:
            self._fail(exc)
            return False
        steps.status_changed(self.tab.ctx, row.name, change)
        self.tab.ctx.status(
            QCoreApplication.translate("RelationshipActions", "{name}: {status} on {date}").format(
                name=row.name, status=i18n.label(change.new_status).lower(), date=change.on.isoformat()
            )
        )
        return True

    def status_dialog(self) -> QDialog | None:
        """Change the status on a chosen date, with a note."""
        row = self.tab.current_row()
        if not isinstance(row, RelationshipRow):
            return None
        rid, name = row.id, row.name

        def submit(status: RelStatus, on: date, note: str) -> None:
            change = self.people.change_status(rid, status, on=on, note=note)
            steps.status_changed(self.tab.ctx, name, change)

        from mentordesk.ui.dialogs.relationship_status import StatusDialog

        dialog = StatusDialog(
            self.tab,
            name=name,
            current=row.status,
            options=allowed_next(row.status),
            today=self.people.today(),
            submit=submit,
        )
        return self._open(dialog)

    def make_prospect(self) -> bool:
        row = self.tab.current_row()
        if not isinstance(row, ContactRow):
            return False
        rid = self.people.make_prospect(row.person_id)
        self.tab._selected = ("relationship", rid)
        steps.made_prospect(self.tab.ctx, row.name, rid)
        self.tab.ctx.status(
            QCoreApplication.translate(
                "RelationshipActions", "{name} is now a prospect: draft a request when you are ready"
            ).format(name=row.name)
        )
        return True

    def draft_request(self) -> QDialog | None:
        row = self.tab.current_row()
        if not isinstance(row, RelationshipRow):
            return None
        rid, name = row.id, row.name
        text = self.people.request_draft(rid)

        def mark_sent() -> None:
            change = self.people.mark_asked(rid)
            steps.status_changed(self.tab.ctx, name, change)
            self.tab.ctx.status(
                QCoreApplication.translate(
                    "RelationshipActions", "Request to {name} marked as sent on {date}"
                ).format(name=name, date=change.on.isoformat())
            )

        from mentordesk.ui.dialogs.request_draft import RequestDraftDialog

        dialog = RequestDraftDialog(
            self.tab,
            name=name,
            text=text,
            status=row.status,
            mark_sent=mark_sent,
            copied=lambda: self.tab.ctx.status(
                QCoreApplication.translate("RelationshipActions", "Request copied to the clipboard")
            ),
        )
        return self._open(dialog)

    # -- appreciation ---------------------------------------------------------------------------------
    def log_appreciation(self) -> QDialog | None:
        row = self.tab.current_row()
        if not isinstance(row, RelationshipRow):
            return None
        rid = row.id

        def submit(on: date, kind: str, text: str) -> None:
            aid = self.people.add_appreciation(rid, on=on, kind=kind, text=text)
            steps.appreciation_added(self.tab.ctx, aid)

        from mentordesk.ui.dialogs.relationship_appreciation import AppreciationDialog

        dialog = AppreciationDialog(self.tab, name=row.name, today=self.people.today(), submit=submit)
        return self._open(dialog)

    def remove_appreciation(self, appreciation_id: int) -> None:
        try:
            removed = self.people.remove_appreciation(appreciation_id)
        except MentorDeskError as exc:
            self._fail(exc)
            return
        steps.appreciation_removed(self.tab.ctx, removed)
        self.tab.ctx.status(
            QCoreApplication.translate(
                "RelationshipActions", "Appreciation entry removed (Edit > Undo brings it back)"
            )
        )
