"""Forms and validators: whatever a person types, only the project's own error comes out."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.services import validate
from mentordesk.services.errors import MentorDeskError, ValidationError
from mentordesk.services.people import NewRelationship

TEXT = st.text(max_size=400)


@settings(max_examples=300, deadline=None)
@given(
    TEXT,
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
def test_validators_raise_only_validation_errors(text, number, real, other):
    for check in (
        lambda: validate.required_text(text, "name", "Name"),
        lambda: validate.email(text),
        lambda: validate.url(text),
        lambda: validate.cadence(number),
        lambda: validate.percent(real),
        lambda: validate.parse_date(text),
        lambda: validate.date_order(date(2026, 1, 1), date.fromordinal(max(1, number % 800000 + 1)), "end"),
    ):
        try:
            check()
        except ValidationError as exc:
            assert str(exc) and exc.field


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=TEXT,
    email=TEXT,
    url=TEXT,
    cadence=st.integers(min_value=-50, max_value=5000),
    status=st.sampled_from(["active", "prospect", "nonsense", "", "ACTIVE"]),
)
def test_the_add_form_refuses_or_saves_never_crashes(services, name, email, url, cadence, status):
    before = services.people.count_relationships()
    try:
        services.people.add_relationship(
            NewRelationship(name=name, email=email, profile_url=url, cadence_days=cadence, status=status)
        )
    except MentorDeskError:
        assert services.people.count_relationships() == before
    else:
        assert services.people.count_relationships() == before + 1
