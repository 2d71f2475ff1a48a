"""The first message to a hoped-for mentor, written from what MentorDesk knows about them.

A good request says why this person, what the sender hopes to achieve, asks for something
small and concrete, and makes it easy to say no. Gaps the user has not filled in yet are left
as bracketed prompts, so the draft never pretends to know more than it does.
"""

from __future__ import annotations

from mentordesk.domain.enums import CADENCE_PRESETS, Channel, FocusArea, Role
from mentordesk.domain.text import QT_TRANSLATE_NOOP, translate
from mentordesk.services.people_rows import RelationshipDetail

_CADENCE_WORDS = {
    7: QT_TRANSLATE_NOOP("RequestDraft", "once a week"),
    14: QT_TRANSLATE_NOOP("RequestDraft", "every two weeks"),
    30: QT_TRANSLATE_NOOP("RequestDraft", "once a month"),
    91: QT_TRANSLATE_NOOP("RequestDraft", "once a quarter"),
}
_CHANNEL_WORDS = {
    Channel.IN_PERSON: QT_TRANSLATE_NOOP("RequestDraft", "coffee"),
    Channel.VIDEO: QT_TRANSLATE_NOOP("RequestDraft", "video call"),
    Channel.PHONE: QT_TRANSLATE_NOOP("RequestDraft", "phone call"),
    Channel.CHAT: QT_TRANSLATE_NOOP("RequestDraft", "chat"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("RequestDraft", "email exchange"),
}


def cadence_label(days: int) -> str:
    """ "Monthly", "Every two weeks"… or "Every 45 days" (translated)."""
    for label, preset in CADENCE_PRESETS.items():
        if preset == days:
            return translate("Enum", label)
    if days == 1:
        return translate("Cadence", "Every day")
    return translate("Cadence", "Every {days} days").format(days=days)


def _focus_words(values: tuple[str, ...]) -> str:
    words = []
    for value in values:
        try:
            words.append(translate("Enum", FocusArea(value).label).lower())
        except ValueError:
            words.append(value)
    if len(words) > 1:
        return translate("RequestDraft", "{items} and {last}").format(
            items=", ".join(words[:-1]), last=words[-1]
        )
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
        why.append(
            translate("RequestDraft", "You may remember me ({how}).").format(
                how=person.how_met.strip().rstrip(".")
            )
        )
    elif person.where_met.strip():
        why.append(
            translate("RequestDraft", "You may remember me: we met at {where}.").format(
                where=person.where_met.strip().rstrip(".")
            )
        )
    if person.title and person.organization:
        why.append(
            translate("RequestDraft", "I have followed your work as {title} at {organization}.").format(
                title=person.title, organization=person.organization
            )
        )
    elif person.organization:
        why.append(
            translate("RequestDraft", "I have followed your work at {organization}.").format(
                organization=person.organization
            )
        )
    elif person.title:
        why.append(
            translate("RequestDraft", "I have followed your work as {title}.").format(title=person.title)
        )
    focus = _focus_words(detail.focus_areas)
    if focus:
        why.append(
            translate(
                "RequestDraft", "Your experience with {focus} is exactly what I would like to learn from."
            ).format(focus=focus)
        )
    if not why:
        why.append(
            translate("RequestDraft", "[Why them: what about their experience made you think of them?]")
        )

    if detail.hopes.strip():
        hopes = _sentence(
            translate("RequestDraft", "What I hope to achieve: {hopes}").format(hopes=detail.hopes.strip())
        )
    elif goals:
        hopes = _sentence(
            translate("RequestDraft", "What I am working towards: {goals}").format(goals="; ".join(goals))
        )
    else:
        hopes = translate("RequestDraft", "[What you hope to achieve, in one or two sentences.]")

    channel = translate(
        "RequestDraft", _CHANNEL_WORDS.get(detail.preferred_channel or Channel.VIDEO, "video call")
    )
    if detail.cadence_days in _CADENCE_WORDS:
        often = translate("RequestDraft", _CADENCE_WORDS[detail.cadence_days])
    else:
        often = translate("RequestDraft", "every {days} days").format(days=detail.cadence_days)
    budget = detail.time_budget.strip().rstrip(".")
    if budget:
        ask = translate(
            "RequestDraft",
            "My ask is small: would you be open to a {channel} {often} for the next three months "
            "({budget})? I would come with specific questions and keep to time.",
        ).format(channel=channel, often=often, budget=budget)
    else:
        ask = translate(
            "RequestDraft",
            "My ask is small: would you be open to a 30-minute {channel} {often} for the next three "
            "months? I would come with specific questions and keep to time.",
        ).format(channel=channel, often=often)

    decline = translate(
        "RequestDraft",
        'If this is not a good time, or not something you can take on, a one-line "not now" is '
        "completely fine: no explanation needed, and I will be grateful you read this far.",
    )
    if mentoring:
        subject = translate("RequestDraft", "Subject: Would you be open to mentoring me?")
    else:
        subject = translate("RequestDraft", "Subject: Would you be open to a regular conversation?")
    body = [
        subject,
        "",
        translate("RequestDraft", "Dear {name},").format(name=first),
        "",
        " ".join(why),
        "",
        hopes,
        "",
        ask,
        "",
        decline,
        "",
        translate("RequestDraft", "Thank you for considering it,"),
        sender.strip() or translate("RequestDraft", "[Your name]"),
    ]
    return "\n".join(body)
