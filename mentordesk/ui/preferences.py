"""The user's preferences, kept with QSettings: one typed accessor per setting."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from mentordesk.domain.enums import DEFAULT_CADENCE_DAYS
from mentordesk.store.retention import KEEP_DAILY, KEEP_MONTHLY, KEEP_WEEKLY

THEMES = ("system", "light", "dark")


def _int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(settings.value(key, default))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
    return min(high, max(low, value))


def _bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


@dataclass
class Preferences:
    theme: str = "system"
    reminder_minutes: int = 15
    daily_digest: bool = True
    week_start: int = 0  # 0: the locale's first day; 1 Monday ... 7 Sunday
    default_cadence: int = DEFAULT_CADENCE_DAYS
    keep_daily: int = KEEP_DAILY
    keep_weekly: int = KEEP_WEEKLY
    keep_monthly: int = KEEP_MONTHLY
    db_path: str = ""  # "" means the default file in the user data folder

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        theme = str(settings.value("appearance/theme", "system"))
        return cls(
            theme=theme if theme in THEMES else "system",
            reminder_minutes=_int(settings, "reminders/lead_minutes", 15, 0, 24 * 60),
            daily_digest=_bool(settings, "reminders/daily_digest", True),
            week_start=_int(settings, "calendar/week_start", 0, 0, 7),
            default_cadence=_int(settings, "defaults/cadence_days", DEFAULT_CADENCE_DAYS, 1, 3660),
            keep_daily=_int(settings, "backups/keep_daily", KEEP_DAILY, 1, 365),
            keep_weekly=_int(settings, "backups/keep_weekly", KEEP_WEEKLY, 0, 520),
            keep_monthly=_int(settings, "backups/keep_monthly", KEEP_MONTHLY, 0, 240),
            db_path=str(settings.value("data/db_path", "") or ""),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("appearance/theme", self.theme)
        settings.setValue("reminders/lead_minutes", self.reminder_minutes)
        settings.setValue("reminders/daily_digest", self.daily_digest)
        settings.setValue("calendar/week_start", self.week_start)
        settings.setValue("defaults/cadence_days", self.default_cadence)
        settings.setValue("backups/keep_daily", self.keep_daily)
        settings.setValue("backups/keep_weekly", self.keep_weekly)
        settings.setValue("backups/keep_monthly", self.keep_monthly)
        settings.setValue("data/db_path", self.db_path)
        settings.sync()
