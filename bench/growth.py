"""How export, import and paste grow with what they are given: ``python bench/growth.py [--quick]``.

Issue 16 found Word export quadratic in table rows and links (a 250-row table took 8 s, a
2,000-row one minutes) and pasting and importing long texts slower than linear. Each case
here is timed at 1x, 10x and 100x its base size, in this process (the median of a few runs),
and the table prints each time with its growth from the size before: about 10x for each 10x
step is linear; 100x is quadratic. It never fails on a figure; it is a benchmark, not a test.

- Word export of Markdown that is one table (rows), many links, or one long list (items).
- The importer (``recognise``) on a report of N recommendations with a paragraph of findings
  between each.
- The cleaning every paste goes through (``clean_text``) on text pasted from Word: bullets,
  Word's line breaks and control characters.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``bench`` importable as a package
    sys.path.insert(0, str(ROOT))

from bench.timing import median_call  # noqa: E402
from s55tui.importer import recognise  # noqa: E402
from s55tui.render.catalogue import REFERENCE_DOCX  # noqa: E402
from s55tui.render.docx_document import build_docx  # noqa: E402
from s55tui.textclean import clean_text  # noqa: E402


def table(n: int) -> str:
    return "| Field | Entry |\n|---|---|\n" + "".join(
        f"| Row {i} | The force has done {i} things. |\n" for i in range(n)
    )


def links(n: int) -> str:
    return "\n\n".join(f"See [page {i}](https://example.org/report/{i}) for more." for i in range(n))


def bullets(n: int) -> str:
    return "".join(f"- The force will review item {i} by March.\n" for i in range(n))


def report(n: int) -> str:
    findings = "The force has improved how it records referrals, but gaps remain in training. " * 4
    return "\n\n".join(
        f"Recommendation {i}\n\nBy 31 March 2024, chief constables should review case {i}.\n\n{findings}"
        for i in range(1, n + 1)
    )


def word_paste(n: int) -> str:
    return "".join(f"\u2022\tPoint {i} from Word\x0bwith a manual break\r\n" for i in range(n))


CASES: list[tuple[str, str, int, Callable[[int], str], Callable[[str], object]]] = [
    ("Word export: one table", "rows", 100, table, lambda md: build_docx(md, REFERENCE_DOCX, "T", "A")),
    ("Word export: links", "links", 100, links, lambda md: build_docx(md, REFERENCE_DOCX, "T", "A")),
    ("Word export: one list", "items", 100, bullets, lambda md: build_docx(md, REFERENCE_DOCX, "T", "A")),
    ("Import: a report", "recommendations", 10, report, lambda text: recognise(text, "report.txt")),
    ("Paste: cleaning Word text", "lines", 1000, word_paste, clean_text),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, one run each")
    options = parser.parse_args(argv)
    scales = (1, 10) if options.quick else (1, 10, 100)
    repeats = 1 if options.quick else 3
    print("| case | size | time | growth from the size before |")
    print("|---|---|---|---|")
    for name, unit, base, make, work in CASES:
        before: float | None = None
        for scale in scales:
            size = base * scale
            given = make(size)
            seconds = median_call(lambda given=given, work=work: work(given), repeats)
            growth = f"{seconds / before:.1f}x for 10x" if before else ""
            chars = f"{len(given) / 1024:,.0f} KB"
            print(f"| {name} | {size:,} {unit} ({chars}) | {seconds * 1000:,.0f} ms | {growth} |", flush=True)
            before = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
