"""MeetingService."""

from __future__ import annotations

from mentordesk.services.base import Service


class MeetingService(Service):
    pass
