"""Times in an import file become the stored UTC text, whichever way the file writes them."""

from __future__ import annotations

import pytest

from mentordesk.store.portable import _Refused, _stored_moment


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2026-03-29T09:30:00.000000Z", "2026-03-29 09:30:00.000000"),  # as the export writes
        ("2026-03-29T09:30:00.250000Z", "2026-03-29 09:30:00.250000"),
        ("2026-03-29T09:30:00Z", "2026-03-29 09:30:00.000000"),
        ("2026-03-29T11:30:00+02:00", "2026-03-29 09:30:00.000000"),
        ("2026-03-29T00:30:00.000001-05:00", "2026-03-29 05:30:00.000001"),
    ],
)
def test_written_times_are_stored_as_naive_utc(written, stored):
    assert _stored_moment(written) == stored


@pytest.mark.parametrize(
    "written", ["2026-02-30T09:30:00.000000Z", "2026-03-29T25:30:00.000000Z", "2026-03-29T09:30:00"]
)
def test_impossible_or_offsetless_times_are_refused(written):
    with pytest.raises(ValueError):
        _stored_moment(written)


def test_refusals_carry_their_reason():
    assert str(_Refused("field 'start' is missing or empty")) == "field 'start' is missing or empty"
