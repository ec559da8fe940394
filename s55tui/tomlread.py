"""Read TOML files for the draft and the profile, with every failure as one line naming the place."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from s55tui.errors import S55Error

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TWICE = re.compile(r"Cannot declare \((.*)\) twice")


def _plain(reason: str) -> str:
    """tomllib's reason in words for someone who edits TOML by hand now and then."""
    if reason == "Illegal character '\\n'":
        return "text in quotes runs on past the end of the line; close the quotes, or use triple quotes"
    if reason.startswith("Illegal character"):
        return f"{reason}: a control character TOML does not allow in the file; remove it"
    if reason == "Cannot overwrite a value":
        return "this key is set twice; keep one of them (Cannot overwrite a value)"
    match = _TWICE.fullmatch(reason)
    if match:
        name = ".".join(part.strip(" '\"") for part in match.group(1).split(",") if part.strip())
        return f"the [{name}] table appears twice; merge them into one"
    return reason


def parse_toml(text: str, source: str, error: type[S55Error]) -> dict[str, Any]:
    """Parse ``text``; on a syntax error raise ``error`` with one line naming the place."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        message = str(problem)
        match = _POSITION.search(message)
        if match:
            reason = _plain(message[: match.start()])
            raise error(f"{source}:{match.group(1)}:{match.group(2)}: {reason}") from None
        reason = message.replace("(at end of document)", "").strip()
        line = text.count("\n") + 1
        raise error(f"{source}:{line}: {reason} at the end of the file") from None


def read_toml_text(path: Path, error: type[S55Error], what: str) -> str:
    """A TOML file's text, or ``error`` with a plain reason: missing, a folder, empty, not UTF-8."""
    if path.is_dir():
        raise error(f"{path}: is a folder, not {what} file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except PermissionError:
        raise error(f"{path}: cannot read the file (permission denied)") from None
    except OSError as problem:
        raise error(f"{path}: cannot read the file ({problem.strerror or problem})") from None
    if not data.strip():
        raise error(f"{path}: the file is empty; it is not {what}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as problem:
        before = data[: problem.start]
        line = before.count(b"\n") + 1
        column = problem.start - (before.rfind(b"\n") + 1) + 1
        raise error(
            f"{path}:{line}:{column}: the file is not UTF-8 text (byte 0x{data[problem.start]:02x}); "
            "save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")
