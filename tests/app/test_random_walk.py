"""A seeded random walk of the draft screen: keys and pastes at random, checked after every step.

The steps, and what is checked after each, are in ``tests/walk_steps.py``. CI walks 200 steps
from a fixed seed (about two minutes). Walk longer, or from another seed, with

    S55_WALK_STEPS=2000 S55_WALK_SEED=7 .venv/bin/python -m pytest -q tests/app/test_random_walk.py

``S55_WALK_PROGRESS=FILE`` adds a line to FILE every 100 steps (a long walk is otherwise silent
until it ends). ``S55_WALK_KEEP_GOING=1`` notes each kind of finding and walks on (an exception
in the app still ends the walk), to report every kind at the end rather than the first. A failure
names the seed, the step and the last ten steps: the same seed and step count replay the same
keys, and ``S55_WALK_SCRIPT`` replays a list of steps, separated by ";", from the example draft:

    S55_WALK_SCRIPT='tab tab tab; ctrl+n; ctrl+b' .venv/bin/python -m pytest -q tests/app/test_random_walk.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apptools import copy_example
from testdata import EXAMPLE
from walk_steps import RandomWalk

STEPS = int(os.environ.get("S55_WALK_STEPS", "200"))
SEED = int(os.environ.get("S55_WALK_SEED", "7323"))  # its first 70 steps already take every route
SCRIPT = os.environ.get("S55_WALK_SCRIPT", "")
KEEP_GOING = os.environ.get("S55_WALK_KEEP_GOING", "") not in ("", "0")
# the walk CI runs; a walk asked for by hand reports whatever it finds (never as an expected failure)
AS_IN_CI = not any(name.startswith("S55_WALK_") for name in os.environ)


@pytest.mark.slow
def test_a_random_walk_of_the_draft_screen_keeps_every_word_where_it_was_typed(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    script = [entry for entry in SCRIPT.split(";") if entry.strip()] or None
    RandomWalk(path, SEED, STEPS, script, keep_going=KEEP_GOING).run_in_app()
