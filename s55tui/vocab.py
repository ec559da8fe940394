"""The fixed words of the field: the values the draft file accepts and how they read aloud.

They live in one place so that the file reader, the completeness check, the templates and the
app all agree on spelling; an office's own titles and names are data, never listed here.
"""

from __future__ import annotations

REPORT_TYPES: dict[str, str] = {
    "peel": "PEEL",
    "thematic": "Thematic",
    "joint": "Joint inspection",
    "custody": "Custody",
    "child-protection": "Child protection",
    "super-complaint": "Super-complaint",
    "commissioned": "Commissioned",
    "other": "Other",
}

ITEM_KINDS: dict[str, str] = {
    "recommendation": "Recommendation",
    "cause-of-concern": "Cause of concern",
    "area-for-improvement": "Area for improvement",
}

ADDRESSEES: dict[str, str] = {
    "chief-constables": "chief constables",
    "pccs": "police and crime commissioners",
    "all": "all recipients",
    "national": "national bodies",
}

STATUSES: dict[str, str] = {
    "open": "Open",
    "in-progress": "In progress",
    "complete": "Complete",
    "superseded": "Superseded",
    "no-local-action": "No local action",
    "no-further-action": "No further action",
}

# The status a progress update gives its item, each with the words the inspectorate's own
# monitoring of recommendations uses for it, shown beside ours wherever a status is chosen.
UPDATE_STATUSES: dict[str, str] = {
    "open": "Open (HMICFRS: not started)",
    "in-progress": "In progress (HMICFRS: in progress)",
    "complete": "Complete (HMICFRS: complete)",
    "no-further-action": "No further action (HMICFRS: no further action required)",
    "superseded": "Superseded (HMICFRS: superseded)",
}
# Statuses after which nothing more is asked of the force: the item is closed.
CLOSED_STATUSES = frozenset({"complete", "no-further-action", "superseded"})

# The office-use checklist every new draft starts with unless the office profile says
# otherwise: Norfolk's four boxes plus the copy to the Home Secretary that s.55(6) requires.
DEFAULT_CHECKLIST: tuple[str, ...] = (
    "Response forwarded to HMICFRS Section 55 Responses",
    "Response forwarded to Chief Constable",
    "Response forwarded to Police and Crime Panel",
    "Response published on the office website",
    "Copy sent to the Home Secretary",
)


def expected(values: dict[str, str] | tuple[str, ...]) -> str:
    """The list of accepted spellings, for the end of an error message."""
    return ", ".join(values)


# The commissioner sends a copy of a response to the Home Secretary (s.55(5)); a letter goes
# to this address unless the office's profile names another (``[office] letter_to``).
HOME_SECRETARY = ("The Home Secretary", "Home Office", "2 Marsham Street", "London", "SW1P 4DF")
