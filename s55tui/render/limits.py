"""How long a template may run and how much it may write, and the per-render budget that counts.

Jinja2's sandbox stops a template reaching into Python, but not a loop that never ends or a
document of a billion characters. Three ways to bound that were weighed:

- ``signal.alarm`` only works on the main thread, and the app renders on a worker thread.
- A subprocess per render is robust but costs a Python start-up (and a Windows spawn) on
  every preview, and cannot share the draft without pickling it.
- Checks made from inside the sandbox cost almost nothing (about 3% on a 1,000-item draft)
  and work on any thread. The bounded sandbox (``sandbox.py``) looks at the clock at every
  step of every ``{% for %}`` loop and at every call and filter, and checks sizes before an
  operator or a string method builds a huge value in one go; ``render_markdown`` counts the
  output as it is produced.

So a render holds a ``Budget`` made from ``RenderLimits``. ``LimitExceeded`` is raised inside
the template, so its traceback names the template line, and ``render_markdown`` turns it
into a one-line ``TemplateError``. The limits cover the template; turning its (bounded)
Markdown into Word and HTML afterwards is the writers' own, linear, work.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RenderLimits:
    """The most a template render may take: seconds of wall-clock time, characters of output,
    and items in any one list it builds.

    The defaults are far beyond any real response (a 1,000-item draft renders in about a
    fifth of a second into two million characters) and well short of a hang or running out
    of memory. The app may pass tighter ones for its live preview.
    """

    seconds: float = 10.0
    max_chars: int = 20_000_000
    max_items: int = 1_000_000  # the longest list a template may build (Python loops over it)


DEFAULT_LIMITS = RenderLimits()


class LimitExceeded(Exception):
    """A render went over its time or size limit; not a subclass of anything Jinja or a filter catches."""


class Budget:
    """One render's allowance: a deadline, and the characters written so far."""

    __slots__ = ("deadline", "limits", "written")

    def __init__(self, limits: RenderLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.written = 0

    def tick(self) -> None:
        """Stop the render once its time is up."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"ran for more than {self.limits.seconds:g} seconds; does a loop run on without end?"
            )

    def write(self, chunk: str) -> None:
        """Count a piece of output, and stop the render once the document is too long."""
        self.written += len(chunk)
        if self.written > self.limits.max_chars:
            raise LimitExceeded(f"the document would be longer than {self.limits.max_chars:,} characters")

    def fits(self, length: int) -> None:
        """Refuse to build text longer than a whole document may be."""
        if length > self.limits.max_chars:
            raise LimitExceeded(
                f"text of {length:,} characters is more than a document may hold "
                f"({self.limits.max_chars:,} characters)"
            )

    def fits_items(self, count: int) -> None:
        """Refuse to build a list longer than a template may loop over in reasonable time."""
        if count > self.limits.max_items:
            raise LimitExceeded(
                f"a list of {count:,} items is more than a template may build ({self.limits.max_items:,})"
            )

    def sized(self, value: T) -> T:
        """``value``, once it is known not to be longer than a template may build."""
        if isinstance(value, str):
            self.fits(len(value))
        elif isinstance(value, list | tuple | dict | set):
            self.fits_items(len(value))
        return value
