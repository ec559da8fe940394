"""What a template sees: the draft as read-only views, rich fields marked, words ready to print.

Templates never get the model itself. They get these views, in which every rich field
(summary, responses, item text and notes) is already a ``Rich`` value: cleaned, with raw HTML
made visible, printed as Markdown. Everything else is printed escaped. The phrases offices
print (long dates, "To chief constables and police and crime commissioners (or equivalents)",
a tick with the word "done") are worked out here once, so every template says them alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from s55tui.deadline import last_day, long_date
from s55tui.model import ChecklistEntry, Draft, Item, Update
from s55tui.render.mdtext import Rich, prepare_rich
from s55tui.textclean import clean_line
from s55tui.vocab import HOME_SECRETARY, ITEM_KINDS, REPORT_TYPES, STATUSES

# How HMICFRS itself writes who a recommendation is for.
_TO_PHRASES = {
    "chief-constables": "chief constables",
    "pccs": "police and crime commissioners (or equivalents)",
    "national": "national bodies",
}
# Commissioners' titles and the short forms offices and HMICFRS print; an area may follow the
# role ("... for Surrey", "... of Greater Manchester").
_KNOWN_SHORT = {
    "police and crime commissioner": "PCC",
    "police fire and crime commissioner": "PFCC",
    "police fire and crime commissioner fire and rescue authority": "PFCC",
    "mayor's office for policing and crime": "MOPAC",
    "deputy mayor for policing and crime": "Deputy Mayor",
    "mayor": "Mayor",
}
_AREA_TITLES = {"police and crime commissioner", "police fire and crime commissioner", "mayor"}
_INSPECTORATES = {"HMICFRS": "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services"}
TICK, BOX = "\u2713", "\u2610"


@dataclass(frozen=True)
class ReportView:
    """The report being answered; ``summary`` is rich."""

    title: str
    type: str
    type_label: str
    published: date | None
    published_long: str
    last_day_long: str
    inspectorate: str
    inspectorate_long: str
    inspectorate_short: str
    url: str
    summary: Rich
    grade: str


@dataclass(frozen=True)
class OfficeView:
    """Who answers. ``pcc_short`` is the office's own ("PCC", "PFCC", "Mayor"), else the one
    HMICFRS uses for a title it knows, else the title itself, never made of initials: the
    initials of "Police and Crime Commissioner for Surrey" are "PCCS". ``pcc_plural`` is
    its plural, or the inspectorate's "police and crime commissioners" for a whole title."""

    force: str
    body: str
    body_with_short: str
    short: str
    pcc_title: str
    pcc_short: str
    pcc_plural: str
    pcc_name: str
    cc_title: str
    cc_name: str
    letter_to: tuple[str, ...]  # the addressee's lines
    greeting: str


@dataclass(frozen=True)
class ResponseView:
    """The overall response (rich) and the signature (plain)."""

    template: str
    version: str
    cc_comments: Rich
    pcc_comments: Rich
    pcc_reply: Rich
    signed_by: str
    signed_on: date | None
    signed_on_long: str
    signed_month: str
    published: date | None = None  # the day the response was published
    published_long: str = ""


@dataclass(frozen=True)
class UpdateView:
    """One progress update on an item; ``text`` is rich."""

    on: date | None
    on_long: str
    status: str
    status_label: str
    text: Rich
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ItemView:
    """One item; ``text``, ``notes``, ``intro`` and the two responses are rich."""

    kind: str
    kind_label: str
    number: str
    label: str
    to: tuple[str, ...]
    to_phrase: str
    is_joint: bool
    is_national: bool
    text: Rich
    notes: Rich
    intro: Rich
    cc_response: Rich
    pcc_response: Rich
    cc_response_names_item: bool
    pcc_response_names_item: bool
    status: str
    status_label: str
    updates: tuple[UpdateView, ...] = ()  # oldest first
    current_status: str = ""  # the latest update's status, else ``status``
    current_status_label: str = ""
    last_update_long: str = ""  # the latest update's date, in words


@dataclass(frozen=True)
class CheckView:
    """One checklist box, with the tick and the same fact in words."""

    label: str
    done: bool
    on: date | None
    mark: str
    words: str


