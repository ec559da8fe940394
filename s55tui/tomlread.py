"""Read TOML files for the draft and the profile, with every failure as one line naming the place."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from s55tui.errors import S55Error

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019"
_CONTROL_CHARACTERS = frozenset(map(chr, [*range(0x20), 0x7F])) - {"\t", "\n"}
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Files people give by mistake, known by their first bytes.
_OTHER_FILES = {
    b"PK\x03\x04": "a Word .docx file (or another zip file)",
    b"%PDF": "a PDF file",
    b"\xd0\xcf\x11\xe0": "an old Word .doc or Outlook file",
}


def _plain(reason: str, at: str, mac: bool = False) -> str:
    """tomllib's reason in words for someone who edits TOML by hand now and then.

    ``at`` is the text from the place tomllib stopped, so the hint can name what is there:
    Word's curly quotes, Python's ``True``, a Windows path's backslashes, a control character;
    ``mac`` says the file's only line endings are CRs (old Mac).
    """
    if reason == "Illegal character '\\n'":
        return "text in quotes runs on past the end of the line; close the quotes, or use triple quotes"
    if reason.startswith(("Illegal character", "Found invalid character")):
        found = reason.split("character ", 1)[1]
        return f"Illegal character {found}: a control character TOML does not allow in the file; remove it"
    if reason == "Cannot overwrite a value":
        return "this key is set twice; keep one of them (Cannot overwrite a value)"
    match = _TWICE.fullmatch(reason)
    if match:
        name = ".".join(part.strip(" '\"") for part in match.group(1).split(",") if part.strip())
        return f"the [{name}] table appears twice; merge them into one"
    if reason == "Invalid value" and at[:1] in _CURLY_QUOTES:
        return f'text must be in straight quotes ("), not curly ones ({at[0]}); Word curls them as you type'
    if reason == "Invalid value" and at.startswith(("True", "False")):
        return "write true or false in small letters"
    if reason in ("Unescaped '\\' in a string", "Invalid hex value"):
        return "a backslash in quotes starts an escape such as \\n; write \\\\ for a backslash, or / in paths"
    if reason == "Escaped character is not a Unicode scalar value":
        return "this \\u escape is half a character (a lone surrogate), which a file cannot hold; remove it"
    if mac and at.startswith("\r"):
        return "the file has old Mac line endings (CR only); save it with Windows or Unix line endings"
    if at[:1] in _CONTROL_CHARACTERS:
        return _plain(f"Illegal character {at[0]!r}", at)
    return reason


def parse_toml(text: str, source: str, error: type[S55Error]) -> dict[str, Any]:
    """Parse ``text``; on a syntax error raise ``error`` with one line naming the place.

    Also refused, though TOML allows them: values nested more than ``MAX_DEPTH`` deep (tomlkit,
    which saves the draft keeping its comments, cannot read them back, so the first save would
    fail) and numbers too long for Python to read (over 4,300 digits).
    """
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise error(f"{source}: lists or tables are nested inside each other too deeply to read") from None
    except tomllib.TOMLDecodeError as problem:
        message = str(problem)
        match = _POSITION.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            at = _text_at(text, line, column)
            reason = _plain(message[: match.start()], at, mac="\r" in text and "\n" not in text)
            raise error(f"{source}:{line}:{column}: {reason}") from None
        reason = message.replace("(at end of document)", "").strip()
        line = text.count("\n") + 1
        raise error(f"{source}:{line}: {reason} at the end of the file") from None
    except ValueError:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        digits = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else 1
        length = len(digits.group()) if digits else 4300
        raise error(
            f"{source}:{line}: a number {length:,} digits long; no draft needs one, remove it"
        ) from None
    deep = _too_deep(data)
    if deep is not None:
        raise error(
            f"{source}: {deep}: lists or tables are nested inside each other more than {MAX_DEPTH} deep; "
            "s55tui could not save that again, so flatten or remove it"
        )
    return data


MAX_DEPTH = 100  # as tomlkit allows
_LONG_NUMBER = re.compile(r"\d[\d_]{4299,}")


def _too_deep(data: dict[str, Any]) -> str | None:
    """The key holding the first value nested over ``MAX_DEPTH`` deep (``report.notes``), else None.

    Walked with a stack, not recursion, so a file nested thousands deep is measured, not crashed on.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            return where.split("[", 1)[0] or "the file"
        if isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


def _text_at(text: str, line: int, column: int) -> str:
    """A few characters from ``line``:``column`` (both from 1), as tomllib counts them."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return text[start + column - 1 : start + column + 7]


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
    if not data.removeprefix(_UTF8_BOM).strip():
        raise error(f"{path}: the file is empty; it is not {what}")
    for magic, kind in _OTHER_FILES.items():
        if data.startswith(magic):
            raise error(f"{path}: this is {kind}, not {what} file")
    if data.startswith(_UTF16_BOMS):
        raise error(f'{path}:1:1: the file is UTF-16 text (Notepad\'s "Unicode"); save it as UTF-8')
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
