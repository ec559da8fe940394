"""The command line as an officer uses it: check, new, --help, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui import __version__
from s55tui.cli import main
from s55tui.draftfile import load_draft


def test_check_on_the_example_reports_what_norfolk_left_unanswered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(EXAMPLE), "--today", "2021-01-04"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        f"{EXAMPLE}: Safe to share? Report on Liberty and Southall Black Sisters' super-complaint on "
        "policing and immigration status\n"
        "Super-complaint, published Thursday 17 December 2020\n"
        "Last day: Wednesday 10 February 2021 (37 days left)\n"
        "Responses written: 3 of 5 owed, across 4 items\n"
        "\n"
        "Missing (2):\n"
        "  Recommendation 4: no chief constable response\n"
        "  Recommendation 5: no chief constable response\n"
        "\n"
        "Not ready: 2 things missing.\n"
    )


def test_check_without_today_counts_from_the_real_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever the date, ``check`` alone says what ``check --today <that date>`` says."""
    for _ in range(2):  # once more if midnight came between the two runs
        today = date.today()
        main(["check", str(EXAMPLE)])
        by_default = capsys.readouterr().out
        main(["check", str(EXAMPLE), "--today", today.isoformat()])
        if date.today() == today:
            break
    assert "Last day: Wednesday 10 February 2021 (" in by_default
    assert by_default == capsys.readouterr().out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE), "--json", "--today", "2021-02-10"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ready"] is False
    assert report["deadline"] == {
        "published": "2020-12-17",
        "last_day": "2021-02-10",
        "today": "2021-02-10",
        "days_left": 0,
        "state": "today",
    }
    assert report["responses"] == {"owed": 5, "written": 3}
    assert [
        (f["where"], f["message"], f["field"]) for f in report["findings"] if f["severity"] == "missing"
    ] == [
        ("Recommendation 4", "no chief constable response", "items[2].cc_response"),
        ("Recommendation 5", "no chief constable response", "items[3].cc_response"),
    ]


def test_check_exits_0_when_ready(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ready.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace(
        '\ncc_response = ""\n', '\ncc_response = "Taken forward by the Victims Sub Group."\n', 2
    )
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--today", "2021-01-04"]) == 0
    assert capsys.readouterr().out.endswith("Ready to publish: nothing required is missing.\n")


def test_check_prints_unknown_keys_as_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("[office]", "[office]\nmotto = 'x'"), "utf-8")
    main(["check", str(path)])
    assert capsys.readouterr().err == f"s55tui: warning: {path}: office.motto: unknown key, kept as it is\n"


