"""List the document templates an export can use, and where each one comes from.

Built-in templates ship with s55tui; an office's own live in the folder its profile names
('templates'). An office template with a built-in name is used instead of the built-in one.
"""

from __future__ import annotations

import argparse

from s55tui.profile import load_profile
from s55tui.render.catalogue import list_templates


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``s55tui templates``."""
    lister = commands.add_parser(
        "templates", help="list the document templates and where they come from", description=__doc__
    )
    lister.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui templates``: one template a line: name, origin, file, what it is for."""
    profile = load_profile(options.profile)
    templates = list_templates(profile.templates)
    width = max(len(info.name) for info in templates)
    for info in templates:
        origin = info.origin
        if info.shadowed:
            origin += ", replaced by the office's"
        elif info.origin == "office" and any(
            other.shadowed and other.name == info.name for other in templates
        ):
            origin += ", replaces the built-in one"
        print(f"{info.name:<{width}}  ({origin})  {info.path}")
        if info.description:
            print(f"{'':<{width}}  {info.description}")
    return 0
