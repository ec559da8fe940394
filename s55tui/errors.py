"""The one kind of failure an officer is shown: a single line naming the file and the place.

Every expected failure (a broken file, a wrong value, a folder that cannot be written) is
raised as ``S55Error``. The command line prints ``str(error)`` and exits 2; the app shows it
in a notification. Anything else is a bug and is allowed to be loud.
"""

from __future__ import annotations


class S55Error(Exception):
    """An input or environment problem, explained in one line fit to show a user."""


class DraftError(S55Error):
    """A draft file that cannot be read, understood or saved."""


class ProfileError(S55Error):
    """An office profile that cannot be read or understood."""


class ChangedOnDiskError(DraftError):
    """The draft was changed on disk by someone else since it was opened; it was not overwritten."""


class LockLostError(DraftError):
    """A colleague took the draft over: this copy's save was refused before it touched the file."""
