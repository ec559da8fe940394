"""Every control character (U+0000-U+001F and U+007F), typed raw into a draft or escaped.

Raw, TOML allows only tab (in text and comments) and line feed (in triple-quoted text):
every other one is refused with one line naming the file, line and column, whether it sits
in a key, in quoted text, in triple-quoted text or in a comment. Escaped (``\\u001b``), any of
them is legal TOML: in text it loads and the one sanitiser removes it (or turns it into a
line break); in a key it loads with a warning that shows the key escaped, so nothing raw
ever reaches the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from s55tui.cli import main
from s55tui.draftfile import load_draft
from s55tui.textclean import clean_text

CONTROLS = [chr(c) for c in [*range(0x20), 0x7F]]
HEAD = "format = 1\n\n[report]\n"
# Where the character goes, and the 1-based line and column it lands on.
PLACES = {
    "bare key": (HEAD + 'ti{c}tle = "Safe to share?"\npublished = 2020-12-17\n', 4, 3),
    "quoted key": (HEAD + '"ti{c}tle" = "Safe to share?"\ntitle = "x"\npublished = 2020-12-17\n', 4, 4),
    "quoted text": (HEAD + 'title = "Safe{c}to share?"\npublished = 2020-12-17\n', 4, 14),
    "triple-quoted text": (
        HEAD + 'title = "x"\npublished = 2020-12-17\nsummary = """Safe{c}to share?"""\n',
        6,
        18,
    ),
    "comment": (HEAD + '# note{c}here\ntitle = "x"\npublished = 2020-12-17\n', 4, 7),
}
# Raw characters TOML allows in a place, and what reading them gives instead of an error.
ALLOWED = {("\t", "quoted key"), ("\t", "quoted text"), ("\t", "triple-quoted text"), ("\t", "comment")}
ALLOWED |= {("\n", "triple-quoted text")}
# A raw tab or line feed that is not allowed ends the key or the line: TOML's own message.
OTHER_MESSAGE = {
    ("\t", "bare key"): "4:4: Expected '=' after a key in a key/value pair",
    ("\n", "bare key"): "4:3: Expected '=' after a key in a key/value pair",
    (
        "\n",
        "quoted key",
    ): "4:4: text in quotes runs on past the end of the line; close the quotes, or use triple quotes",
    (
        "\n",
        "quoted text",
    ): "4:14: text in quotes runs on past the end of the line; close the quotes, or use triple quotes",
    ("\n", "comment"): "5:5: Expected '=' after a key in a key/value pair",
}


def name(c: str) -> str:
    return f"U+{ord(c):04X}"


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("c", CONTROLS, ids=name)
def test_a_raw_control_character(c: str, place: str, tmp_path: Path, capsys) -> None:
    template, line, column = PLACES[place]
    path = tmp_path / "draft.toml"
    data = template.format(c=c).encode("utf-8")
    path.write_bytes(data)
    mtime = path.stat().st_mtime_ns
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    if (c, place) in ALLOWED:
        assert code in (0, 1)
        assert all(ch not in err for ch in CONTROLS if ch != "\n")
    else:
        message = OTHER_MESSAGE.get(
            (c, place),
            f"{line}:{column}: Illegal character {c!r}: a control character TOML does not allow in the file; "
            "remove it",
        )
        assert (code, out, err) == (2, "", f"s55tui: {path}:{message}\n")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (data, mtime)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.toml"]


def escaped(c: str) -> str:
    return f"\\u{ord(c):04x}"


def test_every_control_character_escaped_loads_cleaned_and_exports(tmp_path: Path, capsys) -> None:
    every = "".join(f"{escaped(c)}{ord(c)}" for c in CONTROLS)
    keys = "".join(f'"key{escaped(c)}" = 1\n' for c in CONTROLS)
    path = tmp_path / "draft.toml"
    path.write_text(
        f'format = 1\n\n[report]\ntitle = "Safe {every}"\npublished = 2020-12-17\nsummary = """{every}"""\n'
        f'{keys}\n[response]\npcc_comments = "{every}"\n',
        encoding="utf-8",
    )
    typed = "".join(f"{c}{ord(c)}" for c in CONTROLS)
    loaded = load_draft(path)
    assert loaded.draft.report.summary == clean_text(typed)
    assert loaded.draft.response.pcc_comments == clean_text(typed)
    assert not any(ch in loaded.draft.report.summary for ch in CONTROLS if ch not in "\t\n")
    assert loaded.warnings == [
        f"report.key{c.encode('unicode_escape').decode()}: unknown key, kept as it is" for c in CONTROLS
    ]

    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == len(CONTROLS)  # one warning a key, each on one line
    assert all(ch not in err for ch in CONTROLS if ch != "\n")
    assert main(["export", str(path)]) == 0
    capsys.readouterr()
    markdown = path.with_suffix(".md").read_text(encoding="utf-8")
    assert not any(ch in markdown for ch in CONTROLS if ch not in "\t\n")
