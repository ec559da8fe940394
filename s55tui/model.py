"""The draft of a Section 55 response, as plain data.

Everything the app edits and every template reads is one of these dataclasses. They hold no
I/O and never import textual, so the command line and the renderer can use them without
paying for the user interface. The file layer (``s55tui.draftfile``) turns them into TOML
and back; it keeps what it needs to preserve the officer's comments and unknown keys in the
opaque ``origin`` and ``file_state`` fields, which nothing else should read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from s55tui.vocab import ITEM_KINDS

FORMAT_VERSION = 1


@dataclass
class Report:
    """The inspection report being answered."""

    title: str = ""
    type: str = "other"
    published: date | None = None
    inspectorate: str = "HMICFRS"
    url: str = ""
    summary: str = ""
    grade: str = ""


@dataclass
class Office:
    """Who answers: the force and its local policing body, with names and display titles.

    Titles are free text because offices differ ("Police, Fire and Crime Commissioner",
    "T/Chief Constable", a Mayor's deputy).
    """

    force: str = ""
    body: str = ""
    short: str = ""
    pcc_title: str = "Police and Crime Commissioner"
    pcc_short: str = ""  # "PCC", "PFCC", "Mayor"; blank: known from the title, else the title
    pcc_name: str = ""
    cc_title: str = "Chief Constable"
    cc_name: str = ""
    # A letter's addressee, one line each ("" is the Home Secretary at the Home Office), and
    # how it opens ("" is "Dear Home Secretary," for that default, else "Dear Sir or Madam,").
    letter_to: str = ""
    greeting: str = ""


@dataclass
class Response:
    """The overall response: the three things s.55(5) says must be published, and a signature."""

    template: str = "narrative"
    version: str = ""
    cc_comments: str = ""
    pcc_comments: str = ""
    pcc_reply: str = ""
    signed_by: str = ""
    signed_on: date | None = None
    published: date | None = None  # the day the response was published: progress is tracked from it


@dataclass
class Consultation:
    """The s.55(4) invitation to the chief constable to comment, by a date the office sets.

    ``reply_by`` is the date the office set; left empty, the office's default applies (see
    ``s55tui.consultation``). ``sent_to`` is whoever it went to, as the office writes it.
    """

    sent_to: str = ""
    invited: date | None = None
    reply_by: date | None = None
    received: date | None = None


@dataclass
class Update:
    """One progress update on an item after publication: appended, never overwritten."""

    on: date | None = None
    status: str = "in-progress"
    text: str = ""
    evidence: list[str] = field(default_factory=list)  # links or file names


@dataclass
class Item:
    """One recommendation, cause of concern or area for improvement, with its answers.

    ``number`` is kept as printed ("4", "4a", "AFI 3") because officers quote it.
    ``intro`` holds an office's own words printed just before the item (Norfolk's
    "A specific recommendation is also included for PCC's:"), so nothing has to be retyped.
    """

    kind: str = "recommendation"
    number: str = ""
    to: list[str] = field(default_factory=list)
    text: str = ""
    notes: str = ""
    intro: str = ""
    cc_response: str = ""
    pcc_response: str = ""
    status: str = "open"
    due: date | None = None  # the deadline the report's own text sets ("By 31 March 2024")
    updates: list[Update] = field(default_factory=list)  # progress after publication, oldest first
    origin: int | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """How officers name the item: "Recommendation 4", "Area for improvement 3"."""
        kind = ITEM_KINDS.get(self.kind, self.kind)
        return f"{kind} {self.number}".strip()

    @property
    def is_joint(self) -> bool:
        """Addressed to chief constables and PCCs together (or to all recipients)."""
        return "all" in self.to or {"chief-constables", "pccs"} <= set(self.to)

    @property
    def owes_cc(self) -> bool:
        """Whether the chief constable must answer this item."""
        return "chief-constables" in self.to or "all" in self.to

    @property
    def owes_pcc(self) -> bool:
        """Whether the commissioner must answer this item (national items need a position)."""
        return bool({"pccs", "all", "national"} & set(self.to))

    @property
    def latest_update(self) -> Update | None:
        """The most recent progress update (the later date; on the same day, the one added last)."""
        if not self.updates:
            return None
        order = sorted(enumerate(self.updates), key=lambda pair: (pair[1].on or date.min, pair[0]))
        return order[-1][1]

    @property
    def current_status(self) -> str:
        """The item's status: its latest update's, else the one the draft gives it."""
        latest = self.latest_update
        return latest.status if latest is not None else self.status

    @property
    def no_local_action(self) -> bool:
        """The office has recorded that nothing will be done locally, which is a position."""
        return self.status == "no-local-action"


@dataclass
class ChecklistEntry:
    """One box of the office-use checklist: where the response was sent or published."""

    label: str = ""
    done: bool = False
    on: date | None = None
    origin: int | None = field(default=None, compare=False, repr=False)


@dataclass
class Draft:
    """A whole draft response, as the officer sees it."""

    report: Report = field(default_factory=Report)
    office: Office = field(default_factory=Office)
    response: Response = field(default_factory=Response)
    items: list[Item] = field(default_factory=list)
    checklist: list[ChecklistEntry] = field(default_factory=list)
    consultation: Consultation = field(default_factory=Consultation)
    format: int = FORMAT_VERSION
    file_state: object | None = field(default=None, compare=False, repr=False)
