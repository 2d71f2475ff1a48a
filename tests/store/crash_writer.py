"""A child process for the crash test: writes one multi-row transaction after another and prints
each one's UUID after it commits (an acknowledged write)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from mentordesk.domain.enums import MeetingStatus
from mentordesk.store.migrate import open_database
from mentordesk.store.models import ActionItem, Meeting, Person, Relationship


def main(path: str, start: int) -> None:
    db = open_database(path)
    i = start
    while True:
        with db.session() as s:
            person = Person(name=f"Writer {i}", notes="x" * 500)
            rel = Relationship(person=person)
            meeting = Meeting(
                relationship=rel, start=datetime.now(UTC), status=MeetingStatus.HELD, notes="n" * 800
            )
            meeting.action_items.extend(
                ActionItem(text=f"item {k} of {i}", relationship=rel) for k in range(3)
            )
            s.add(rel)
            s.flush()
            uuid = person.uuid
        sys.stdout.write(uuid + "\n")
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
