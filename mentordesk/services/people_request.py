"""The first message to a hoped-for mentor, written from what MentorDesk knows about them.

A good request says why this person, what the sender hopes to achieve, asks for something
small and concrete, and makes it easy to say no. Gaps the user has not filled in yet are left
as bracketed prompts, so the draft never pretends to know more than it does.
"""

from __future__ import annotations

from mentordesk.domain.enums import CADENCE_PRESETS, Channel, FocusArea, Role
from mentordesk.services.people_rows import RelationshipDetail

_CADENCE_WORDS = {7: "once a week", 14: "every two weeks", 30: "once a month", 91: "once a quarter"}
_CHANNEL_WORDS = {
    Channel.IN_PERSON: "coffee",
    Channel.VIDEO: "video call",
    Channel.PHONE: "phone call",
    Channel.CHAT: "chat",
    Channel.EMAIL: "email exchange",
}


def cadence_label(days: int) -> str:
    """ "Monthly", "Every two weeks"… or "Every 45 days"."""
    for label, preset in CADENCE_PRESETS.items():
        if preset == days:
            return label
    return "Every day" if days == 1 else f"Every {days} days"


def _focus_words(values: tuple[str, ...]) -> str:
    words = []
    for value in values:
        try:
            words.append(FocusArea(value).label.lower())
        except ValueError:
            words.append(value)
    if len(words) > 1:
        return ", ".join(words[:-1]) + " and " + words[-1]
    return words[0] if words else ""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def draft_request(detail: RelationshipDetail, *, goals: tuple[str, ...] = (), sender: str = "") -> str:
    """An editable request message for ``detail`` (a prospect or someone already asked)."""
    person = detail.person
    first = person.name.split()[0] if person.name.split() else person.name
    mentoring = detail.role != Role.I_MENTOR

    why: list[str] = []
    if person.how_met.strip():
        why.append(f"You may remember me ({person.how_met.strip().rstrip('.')}).")
    elif person.where_met.strip():
        why.append(f"You may remember me: we met at {person.where_met.strip().rstrip('.')}.")
    if person.title and person.organization:
        why.append(f"I have followed your work as {person.title} at {person.organization}.")
    elif person.organization:
        why.append(f"I have followed your work at {person.organization}.")
    elif person.title:
        why.append(f"I have followed your work as {person.title}.")
    focus = _focus_words(detail.focus_areas)
    if focus:
        why.append(f"Your experience with {focus} is exactly what I would like to learn from.")
    if not why:
        why.append("[Why them: what about their experience made you think of them?]")

    if detail.hopes.strip():
        hopes = _sentence(f"What I hope to achieve: {detail.hopes.strip()}")
    elif goals:
        hopes = _sentence("What I am working towards: " + "; ".join(goals))
    else:
        hopes = "[What you hope to achieve, in one or two sentences.]"

    channel = _CHANNEL_WORDS.get(detail.preferred_channel or Channel.VIDEO, "video call")
    often = _CADENCE_WORDS.get(detail.cadence_days, f"every {detail.cadence_days} days")
    budget = detail.time_budget.strip().rstrip(".")
    length = f" ({budget})" if budget else ""
    size = "" if budget else "30-minute "
    ask = (
        f"My ask is small: would you be open to a {size}{channel} {often} for the next three "
        f"months{length}? I would come with specific questions and keep to time."
    )

    decline = (
        'If this is not a good time, or not something you can take on, a one-line "not now" is '
        "completely fine: no explanation needed, and I will be grateful you read this far."
    )
    subject = f"Subject: Would you be open to {'mentoring me' if mentoring else 'a regular conversation'}?"
    body = [
        subject,
        "",
        f"Dear {first},",
        "",
        " ".join(why),
        "",
        hopes,
        "",
        ask,
        "",
        decline,
        "",
        "Thank you for considering it,",
        sender.strip() or "[Your name]",
    ]
    return "\n".join(body)
