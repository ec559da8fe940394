"""The environment every template runs in: Jinja2's sandbox, holding a render budget it checks itself.

What it adds to ``SandboxedEnvironment`` (see ``limits.py`` for why it is done this way):

- every ``{% for %}`` loop is compiled to iterate through ``bounded_iter``, which checks the
  clock at each step, whatever is looped over (the items, a ``range``, a string, a list);
- every call (functions, methods, macros) and every filter checks the clock, refuses in
  advance a string operation whose result would be longer than a document may be
  (``growth.py``), and checks the length of what it returns;
- attribute and item lookups check the length of what they return, so a string or list a
  template keeps doubling is stopped before it can fill the memory;
- ``*``, ``**`` and ``%`` are checked before they run: ``'x' * 10**9``, ``10**10**10`` and
  ``'%999999999s' % x`` never start;
- ``lipsum`` (lorem ipsum of any length) is not offered; a Section 55 response has no use for it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import _PassArg

from s55tui.render.growth import filter_items, filter_length, format_width, method_length
from s55tui.render.limits import Budget, LimitExceeded

# A number with more digits than this cannot even be printed (Python's own limit for turning
# an int into text), so building one is refused before the arithmetic starts.
MAX_DIGITS = 4300
_DIGITS_PER_BIT = math.log10(2)
_SIZED = (str, list, tuple, dict, set)


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every loop's iterable passed through ``bounded_iter``."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("bounded_iter"), [node.iter], [], None, None, lineno=node.lineno
        )
        super().visit_For(node, frame)


class BoundedSandbox(SandboxedEnvironment):
    """A ``SandboxedEnvironment`` that stops a template once it has used up its ``Budget``."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, budget: Budget, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        self._short = min(budget.limits.max_chars, budget.limits.max_items)  # anything shorter fits
        self.globals.pop("lipsum", None)

    def bound_filters(self) -> None:
        """Wrap every filter so that each use is timed and sized; call once all are registered."""
        self.filters = {name: self._bounded_filter(name, f) for name, f in self.filters.items()}

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Iterate as a ``{% for %}`` loop does, checking the clock at every step."""
        tick = self.budget.tick
        for item in iterable:
            tick()
            yield item

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call a template makes: timed, refused if it would build too much, then sized."""
        budget = __self.budget
        budget.tick()
        target = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        receiver = getattr(target, "__self__", None)
        if isinstance(receiver, str):
            budget.fits(method_length(getattr(target, "__name__", ""), receiver, args))
        return budget.sized(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``, sized (the common, short case costs one comparison)."""
        value = SandboxedEnvironment.getattr(self, obj, attribute)
        if isinstance(value, _SIZED) and len(value) > self._short:
            self.budget.sized(value)
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]``, sized."""
        value = SandboxedEnvironment.getitem(self, obj, argument)
        if isinstance(value, _SIZED) and len(value) > self._short:
            self.budget.sized(value)
        return value

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**`` and ``%``, refused before they run if the result would be too big."""
        budget = self.budget
        budget.tick()
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str) and isinstance(times, int):
                    budget.fits(len(sequence) * times)
                elif isinstance(sequence, Sequence) and isinstance(times, int):  # lists, the items
                    budget.fits_items(len(sequence) * times)
            if _is_int(left) and _is_int(right):
                _number_fits(left.bit_length() + right.bit_length())
        elif operator == "**" and _is_int(left) and _is_int(right) and right > 0:
            _number_fits(max(abs(left), 2).bit_length() * right)
        elif operator == "%" and isinstance(left, str):
            budget.fits(len(left) + format_width(left))
        return budget.sized(super().call_binop(context, operator, left, right))

    def _bounded_filter(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        budget = self.budget
        skip = 1 if _PassArg.from_obj(func) is not None else 0  # the context or environment comes first

        @functools.wraps(func)  # keeps jinja_pass_arg, so Jinja still passes the context
        def bounded(*args: Any, **kwargs: Any) -> Any:
            budget.tick()
            if len(args) > skip:
                budget.fits(filter_length(name, args[skip], args[skip + 1 :], kwargs))
                budget.fits_items(filter_items(name, args[skip + 1 :], kwargs))
            return budget.sized(func(*args, **kwargs))

        return bounded


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number_fits(bits: int) -> None:
    if bits * _DIGITS_PER_BIT > MAX_DIGITS:
        raise LimitExceeded(f"a number of more than {MAX_DIGITS:,} digits is too long to print")
