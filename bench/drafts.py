"""Generate drafts of any size that look like real ones, through the real model and writer.

The benchmark needs drafts of 10, 100 and 1,000 items whose responses are about 2 KB of the
Markdown officers actually write (bullet lists, bold, links), so the figures reflect what the
renderer and the file layer meet in an office. Everything goes through ``Profile.new_draft``
and ``save_draft``, so a change to the model or the format cannot leave the benchmark measuring
a file the app would never write; a unit test keeps the generator honest.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from s55tui.draftfile.writer import save_draft
from s55tui.model import Draft, Item, Report
from s55tui.profile import Profile

SIZES = (10, 100, 1000)
RESPONSE_BYTES = 2000
PUBLISHED = date(2024, 3, 5)

_KINDS = ("recommendation", "recommendation", "cause-of-concern", "area-for-improvement")
_ADDRESSEES = (["chief-constables"], ["pccs"], ["all"], ["chief-constables", "pccs"], ["national"])
_PHRASES = (
    "the force will review its vetting procedures and report progress to the joint audit committee",
    "officers and staff receive training on victim care and information sharing with partners",
    "the commissioner will hold the chief constable to account through the quarterly scrutiny board",
    "a new policy sets out how data on immigration status is handled and when it is shared",
    "supervisors check a sample of crime records each month and the findings go to the delivery group",
)
_WORDS = tuple(" ".join(_PHRASES).split())
_LINKS = (
    "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/",
    "https://www.norfolk-pcc.gov.uk/key-information/hmicfrs-reports/",
    "https://www.college.police.uk/app/",
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def markdown_text(rng: random.Random, size: int = RESPONSE_BYTES) -> str:
    """About ``size`` characters of response Markdown: paragraphs, a bullet list, bold and links."""
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        link = rng.choice(_LINKS)
        parts.append(
            f"{_sentence(rng, 18)} **{_sentence(rng, 4)}** See [the published guidance]({link}). "
            f"{_sentence(rng, 14)}"
        )
        bullets = [f"- {_sentence(rng, rng.randint(6, 14))}" for _ in range(rng.randint(3, 5))]
        bullets[1] = f"- **Lead:** {_sentence(rng, 8)}"
        parts.append("\n".join(bullets))
    return "\n\n".join(parts)


def make_draft(items: int, seed: int = 55, *, owed_every: int = 0) -> Draft:
    """A complete draft of ``items`` items: every response owed is written, every box ticked.

    ``owed_every`` N leaves both responses of one item in N blank (the 1st, the N+1th...), so
    the app's "next owed" has somewhere to go, as in a draft being worked on. Those items are
    all addressed to chief constables, so each owes at least the chief constable's response.
    """
    rng = random.Random(seed * 100_003 + items)
    report = Report(
        title=f"Benchmark inspection with {items} items",
        type="thematic",
        published=PUBLISHED,
        url="https://www.justiceinspectorates.gov.uk/hmicfrs/",
        summary=markdown_text(rng),
    )
    draft = Profile().new_draft(report)
    office = draft.office
    office.force, office.short = "Norfolk Constabulary", "OPCCN"
    office.body = "Norfolk Police and Crime Commissioner"
    office.pcc_name, office.cc_name = "Sam Example", "Alex Example"
    response = draft.response
    response.cc_comments = markdown_text(rng)
    response.pcc_comments = markdown_text(rng)
    response.pcc_reply = markdown_text(rng, 600)
    response.signed_by = "Sam Example"
    response.signed_on = date(2024, 4, 20)
    numbers: dict[str, int] = {}
    for index in range(items):
        kind = _KINDS[index % len(_KINDS)]
        numbers[kind] = numbers.get(kind, 0) + 1
        draft.items.append(
            Item(
                kind=kind,
                number=str(numbers[kind]),
                to=list(_ADDRESSEES[index % len(_ADDRESSEES)]),
                text=_sentence(rng, 40),
                cc_response=markdown_text(rng),
                pcc_response=markdown_text(rng),
                status="in-progress",
            )
        )
        if owed_every and index % owed_every == 0:
            draft.items[-1].cc_response = draft.items[-1].pcc_response = ""
    for entry in draft.checklist:
        entry.done, entry.on = True, date(2024, 4, 22)
    return draft


def write_draft(path: Path, items: int, *, big_response: int = 0, owed_every: int = 0) -> Path:
    """Save a generated draft at ``path``; ``big_response`` makes the first item's response that
    long; ``owed_every`` leaves every Nth item unanswered (see ``make_draft``)."""
    draft = make_draft(items, owed_every=owed_every)
    if big_response and draft.items:
        draft.items[0].cc_response = markdown_text(random.Random(7), big_response)
    save_draft(path, draft)
    return path


def write_drafts(folder: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, Path]:
    """One draft per size in ``folder``, named ``items-N.toml``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {n: write_draft(folder / f"items-{n}.toml", n) for n in sizes}
