"""s55tui: draft Section 55 responses to HMICFRS inspection reports."""

__version__ = "0.1.0"