@dataclass(frozen=True)
class Context:
    """Everything a template may read, by name."""

    report: ReportView
    office: OfficeView
    response: ResponseView
    items: ItemViews
    checklist: tuple[CheckView, ...]

    def as_dict(self) -> dict[str, object]:
        """The template's global names."""
        return {
            "report": self.report,
            "office": self.office,
            "response": self.response,
            "items": self.items,
            "recommendations": self.items.of_kind("recommendation"),
            "causes_of_concern": self.items.of_kind("cause-of-concern"),
            "areas_for_improvement": self.items.of_kind("area-for-improvement"),
            "checklist": self.checklist,
        }


class ItemViews(Sequence[ItemView]):
    """The items as views, each built the first time a template reaches it; read like a tuple.

    Building a view cleans and normalises its text and both responses: most of a second for
    a 1,000-item draft. Built as the template walks the items, the first sections of the
    document come out at once, so the review's preview shows its top while the rest is still
    being written. The lists by kind share the views already built.
    """

    def __init__(self, items: Sequence[Item], report_type: str, *, _built: dict[int, ItemView] | None = None):
        self._items = tuple(items)
        self._report_type = report_type
        self._built: dict[int, ItemView] = {} if _built is None else _built  # by id() of the item

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> ItemView: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ItemView, ...]: ...
    def __getitem__(self, index: int | slice) -> ItemView | tuple[ItemView, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self._items))))
        item = self._items[index]
        view = self._built.get(id(item))
        if view is None:
            view = self._built[id(item)] = _item(item, self._report_type)
        return view

    def __eq__(self, other: object) -> bool:
        """Equal to the same views as a tuple or another list of them, as the tuple was."""
        if isinstance(other, ItemViews | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside: not a dict key

    def __add__(self, other: object) -> tuple[object, ...]:
        """``items + more`` in a template, as with the tuple."""
        if isinstance(other, ItemViews | tuple):
            return (*self, *other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[object, ...]:
        if isinstance(other, tuple):
            return (*other, *self)
        return NotImplemented

    def __mul__(self, times: int) -> tuple[ItemView, ...]:
        """``items * 2`` in a template, as with the tuple (the sandbox bounds it first)."""
        return tuple(self) * times

    __rmul__ = __mul__

    def of_kind(self, kind: str) -> ItemViews:
        """The items of one kind, in the report's order."""
        chosen = [item for item in self._items if item.kind == kind]
        return ItemViews(chosen, self._report_type, _built=self._built)


def build_context(draft: Draft) -> Context:
    """The views a template renders, built from ``draft``."""
    report = draft.report
    return Context(
        report=ReportView(
            title=clean_line(report.title),
            type=report.type,
            type_label=REPORT_TYPES.get(report.type, report.type),
            published=report.published,
            published_long=long_date(report.published) if report.published else "",
            last_day_long=long_date(last_day(report.published)) if report.published else "",
            inspectorate=clean_line(report.inspectorate),
            inspectorate_long=_inspectorate_long(clean_line(report.inspectorate)),
            inspectorate_short=_inspectorate_short(clean_line(report.inspectorate)),
            url=clean_line(report.url),
            summary=prepare_rich(report.summary),
            grade=clean_line(report.grade),
        ),
        office=_office(draft),
        response=_response(draft),
        items=ItemViews(draft.items, report.type),
        checklist=tuple(_check(entry) for entry in draft.checklist),
    )


def initials(title: str) -> str:
    """ "Police and Crime Commissioner" -> "PCC"; a title of one or two words stays as it is."""
    words = [w for w in title.replace(",", " ").split() if w[:1].isupper()]
    if len(words) < 3:
        return title
    return "".join(w[0] for w in words)


def _inspectorate_long(name: str) -> str:
    full = _INSPECTORATES.get(name)
    return f"{full} ({name})" if full else name


def _inspectorate_short(name: str) -> str:
    """ "Her Majesty's Inspectorate ... (HMICFRS)" -> "HMICFRS"; a name without one stays whole."""
    found = re.search(r"\(([A-Z&]{2,})\)$", name)
    return found.group(1) if found else name


def known_short(title: str) -> str:
    """The short title for a commissioner's title the field knows ("Police, Fire and Crime
    Commissioner for Essex" -> "PFCC"); "" for any other."""
    plain = " ".join(title.replace(",", " ").replace("\u2019", "'").split()).casefold()
    if plain in _KNOWN_SHORT:
        return _KNOWN_SHORT[plain]
    role = re.split(r" (?:for|of) ", plain, maxsplit=1)[0]
    return _KNOWN_SHORT[role] if role != plain and role in _AREA_TITLES else ""


def _office(draft: Draft) -> OfficeView:
    office = draft.office
    pcc_title = clean_line(office.pcc_title)
    body = clean_line(office.body)
    short = clean_line(office.pcc_short) or known_short(pcc_title) or pcc_title
    plural = f"{short}s" if short != pcc_title and " " not in short else _TO_PHRASES["pccs"]
    with_short = body
    if short != pcc_title and body.endswith(pcc_title) and f"({short})" not in body:
        with_short = f"{body} ({short})"
    addressee = tuple(line for line in map(clean_line, office.letter_to.splitlines()) if line.strip())
    return OfficeView(
        force=clean_line(office.force),
        body=body,
        body_with_short=with_short,
        short=clean_line(office.short),
        pcc_title=pcc_title,
        pcc_short=short,
        pcc_plural=plural,
        pcc_name=clean_line(office.pcc_name),
        cc_title=clean_line(office.cc_title),
        cc_name=clean_line(office.cc_name),
        letter_to=addressee or HOME_SECRETARY,
        greeting=clean_line(office.greeting)
        or ("Dear Sir or Madam," if addressee else "Dear Home Secretary,"),
    )


def _response(draft: Draft) -> ResponseView:
    response = draft.response
    signed = response.signed_on
    return ResponseView(
        template=response.template,
        version=clean_line(response.version),
        cc_comments=prepare_rich(response.cc_comments),
        pcc_comments=prepare_rich(response.pcc_comments),
        pcc_reply=prepare_rich(response.pcc_reply),
        signed_by=clean_line(response.signed_by),
        signed_on=signed,
        signed_on_long=long_date(signed) if signed else "",
        signed_month=f"{signed:%B %Y}" if signed else "",
        published=response.published,
        published_long=long_date(response.published) if response.published else "",
    )


def to_phrase(to: list[str], report_type: str) -> str:
    """Who an item is for, as HMICFRS prints it after "To"."""
    if "all" in to:
        source = "investigation" if report_type == "super-complaint" else "inspection"
        return f"all recipients of recommendations from this {source}"
    if {"chief-constables", "pccs"} <= set(to):
        return f"{_TO_PHRASES['chief-constables']} and {_TO_PHRASES['pccs']}"
    return " and ".join(_TO_PHRASES.get(key, key) for key in to)


def _names(response: str, item: Item) -> bool:
    """Whether a response already says which item it answers ("In response to recommendation 5")."""
    pattern = rf"\b{re.escape(item.label.casefold())}(?![0-9A-Za-z])"
    return re.search(pattern, " ".join(response.split()).casefold()) is not None


def _item(item: Item, report_type: str) -> ItemView:
    return ItemView(
        kind=item.kind,
        kind_label=ITEM_KINDS.get(item.kind, item.kind),
        number=clean_line(item.number),
        label=clean_line(item.label),
        to=tuple(item.to),
        to_phrase=to_phrase(item.to, report_type),
        is_joint=item.is_joint,
        is_national=set(item.to) == {"national"},
        text=prepare_rich(item.text),
        notes=prepare_rich(item.notes),
        intro=prepare_rich(item.intro),
        cc_response=prepare_rich(item.cc_response),
        pcc_response=prepare_rich(item.pcc_response),
        cc_response_names_item=_names(item.cc_response, item),
        pcc_response_names_item=_names(item.pcc_response, item),
        status=item.status,
        status_label=STATUSES.get(item.status, item.status),
        updates=tuple(_update(update) for update in sorted(item.updates, key=lambda u: u.on or date.min)),
        current_status=item.current_status,
        current_status_label=STATUSES.get(item.current_status, item.current_status),
        last_update_long=long_date(latest.on) if (latest := item.latest_update) and latest.on else "",
    )


def _update(update: Update) -> UpdateView:
    return UpdateView(
        on=update.on,
        on_long=long_date(update.on) if update.on else "",
        status=update.status,
        status_label=STATUSES.get(update.status, update.status),
        text=prepare_rich(update.text),
        evidence=tuple(clean_line(e) for e in update.evidence),
    )


def _check(entry: ChecklistEntry) -> CheckView:
    words = "not done yet"
    if entry.done:
        words = f"done, {long_date(entry.on)}" if entry.on else "done"
    return CheckView(clean_line(entry.label), entry.done, entry.on, TICK if entry.done else BOX, words)
