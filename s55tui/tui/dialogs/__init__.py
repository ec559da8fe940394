"""Modal dialogs, each returning a dataclass, or None when cancelled."""
