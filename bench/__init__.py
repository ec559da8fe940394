"""Benchmarks for s55tui (issue 7): run ``python bench/run.py [--quick]``; never part of the tests."""
