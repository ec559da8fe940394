#!/usr/bin/env bash
# The suite against the lowest version of each direct dependency that pyproject.toml allows
# (uv's --resolution lowest-direct), so the lower bounds there are ones that really work.
# Run it whenever a lower bound changes, and before refreshing the lock (scripts/lock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-lowest
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "uv>=0.5"
"$venv/bin/uv" pip install --quiet --python "$venv/bin/python" --resolution lowest-direct -e '.[test]'
"$venv/bin/uv" pip freeze --python "$venv/bin/python" --exclude-editable > "$venv/versions.txt"
echo "lowest versions (in $venv/versions.txt):"; tr '\n' ' ' < "$venv/versions.txt"; echo
"$venv/bin/python" -m compileall -q s55tui bench tests > /dev/null  # as .ci/run does
workers=$("$venv/bin/python" -c 'import os; print(2 * (os.cpu_count() or 1))')
"$venv/bin/python" -m pytest -q -n "$workers" --dist worksteal -p no:cacheprovider "$@"
