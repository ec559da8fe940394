"""The office profile: who this office is, so every new draft starts filled in.

An office sets its force, body, names and titles once, with its own checklist and default
template; ``s55tui new`` copies them into each draft. The profile is TOML with an ``[office]``
table spelled exactly like the draft's, so an officer can copy one into the other by hand.
Without a profile s55tui still works: the office fields start blank and the default
checklist (Norfolk's four boxes and the copy to the Home Secretary) is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from s55tui.draftfile import schema
from s55tui.draftfile.schema import FieldError, describe
from s55tui.errors import ProfileError
from s55tui.model import ChecklistEntry, Draft, Office, Report, Response
from s55tui.paths import profile_candidates
from s55tui.tomlread import parse_toml, read_toml_text
from s55tui.vocab import DEFAULT_CHECKLIST

_TOP_KEYS = ("office", "template", "drafts", "checklist", "templates", "letterhead")


@dataclass
class Profile:
    """An office's standing details; ``source`` is the file they came from, if any."""

    office: Office = field(default_factory=Office)
    template: str = "narrative"
    drafts: Path | None = None
    templates: Path | None = None  # a folder of the office's own NAME.md.j2 templates
    letterhead: Path | None = None  # a .docx whose styles, header, footer and logo exports use
    checklist: list[str] = field(default_factory=lambda: list(DEFAULT_CHECKLIST))
    source: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def new_draft(self, report: Report) -> Draft:
        """A fresh draft for ``report``, filled from this profile."""
        office = Office(**vars(self.office))
        checklist = [ChecklistEntry(label) for label in self.checklist]
        return Draft(
            report=report, office=office, response=Response(template=self.template), checklist=checklist
        )


def load_profile(path: Path | None = None, cwd: Path | None = None) -> Profile:
    """The profile at ``path``, else the first of ./s55tui.toml and the user's, else defaults."""
    if path is not None:
        return read_profile(path)
    for candidate in profile_candidates(cwd):
        if candidate.is_file():
            return read_profile(candidate)
    return Profile()


def read_profile(path: Path) -> Profile:
    """Read one profile file, or raise ``ProfileError`` naming the file and the place."""
    data = parse_toml(read_toml_text(path, ProfileError, "an office profile"), str(path), ProfileError)
    try:
        return _build(data, path)
    except FieldError as error:
        raise ProfileError(f"{path}: {error}") from None


def _build(data: dict[str, Any], path: Path) -> Profile:
    warnings = [f"{key}: unknown key, ignored" for key in data if key not in _TOP_KEYS]
    profile = Profile(source=path, warnings=warnings)
    office = data.get("office", {})
    if not isinstance(office, dict):
        raise FieldError("office", f"expected an [office] table, found {describe(office)}")
    values = {}
    for key, value in office.items():
        if key in schema.OFFICE:
            values[key] = schema.OFFICE[key](value, f"office.{key}")
        else:
            warnings.append(f"office.{key}: unknown key, ignored")
    profile.office = Office(**values)
    if "template" in data:
        profile.template = schema.text(data["template"], "template").strip() or profile.template
    if "drafts" in data:
        folder = Path(schema.text(data["drafts"], "drafts")).expanduser()
        profile.drafts = folder if folder.is_absolute() else path.parent / folder
    for key in ("templates", "letterhead"):
        if key in data:
            place = Path(schema.text(data[key], key)).expanduser()
            setattr(profile, key, place if place.is_absolute() else path.parent / place)
    if "checklist" in data:
        labels = data["checklist"]
        if not isinstance(labels, list):
            raise FieldError("checklist", f"expected a list of labels in quotes, found {describe(labels)}")
        profile.checklist = [schema.text(label, f"checklist[{i}]") for i, label in enumerate(labels, start=1)]
    return profile
