#!/usr/bin/env bash
# Refresh constraints.txt, the lock that CI and the README install from, from pyproject.toml.
#
# Run it after changing a dependency in pyproject.toml, or to take newer releases on purpose:
# first `bash scripts/test-newest.sh` and `bash scripts/test-lowest.sh` (both must pass), then
# this, then `bash .ci/run`, and commit constraints.txt with what changed. It resolves for
# Python 3.11 on every platform (Windows' colorama included), with the build backend pinned
# too, since pip builds the project in an environment of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip install --quiet "uv>=0.5"
# The build backend, as pyproject's [build-system] asks for it.
backend=$(python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))')
printf '%s\n' "$backend" | "$tools/venv/bin/uv" pip compile pyproject.toml - \
    --extra test --universal --python-version 3.11 --no-header --quiet -o constraints.txt
sed -i '1i # The lock: every package the project and its tests install, at the version CI runs.\n# Made by scripts/lock.sh from pyproject.toml; do not edit by hand.' constraints.txt
echo "constraints.txt refreshed; now run: bash .ci/run"