def test_new_creates_a_draft_from_the_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "office.toml"
    profile.write_text(
        'template = "per-recommendation"\n'
        'checklist = ["Sent to HMICFRS", "Sent to the Home Secretary"]\n\n'
        "[office]\n"
        'force = "Staffordshire Police"\n'
        'body = "Staffordshire Commissioner"\n'
        'pcc_title = "Police, Fire and Crime Commissioner"\n'
        'pcc_name = "Ben Adams"\n'
        'cc_title = "T/Chief Constable"\n',
        encoding="utf-8",
    )
    path = tmp_path / "vetting.toml"
    code = main(
        [
            "--profile",
            str(profile),
            "new",
            str(path),
            "--title",
            "An inspection of vetting",
            "--published",
            "2022-11-02",
            "--type",
            "thematic",
            "--url",
            "https://example.org/r",
            "--today",
            "2023-01-03",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert out == (
        f"Created {path}: last day Tuesday 27 December 2022.\n"
        "Note: the last day, Tuesday 27 December 2022, is a bank holiday (Christmas Day (observed)).\n"
        "Note: the last day, 27 December 2022, has passed.\n"
        f"Office details from {profile}.\n"
    )
    draft = load_draft(path).draft
    assert draft.report.title == "An inspection of vetting"
    assert draft.report.type == "thematic"
    assert draft.report.url == "https://example.org/r"
    assert draft.office.pcc_title == "Police, Fire and Crime Commissioner"
    assert draft.office.cc_title == "T/Chief Constable"
    assert draft.response.template == "per-recommendation"
    assert [(c.label, c.done) for c in draft.checklist] == [
        ("Sent to HMICFRS", False),
        ("Sent to the Home Secretary", False),
    ]


def test_new_before_the_last_day_says_only_when_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "peel.toml"
    args = ["new", str(path), "--title", "PEEL 2023", "--published", "2023-04-05", "--today", "2023-05-28"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Created {path}: last day Tuesday 30 May 2023."
    assert "passed" not in out


def test_new_without_a_profile_uses_the_default_checklist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "peel.toml", "--title", "PEEL 2023", "--published", "2023-04-01"]) == 0
    assert "No office profile found" in capsys.readouterr().out
    draft = load_draft(tmp_path / "peel.toml").draft
    assert [c.label for c in draft.checklist] == [
        "Response forwarded to HMICFRS Section 55 Responses",
        "Response forwarded to Chief Constable",
        "Response forwarded to Police and Crime Panel",
        "Response published on the office website",
        "Copy sent to the Home Secretary",
    ]
    assert draft.report.type == "other"


def test_new_picks_up_a_profile_beside_the_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s55tui.toml").write_text('[office]\nforce = "Norfolk Constabulary"\n', encoding="utf-8")
    assert main(["new", "a.toml", "--title", "A", "--published", "2023-04-01"]) == 0
    assert load_draft(tmp_path / "a.toml").draft.office.force == "Norfolk Constabulary"


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.toml"
    path.write_text("mine", encoding="utf-8")
    assert main(["new", str(path), "--title", "T", "--published", "2023-04-01"]) == 2
    assert capsys.readouterr().err == (
        f"s55tui: {path}: already exists; 's55tui new' never overwrites a draft, choose another name\n"
    )
    assert path.read_text(encoding="utf-8") == "mine"


def test_new_rejects_a_bad_date_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["new", str(tmp_path / "x.toml"), "--title", "T", "--published", "17/12/2020"])
    assert stopped.value.code == 2
    assert "expected a date like 2020-12-17, found '17/12/2020'" in capsys.readouterr().err
    assert not (tmp_path / "x.toml").exists()


def test_a_broken_profile_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "office.toml"
    profile.write_text("[office]\nforce = Norfolk\n", encoding="utf-8")
    assert (
        main(
            [
                "--profile",
                str(profile),
                "new",
                str(tmp_path / "x.toml"),
                "--title",
                "T",
                "--published",
                "2023-04-01",
            ]
        )
        == 2
    )
    assert capsys.readouterr().err == f"s55tui: {profile}:2:9: Invalid value\n"


def test_version_and_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"s55tui {__version__}\n"
    for command in ([], ["check"], ["new"], ["open"]):
        with pytest.raises(SystemExit) as stopped:
            main([*command, "--help"])
        assert stopped.value.code == 0
        assert capsys.readouterr().out.startswith("usage: s55tui")


def test_the_app_without_a_terminal_says_what_to_use_instead(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2  # pytest's stdin is not a terminal
    assert "the app needs a terminal; use 's55tui check'" in capsys.readouterr().err


def test_opening_a_broken_draft_explains_it_before_the_app_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[report\n", encoding="utf-8")
    assert main([str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"s55tui: {broken}:1:") and err.count("\n") == 1


def test_the_console_script_and_python_dash_m_agree() -> None:
    run = subprocess.run([sys.executable, "-m", "s55tui", "--version"], capture_output=True, text=True)
    assert run.stdout == f"s55tui {__version__}\n"


def test_a_mistyped_command_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chek", "drafts/x.toml"]) == 2
    assert (
        capsys.readouterr().err == "s55tui: chek: no such command or draft file "
        "(commands: check, new, open, import, export, templates, consult, tracker, update)\n"
    )


def test_opening_a_missing_draft_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nothere.toml")]) == 2
    assert capsys.readouterr().err.endswith(f"s55tui: {tmp_path / 'nothere.toml'}: no such file\n")
