"""ContactImportService."""

from __future__ import annotations

from mentordesk.services.base import Service


class ContactImportService(Service):
    pass
