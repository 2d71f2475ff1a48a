"""MentorDesk: a personal mentoring tracker."""

__version__ = "0.1.0"
