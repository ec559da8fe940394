"""The Jinja2 environment that turns a draft into Markdown, safely by default.

- ``SandboxedEnvironment``: an office's own template cannot reach into Python; the bounded
  sandbox (``sandbox.py``) also stops it after ``RenderLimits`` of time and output.
- ``StrictUndefined``: a misspelt field is an error naming the template line, not a blank.
- ``finalize`` escapes every printed value for Markdown unless it is ``Rich`` (the rich fields,
  or a value a template marks with ``|markdown``). Forgetting to escape is therefore impossible;
  printing Markdown has to be asked for.
- User text is only ever data: it is passed in the context, never compiled, so a response
  that says ``{{ 7*7 }}`` prints ``{{ 7*7 }}``.

jinja2 is imported inside the functions, so importing this module costs nothing at start-up.
"""

from __future__ import annotations

import contextlib
import re
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from s55tui.deadline import long_date
from s55tui.model import Draft
from s55tui.render.catalogue import SUFFIX, TemplateError, find_template, search_path
from s55tui.render.context import build_context, initials
from s55tui.render.limits import DEFAULT_LIMITS, Budget, LimitExceeded, RenderLimits
from s55tui.render.mdtext import Rich, escape_plain

if TYPE_CHECKING:
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

    from s55tui.render.sandbox import BoundedSandbox


def finalize(value: object) -> object:
    """Escape what a template prints, unless it is Markdown on purpose."""
    if isinstance(value, Rich):
        return value
    if value is None:
        return ""
    if isinstance(value, date):
        return long_date(value)
    return escape_plain(value)


def _markdown(value: object) -> Rich:
    """The ``|markdown`` filter: print this value as Markdown (only for text the template trusts)."""
    return value if isinstance(value, Rich) else Rich(str(value))


def _quoted(value: object) -> Rich:
    """The ``|quoted`` filter: a rich field as a Markdown quotation (the chief constable's
    comments in a letter), still Markdown; a plain value is escaped first."""
    text = value if isinstance(value, Rich) else escape_plain(value)
    return Rich("\n".join(f"> {line}" if line.strip() else ">" for line in str(text).split("\n")))


def _long_date(value: date | None) -> str:
    return long_date(value) if value else ""


def _month_year(value: date | None) -> str:
    return f"{value:%B %Y}" if value else ""


_compiled: BytecodeCache | None = None


def compiled_templates() -> BytecodeCache:
    """Every template compiled so far, kept in memory for the life of the process.

    Each render has an environment of its own (its budget is part of it), and a new
    environment compiles every template it loads again: about 30 ms of a 100-item preview,
    on every visit to the review and every export. Jinja keys what it keeps by the template's
    name and a checksum of its source, so an office template edited on disk is compiled
    afresh. Only environments made by ``make_environment`` use it: all are configured alike.
    """
    global _compiled
    if _compiled is None:
        from jinja2 import BytecodeCache

        class InMemory(BytecodeCache):
            def __init__(self) -> None:
                self.kept: dict[str, bytes] = {}

            def load_bytecode(self, bucket: Bucket) -> None:
                code = self.kept.get(bucket.key)
                if code is not None:
                    bucket.bytecode_from_string(code)

            def dump_bytecode(self, bucket: Bucket) -> None:
                self.kept[bucket.key] = bucket.bytecode_to_string()

        _compiled = InMemory()
    return _compiled


