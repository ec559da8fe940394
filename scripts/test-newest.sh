#!/usr/bin/env bash
# The suite against the newest release of every dependency that pyproject.toml allows,
# ignoring the lock: run it before `scripts/lock.sh` takes those releases into constraints.txt,
# and now and then to learn early what an upstream release will break.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-newest
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]'
"$venv/bin/python" -m pip freeze --exclude-editable > "$venv/versions.txt"
echo "newest versions (in $venv/versions.txt):"; tr '\n' ' ' < "$venv/versions.txt"; echo
"$venv/bin/python" -m compileall -q s55tui bench tests > /dev/null  # as .ci/run does
workers=$("$venv/bin/python" -c 'import os; print(2 * (os.cpu_count() or 1))')
"$venv/bin/python" -m pytest -q -n "$workers" --dist worksteal -p no:cacheprovider "$@"
