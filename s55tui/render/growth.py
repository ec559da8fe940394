"""How long a string operation's result will be, worked out before the operation runs.

A single call such as ``'x'.center(10**10)``, ``text|indent(10**7)`` or ``'%999999999s' % x``
builds its whole result in one step of C code that no check can interrupt, so the bounded
sandbox asks here first and refuses what would be longer than a document may be. Estimates
err on the large side; anything not listed is checked by its result's length afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Widths and precisions in %-formatting ("%-20.5s") and in str.format specs ("{:>20}").
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d+)?(?:\.(\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")
_DIGITS = re.compile(r"\d+")
_HUGE = 10**12  # a width with more digits than this is simply huge; int() would only waste time


def _number(digits: str) -> int:
    return _HUGE if len(digits) > 12 else int(digits)


def format_width(fmt: str) -> int:
    """The widest field a format string asks for, with %-style or {}-style specs."""
    numbers = [_number(n) for match in _PERCENT_SPEC.finditer(fmt) for n in match.groups() if n]
    numbers += [_number(n) for spec in _BRACE_SPEC.findall(fmt) for n in _DIGITS.findall(spec)]
    return max(numbers, default=0)


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _replaced(text: str, old: Any, new: Any, count: Any = -1) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = len(text) + 1 if old == "" else text.count(old)
    if _int(count, -1) >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def method_length(name: str, text: str, args: Sequence[Any]) -> int:
    """The most characters ``text.<name>(*args)`` can return."""
    first = args[0] if args else None
    if name in ("center", "ljust", "rjust", "zfill"):
        return max(len(text), _int(first))
    if name == "expandtabs":
        return len(text) * max(_int(first, 8), 1)
    if name == "replace" and len(args) >= 2:
        return _replaced(text, *args[:3])
    if name in ("format", "format_map"):
        return len(text) + format_width(text)
    return len(text)


def filter_items(name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> int:
    """How many lists ``value|slice(n)`` makes: the one filter whose count is its argument."""
    return _int(args[0] if args else kwargs.get("slices")) if name == "slice" else 0


def filter_length(name: str, value: Any, args: Sequence[Any], kwargs: dict[str, Any]) -> int:
    """The most characters ``value|name(*args, **kwargs)`` can produce."""
    if not isinstance(value, str):
        if name == "join" and isinstance(value, Sequence):
            separator = args[0] if args else kwargs.get("d", "")
            return len(value) * (len(separator) + 1) if isinstance(separator, str) else 0
        return 0
    if name == "center":
        return max(len(value), _int(args[0] if args else kwargs.get("width"), 80))
    if name == "indent":
        width = args[0] if args else kwargs.get("width", 4)
        step = len(width) if isinstance(width, str) else _int(width)
        return len(value) + step * (value.count("\n") + 1)
    if name == "replace" and len(args) >= 2:
        return _replaced(value, *args[:3])
    if name == "format":
        return len(value) + format_width(value)
    return len(value)
