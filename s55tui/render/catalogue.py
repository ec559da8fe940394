"""Where document templates come from: the four built in, and an office's own folder.

A template is a file ``NAME.md.j2``. The built-in ones ship inside the package (so they are
found after a plain ``pip install``); an office may name a folder of its own in its profile.
An office template with a built-in name replaces the built-in one for that office, and
``s55tui templates`` says so, because a document that suddenly looks different needs a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from s55tui.errors import S55Error

SUFFIX = ".md.j2"
BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
REFERENCE_DOCX = BUILTIN_DIR / "reference.docx"

# What each built-in shape is for, shown by ``s55tui templates``.
DESCRIPTIONS: dict[str, str] = {
    "narrative": "statutory heading, key findings, recommendations, then each side's response "
    "and the office-use checklist (Norfolk)",
    "record": "a record form of labelled fields: a table of facts, then each response (Staffordshire)",
    "per-recommendation": "each recommendation followed by the force's response and the "
    "commissioner's comment, then overall comments and a signature",
    "letter": "a letter to the Home Secretary: overall comments first, the chief constable's "
    "comments quoted, each item with its answers, signed (Surrey, West Mercia); no checklist",
}


class TemplateError(S55Error):
    """A template that cannot be found, read or rendered."""


@dataclass(frozen=True)
class TemplateInfo:
    """One template an export can use, and where it was found."""

    name: str
    path: Path
    origin: str  # "built in" or "office"
    shadowed: bool = False  # a built-in template that an office template replaces

    @property
    def description(self) -> str:
        """What the template is for (office templates: their first comment line, if any)."""
        if self.origin == "built in":
            return DESCRIPTIONS.get(self.name, "")
        return _first_comment(self.path)


def template_name(path: Path) -> str:
    """``narrative.md.j2`` -> ``narrative``."""
    return path.name[: -len(SUFFIX)]


def search_path(office_dir: Path | None) -> list[Path]:
    """The folders templates are loaded from, the office's first so it can replace a built-in."""
    if office_dir is None:
        return [BUILTIN_DIR]
    if not office_dir.is_dir():
        raise TemplateError(f"{office_dir}: the office templates folder does not exist")
    return [office_dir, BUILTIN_DIR]


def list_templates(office_dir: Path | None = None) -> list[TemplateInfo]:
    """Every template, office ones first, each with where it comes from."""
    found: list[TemplateInfo] = []
    office_names: set[str] = set()
    if office_dir is not None:
        for path in sorted(search_path(office_dir)[0].glob(f"*{SUFFIX}")):
            found.append(TemplateInfo(template_name(path), path, "office"))
            office_names.add(template_name(path))
    for path in sorted(BUILTIN_DIR.glob(f"*{SUFFIX}")):
        name = template_name(path)
        found.append(TemplateInfo(name, path, "built in", shadowed=name in office_names))
    return found


def template_names(office_dir: Path | None = None) -> tuple[list[str], str]:
    """The names a draft can choose from (office ones first), and why the office's own
    templates could not be read ("" when they could): then only the built-in ones are offered."""
    from s55tui.errors import S55Error

    try:
        infos, problem = list_templates(office_dir), ""
    except S55Error as error:
        infos, problem = list_templates(None), str(error)
    return [info.name for info in infos if not info.shadowed], problem


def find_template(name: str, office_dir: Path | None = None) -> TemplateInfo:
    """The template called ``name``, or an error listing the ones there are."""
    available = [info for info in list_templates(office_dir) if not info.shadowed]
    for info in available:
        if info.name == name:
            return info
    names = ", ".join(info.name for info in available)
    raise TemplateError(f"no template called {name!r}; there are: {names} (see 's55tui templates')")


def _first_comment(path: Path) -> str:
    """The text of a ``{# ... #}`` comment on a template's first line: its description."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    if first.startswith("{#") and first.endswith("#}"):
        return first[2:-2].strip()
    return ""
