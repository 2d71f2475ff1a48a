"""How many automatic backups are kept, by default: the preferences' defaults and the backup
module's (here on their own, so that reading the preferences at start loads nothing else)."""

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6  # besides every backup of the last 24 hours
