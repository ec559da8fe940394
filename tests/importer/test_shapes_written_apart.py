"""Texts in every shape of REPORTS.md, written by colleagues who had not read the importer.

Each file in ``tests/data/import/shapes`` and ``shapes-second`` (two sets, written apart from
each other; the second was scored before the importer was changed for it) is an excerpt of a
report, letter, web page, PDF paste, tracker or office response in invented wording.
``expected.json`` says, for each, the items a perfect importer finds: kind, number,
addressees, due date, first and last words, and any answer offered (some files are decoys
with none). The files are read as an officer's would be, through ``read_source``, so a PDF
paste is joined back as it would be on import.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from testdata import DATA

from s55tui.importer import recognise
from s55tui.importer.sources import read_source

SETS = [DATA / "import" / "shapes", DATA / "import" / "shapes-second"]
EXPECTED = {
    (folder, name): entry
    for folder in SETS
    for name, entry in json.loads((folder / "expected.json").read_text(encoding="utf-8")).items()
}


def _words(text: str) -> str:
    """Words as compared: curly quotes straightened, bullet marks and a "To ...:" lead-in dropped."""
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"^To [^:]{1,80}:\s*", "", text.strip())
    return " ".join(word for word in text.split() if word not in ("-", "\u2022"))


@pytest.mark.parametrize(
    ("folder", "name"), sorted(EXPECTED), ids=lambda value: getattr(value, "name", value)
)
def test_every_item_in_the_shape_it_was_printed_and_nothing_else(folder, name: str) -> None:
    expected = EXPECTED[folder, name]
    published = date.fromisoformat(expected["published"])
    found = recognise(read_source(folder / name).text, name, published).items
    assert [(i.kind, i.number) for i in found] == [(e["kind"], e["number"]) for e in expected["items"]]
    for item, want in zip(found, expected["items"], strict=True):
        where = f"{name}: {item.label}"
        assert sorted(item.to) == sorted(want["to"]), where
        assert (item.due.isoformat() if item.due else None) == want["due"], where
        assert _words(item.text).startswith(_words(want["first_words"])), where
        assert _words(item.text).endswith(_words(want["last_words"])), where
        answer = want.get("response")
        if answer is None:
            assert not item.cc_response and not item.pcc_response, where
        else:
            given = item.cc_response if answer["who"] == "cc" else item.pcc_response
            assert _words(given).startswith(_words(answer["first_words"])), where


def test_the_shapes_cover_every_kind_and_decoys() -> None:
    kinds = {item["kind"] for entry in EXPECTED.values() for item in entry["items"]}
    assert kinds == {"recommendation", "cause-of-concern", "area-for-improvement"}
    assert sum(not entry["items"] for entry in EXPECTED.values()) >= 2  # texts with no item at all
    assert sum(len(entry["items"]) for entry in EXPECTED.values()) >= 110
