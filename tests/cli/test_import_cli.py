"""``s55tui import`` as an officer runs it: what it prints, what it saves, and how it fails."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from s55tui.cli.main import main
from s55tui.draftfile import load_draft, save_draft
from s55tui.model import Draft, Item, Report

FORCE_TEXT = """Recommendation 1. To chief constables

Stop sharing information.

Notes to recommendation 1

- Only domestic abuse victims.

Force response

We have stopped.

Recommendation 8. To all recipients of recommendations from this investigation
Provide an update within six months.

End
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "force.txt"
    path.write_text(FORCE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A draft where recommendation 1 already has a response and the officer left a comment."""
    path = tmp_path / "draft.toml"
    items = [
        Item(number="1", to=["chief-constables"], text="Stop sharing information.", cc_response="Done."),
        Item(number="4", to=["chief-constables"], text="Our own wording of 4."),
    ]
    save_draft(path, Draft(report=Report(title="Safe to share?", published=date(2020, 12, 17)), items=items))
    text = path.read_text(encoding="utf-8").replace(
        'number = "1"\n', 'number = "1"\n# Jo: agreed with the DA lead\n'
    )
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_shows_what_was_found_and_adds_nothing_without_into(capsys, source: Path) -> None:
    code, out, err = run(capsys, str(source))
    assert code == 0 and err == ""
    assert out.splitlines()[:8] == [
        f"Found 2 items in {source}:",
        "  Recommendation 1: to chief constables",
        "      Stop sharing information.",
        "      with notes: - Only domestic abuse victims.",
        "      answered, as the chief constable's response: We have stopped.",
        "  Recommendation 8: to all recipients",
        "      Provide an update within six months.",
        "",
    ]
    assert "Nothing was added." in out


def test_json_lists_items_with_draft_keys(capsys, source: Path) -> None:
    code, out, _ = run(capsys, str(source), "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "kind": "recommendation",
            "number": "1",
            "to": ["chief-constables"],
            "text": "Stop sharing information.",
            "notes": "- Only domestic abuse victims.",
            "intro": "",
            "due": None,
            "cc_response": "We have stopped.",  # under "Force response": offered as the chief's
            "pcc_response": "",
        },
        {
            "kind": "recommendation",
            "number": "8",
            "to": ["all"],
            "text": "Provide an update within six months.",
            "notes": "",
            "intro": "",
            "due": None,  # six months from a publication date the text alone does not give
            "cc_response": "",
            "pcc_response": "",
        },
    ]


def test_into_merges_by_number_and_never_touches_a_written_response(
    capsys, source: Path, draft: Path
) -> None:
    code, out, _ = run(capsys, str(source), "--into", str(draft))
    assert code == 0
    assert "  + Recommendation 8" in out
    assert "  ~ Recommendation 1: filled in notes (was empty)" in out
    # the force's answer in the text differs from the one the officer wrote: the officer's stays
    assert (
        "  ! Recommendation 1: the draft's chief constable's response differs from the text; kept the draft's"
        in out
    )
    assert f"Saved {draft}." in out
    saved = load_draft(draft).draft
    assert [(i.number, i.to) for i in saved.items] == [
        ("1", ["chief-constables"]),
        ("4", ["chief-constables"]),
        ("8", ["all"]),
    ]
    assert saved.items[0].cc_response == "Done."
    assert saved.items[0].notes == "- Only domestic abuse victims."
    assert saved.items[1].text == "Our own wording of 4."
    assert "# Jo: agreed with the DA lead" in draft.read_text(encoding="utf-8")


def test_a_different_text_in_the_draft_is_kept_and_reported(capsys, tmp_path: Path, draft: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Recommendation 4. To chief constables\nThe report's wording of 4.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(report), "--into", str(draft))
    assert code == 0
    assert "  ! Recommendation 4: the draft's text differs from the text; kept the draft's" in out
    assert "Nothing to add" in out
    assert load_draft(draft).draft.items[1].text == "Our own wording of 4."


def test_dry_run_leaves_the_draft_byte_for_byte(capsys, source: Path, draft: Path) -> None:
    before = draft.read_bytes()
    code, out, _ = run(capsys, str(source), "--into", str(draft), "--dry-run")
    assert code == 0
    assert "Would add to" in out and "Dry run: the draft was not changed." in out
    assert draft.read_bytes() == before
    # a dry run shows each item whole, with what was found after it, as the dialog does
    assert (
        "  Recommendation 1: to chief constables\n"
        "      Stop sharing information.\n"
        "      notes:\n"
        "      - Only domestic abuse victims.\n"
        "      answered, as the chief constable's response:\n"
        "      We have stopped.\n"
    ) in out


def test_pasted_text_on_stdin(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FORCE_TEXT.encode("utf-8"))))
    code, out, _ = run(capsys, "-", "--json")
    assert code == 0
    assert [item["number"] for item in json.loads(out)] == ["1", "8"]


def test_text_without_items_exits_1(capsys, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear Chief Constable,\nThank you.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert out.strip() == f"No recommendations, causes of concern or areas for improvement found in {path}."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "missing.txt: no such file"),
        ("empty.txt", b"  \n\n", "empty.txt: empty; there is no text to import"),
        ("fake.docx", b"Recommendation 1", "fake.docx: not a Word .docx file (it does not start like one)"),
        ("broken.docx", b"PK\x03\x04broken", "broken.docx: not a Word .docx file that can be read"),
        ("fake.pdf", b"<html>not a pdf</html>", "fake.pdf: not a PDF file (it does not start like one)"),
        ("broken.pdf", b"%PDF-1.4\nnonsense", "broken.pdf: not a PDF that can be read"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "old.doc: this kind of file cannot be read"),
        ("binary.bin", b"\x00\x01\x02" * 50, "binary.bin: not a text file"),
    ],
)
def test_bad_sources_give_one_line_naming_the_file_and_exit_2(
    capsys, tmp_path, name, content, message
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"s55tui: {tmp_path}/") and message in err


def test_a_folder_and_a_missing_draft_exit_2(capsys, tmp_path: Path, source: Path) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(capsys, str(source), "--into", str(tmp_path / "none.toml"))
    assert code == 2 and "none.toml" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.toml").exists()


def test_the_importer_and_its_command_never_load_textual() -> None:
    code = (
        "import sys, s55tui.importer, s55tui.importer.sources, s55tui.importer.merge, s55tui.cli.import_cmd;"
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
