"""Every place s55tui looks for files, in one module, so tests and the app agree.

The office profile is looked for first as ``./s55tui.toml`` (an office can keep one beside
its shared drafts folder) and then in the user's config folder from platformdirs
(``~/.config/s55tui/profile.toml`` on Linux). Tests point ``XDG_CONFIG_HOME`` elsewhere so
they never touch a real home.
"""

from __future__ import annotations

from pathlib import Path

LOCAL_PROFILE = "s55tui.toml"
PROFILE_NAME = "profile.toml"


def config_dir() -> Path:
    """The user's s55tui config folder (it may not exist yet)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("s55tui", appauthor=False))


def user_profile_path() -> Path:
    """Where an officer's own office profile lives."""
    return config_dir() / PROFILE_NAME


def profile_candidates(cwd: Path | None = None) -> list[Path]:
    """The profile files to try, most specific first."""
    here = cwd or Path.cwd()
    return [here / LOCAL_PROFILE, user_profile_path()]


def error_log_dir() -> Path:
    """Where the app writes the details of an error it did not expect, for whoever supports it."""
    from platformdirs import user_log_dir

    return Path(user_log_dir("s55tui", appauthor=False))


def recovery_dir() -> Path:
    """Where the app keeps a copy of a draft it could not save where it belongs."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("s55tui", appauthor=False)) / "recovered"
