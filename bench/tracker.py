"""The tracker over a folder of 1,000 drafts: how long ``tracker_rows`` takes, against the floor.

The floor is reading every file and parsing its TOML with tomllib, which the tracker cannot do
without; the ratio says what reading the drafts into the model and rating each item adds.
The target (issue 15) is "1,000 drafts in under a few seconds"; the verdict line uses 3 s.

    python -m bench.tracker [--drafts 1000] [--items 5] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from datetime import date, timedelta
from pathlib import Path

from s55tui.draftfile import save_draft
from s55tui.model import Draft, Item, Report, Response, Update

TARGET_SECONDS = 3.0
TODAY = date(2026, 6, 1)


def write_folder(folder: Path, drafts: int, items: int) -> None:
    """``drafts`` drafts of ``items`` items, each item with an update or two, in subfolders of 100."""
    for number in range(drafts):
        published = date(2024, 1, 1) + timedelta(days=number % 700)
        draft = Draft(
            report=Report(title=f"Inspection {number}", published=published),
            response=Response(published=published + timedelta(days=50)),
            items=[
                Item(
                    number=str(i + 1),
                    to=["chief-constables"],
                    text=f"Recommendation {i + 1} of report {number}: do the thing well.",
                    cc_response="We accept this recommendation and will act on it.",
                    due=published + timedelta(days=180 + 30 * i),
                    updates=[
                        Update(published + timedelta(days=90), "in-progress", "Work has begun."),
                        *(
                            [Update(published + timedelta(days=200), "complete", "Done.")]
                            if i % 3 == 0
                            else []
                        ),
                    ],
                )
                for i in range(items)
            ],
        )
        sub = folder / f"{number // 100:02d}"
        sub.mkdir(exist_ok=True)
        save_draft(sub / f"draft-{number:04d}.toml", draft)


def median_seconds(call, repeats: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor(folder: Path) -> None:
    for path in folder.rglob("*.toml"):
        tomllib.loads(path.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--items", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    from s55tui.tracker import tracker_rows

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        write_folder(folder, options.drafts, options.items)
        tracker_rows(folder, TODAY)  # warm: imports and the file cache, as a second run would be
        seconds = median_seconds(lambda: tracker_rows(folder, TODAY), options.repeats)
        base = median_seconds(lambda: floor(folder), options.repeats)
        rows = len(tracker_rows(folder, TODAY))
    print(f"tracker over {options.drafts:,} drafts ({rows:,} rows), median of {options.repeats}:")
    print(f"  tracker_rows     {seconds:8.3f} s")
    print(f"  tomllib floor    {base:8.3f} s")
    print(f"  ratio            {seconds / base:8.1f}x the floor")
    verdict = "met" if seconds < TARGET_SECONDS else "NOT met"
    print(f"  target: under {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
