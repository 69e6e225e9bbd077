#!/usr/bin/env bash
# The README's setup-and-demo command: installs what is needed, builds littlestack in release mode,
# starts the local AWS emulator, applies stacks/hello-api to it from a scratch copy (so the
# repository's config is not rewritten by release bookkeeping), prints the stack outputs and
# stops the emulator.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
echo "== swift build -c release --static-swift-stdlib"
swift build -c release --product littlestack --static-swift-stdlib
LS="$ROOT/.build/release/littlestack"

eval "$(scripts/emulator start)"
trap 'scripts/emulator stop "$LITTLESTACK_EMULATOR" >/dev/null 2>&1 || true' EXIT
echo "== emulator on $AWS_ENDPOINT_URL"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/littlestack-demo.XXXXXX")"
"$LS" init hello-api "$WORK/hello-api"
echo "== littlestack validate $WORK/hello-api/config.json"
"$LS" validate "$WORK/hello-api/config.json"
echo "== littlestack apply $WORK/hello-api/config.json --yes"
"$LS" apply "$WORK/hello-api/config.json" --yes
echo "== littlestack outputs $WORK/hello-api/config.json"
"$LS" outputs "$WORK/hello-api/config.json"
rm -rf "$WORK"
