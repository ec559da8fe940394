"""The draft file: TOML format 1, read with tomllib, written with tomlkit, saved atomically."""

from s55tui.draftfile.reader import LoadResult, load_draft, parse_draft
from s55tui.draftfile.writer import changed_on_disk, dumps_draft, save_copy, save_draft

__all__ = [
    "LoadResult",
    "changed_on_disk",
    "dumps_draft",
    "load_draft",
    "parse_draft",
    "save_copy",
    "save_draft",
]