def make_environment(office_dir: Path | None = None, budget: Budget | None = None) -> BoundedSandbox:
    """A bounded sandbox loading templates from the office folder, then the built-ins."""
    from jinja2 import FileSystemLoader, StrictUndefined

    from s55tui.render.sandbox import BoundedSandbox

    env = BoundedSandbox(
        bytecode_cache=compiled_templates(),
        loader=FileSystemLoader([str(p) for p in search_path(office_dir)], encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
        budget=budget or Budget(),
    )
    env.filters.update(
        markdown=_markdown,
        quoted=_quoted,
        long_date=_long_date,
        month_year=_month_year,
        initials=initials,
    )
    env.bound_filters()
    return env


def render_markdown(
    draft: Draft,
    template: str | None = None,
    office_dir: Path | None = None,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> str:
    """Render ``draft`` with the template it names (or ``template``) into Markdown.

    Raises ``TemplateError`` naming the template file and line for anything the template
    gets wrong: bad syntax, a missing field, something the sandbox forbids, a render that
    runs longer or writes more than ``limits`` allow. Safe to call from any thread.
    """
    return tidy("".join(iter_markdown(draft, template, office_dir, limits)))


def iter_markdown(
    draft: Draft,
    template: str | None = None,
    office_dir: Path | None = None,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> Iterator[str]:
    """The Markdown of ``render_markdown`` piece by piece as the template writes it, before
    ``tidy``: the preview shows the top of a long document while the rest is written. Raises
    as ``render_markdown`` does, when the piece that fails is reached."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    info = find_template(template or draft.response.template or "narrative", office_dir)
    budget = Budget(limits)
    env = make_environment(office_dir, budget)
    try:
        compiled = env.get_template(info.path.name)
        for chunk in compiled.generate(build_context(draft).as_dict()):
            budget.write(chunk)
            yield chunk
    except TemplateSyntaxError as error:
        where = error.filename or str(info.path)
        raise TemplateError(f"{where}:{error.lineno}: template error: {error.message}") from None
    except TemplateNotFound as error:
        found = re.fullmatch(r"sections/(.*)\.md\.j2", str(error.name))
        what = f"no section called {found.group(1)!r}" if found else f"no template {error.name!r} to include"
        raise TemplateError(f"{_where(error, info.path)}: template error: {what}") from None
    except JinjaError as error:
        raise TemplateError(f"{_where(error, info.path)}: template error: {_explain(error)}") from None
    except LimitExceeded as error:
        raise TemplateError(f"{_where(error, info.path)}: template stopped: {error}") from None
    except RecursionError as error:
        message = "calls itself over and over (a macro without an end?)"
        raise TemplateError(f"{_where(error, info.path)}: template error: {message}") from None
    except MemoryError as error:
        raise TemplateError(f"{_where(error, info.path)}: template error: ran out of memory") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as error:
        raise TemplateError(f"{_where(error, info.path)}: template error: {error}") from None


def precompile(template: str, office_dir: Path | None = None) -> None:
    """Compile ``template``, and the sections it includes, before they are needed.

    The app does this on a thread after a draft opens, so that its first review does not
    wait for Jinja. A sample draft with an item of every kind, each with both responses,
    takes the template down its usual paths. A template that fails is left for the render
    that needs it to report, in one line as ever.
    """
    from s55tui.model import Item, Response
    from s55tui.vocab import ITEM_KINDS

    words = "Words."
    items = [Item(kind, "1", ["all"], words, cc_response=words, pcc_response=words) for kind in ITEM_KINDS]
    sample = Draft(response=Response(cc_comments=words, pcc_comments=words), items=items)
    with contextlib.suppress(Exception):  # reported by the render that needs it, not here
        for _ in iter_markdown(sample, template, office_dir):
            pass


def template_sections(template: str, office_dir: Path | None = None) -> list[str] | None:
    """The sections a template says it prints, in order (``{% set sections = [...] %}`` at its
    top level, as the letter's), or None where it says nothing: then it prints what its text
    prints, the checklist included."""
    from jinja2 import TemplateSyntaxError, nodes

    info = find_template(template, office_dir)
    try:
        source = info.path.read_text(encoding="utf-8")
        tree = make_environment(office_dir).parse(source, info.path.name, str(info.path))
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"{info.path}: cannot read the template: {error}") from None
    except TemplateSyntaxError as error:
        raise TemplateError(f"{info.path}:{error.lineno}: template error: {error.message}") from None
    for node in tree.body:
        target = getattr(node, "target", None)
        if isinstance(node, nodes.Assign) and isinstance(target, nodes.Name) and target.name == "sections":
            value = None
            if isinstance(node.node, nodes.Expr):
                with contextlib.suppress(nodes.Impossible):
                    value = node.node.as_const()
            if not isinstance(value, list | tuple) or not all(isinstance(name, str) for name in value):
                raise TemplateError(
                    f"{info.path}:{node.lineno}: sections must be a list of section names in quotes, "
                    'such as ["letter-head", "items", "signature"]'
                )
            return list(value)
    return None


def prints_checklist(template: str, office_dir: Path | None = None) -> bool:
    """Whether the template prints the office-use checklist (so an unticked box is worth a word)."""
    sections = template_sections(template, office_dir)
    return sections is None or "checklist" in sections


def _where(error: BaseException, fallback: Path) -> str:
    """``file:line`` of the innermost template frame in the error's traceback."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(SUFFIX):
            return f"{frame.filename}:{frame.lineno}"
    return str(fallback)


_VIEWS = {
    "ReportView": "report",
    "OfficeView": "office",
    "ResponseView": "response",
    "ItemView": "an item",
    "CheckView": "a checklist entry",
    "UpdateView": "an update",
}
_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def _explain(error: BaseException) -> str:
    """Jinja's message, with our view classes named the way a template author knows them."""
    message = str(error)
    found = _NO_ATTRIBUTE.search(message)
    if found and found.group(1) in _VIEWS:
        return f"{_VIEWS[found.group(1)]} has no field {found.group(2)!r}"
    return message


def tidy(text: str) -> str:
    """Collapse runs of blank lines left by empty optional fields, and end with one newline."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip("\n") + "\n"
