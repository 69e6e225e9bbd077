#!/usr/bin/env bash
# The README's test command: installs what is needed, builds, starts the local AWS emulator,
# runs the emulator extension's tests, the shared template conformance cases and `swift test`,
# then stops the emulator (also when tests fail). CI runs exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh

echo "== swift build (debug, with tests)"
swift build --build-tests

eval "$(scripts/emulator start)"
trap 'scripts/emulator stop "$LITTLESTACK_EMULATOR" >/dev/null 2>&1 || true' EXIT
echo "== emulator on $AWS_ENDPOINT_URL"

status=0
echo "== emulator extension tests (pytest)"
.venv/bin/python -m pytest -q -p no:cacheprovider emulator/tests || status=1

if [ -x ../shared/conformance/run.sh ]; then
    echo "== template conformance (../shared/conformance)"
    LITTLESTACK="$ROOT/.build/debug/littlestack" ../shared/conformance/run.sh --list-failures || status=1
fi

echo "== swift test"
LITTLESTACK_BIN="$ROOT/.build/debug/littlestack" swift test --skip-build || status=1
exit $status
