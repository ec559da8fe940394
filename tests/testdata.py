"""Where the tests' own data lives: every file a test reads is inside the repository.

The example draft is the one a new officer opens (``drafts/``); everything else is under
``tests/data``, including copies of the three real responses the importer and the exports are
held to (``tests/data/seeds``), so the suite passes in any clone, with nothing beside it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "drafts" / "safe-to-share.toml"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = DATA / "seeds"
NORFOLK = SEEDS / "000_b8aae3716b7af463.txt"
