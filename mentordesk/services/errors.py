"""The one error type that reaches the user.

Every service, importer and validator raises :class:`MentorDeskError` (or a subclass)
with a message a person understands. The command line prints it as one ``error:`` line;
the GUI shows it next to the field or in a message box.
"""

from __future__ import annotations


class MentorDeskError(Exception):
    """A problem the user can act on. ``str(err)`` is the whole message."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(MentorDeskError):
    """A value the user entered is not acceptable. ``field`` names the form field."""


class NotFoundError(MentorDeskError):
    """A record the user referred to does not exist (any more)."""


class ImportFormatError(MentorDeskError):
    """A file given to an importer is not of the expected kind or is malformed."""


class DatabaseError(MentorDeskError):
    """The database cannot be used: unknown revision, damaged file, not a MentorDesk file."""


class DamagedDatabaseError(DatabaseError):
    """The database file is damaged. It was renamed aside; ``backup`` is the newest good backup."""

    def __init__(self, message: str, *, renamed_to: object = None, backup: object = None) -> None:
        super().__init__(message)
        self.renamed_to = renamed_to
        self.backup = backup
