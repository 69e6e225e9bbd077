#!/usr/bin/env bash
#
# Splits the per-render cost of the `bench-template.sh` template into its parts: each line times one small
# template that loops over the N Lambda versions of the same generated variables with one construct in the
# loop body, and prints the time per item (from the best of REPEAT in-process renders: the parts are small
# enough for one stray interruption to move a mean) and what the construct adds to the bare loop. For finding
# where a render's time goes (the engine's speed work); it compares with nothing.
#
#   scripts/bench-template-parts.sh [N]          (default: 10000)
#
# Env: LITTLESTACK (the binary; default: the release build of this package), REPEAT (renders per part, default 40).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
REPEAT="${REPEAT:-40}"
if [ -z "${LITTLESTACK:-}" ]; then
  (cd "$ROOT" && swift build -c release --product littlestack --static-swift-stdlib >&2)
  LITTLESTACK="$(cd "$ROOT" && swift build -c release --product littlestack --static-swift-stdlib --show-bin-path)/littlestack"
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-template-parts.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/bench/gen-template-bench.py" "$WORK" "$N"

# name|loop body (the loop variable is v; macros.njk is the benchmark's own macro file, imported as cf)
PARTS=(
  'bare loop|x'
  'member output|{{ v.resourceName }}'
  'inline if on loop.last|{{ "," if not loop.last }}'
  'if block on loop.last|{% if not loop.last %},{% endif %}'
  'dump filter|{{ v.description | dump }}'
  'replace then upper|{{ v.sha | replace("-", "") | upper }}'
  'local macro call, one argument|{{ m(v) }}'
  'imported macro lambdaVersion|{{ cf.lambdaVersion(v, "lambdaFunction") }}'
)

printf '%-32s %10s %12s\n' part "ns/item" "over bare"
bare=""
for part in "${PARTS[@]}"; do
  name="${part%%|*}"; body="${part#*|}"
  tpl="$WORK/part.njk"
  printf '{%% import "./macros.njk" as cf %%}{%% macro m(v) %%}x{%% endmacro %%}{%% for v in stackVariables.api.lambdaVersions %%}%s{%% endfor %%}\n' "$body" > "$tpl"
  ms=$("$LITTLESTACK" render-template "$tpl" --vars "$WORK/vars.json" --repeat "$REPEAT" 2>&1 >/dev/null | sed -n "s/.*best \([0-9.]*\) ms.*/\1/p")
  ns=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[1]) * 1e6 / int(sys.argv[2])))" "$ms" "$N")
  [ -n "$bare" ] || bare="$ns"
  over=$(python3 -c "import sys; print('%+.1f' % (float(sys.argv[1]) - float(sys.argv[2])))" "$ns" "$bare")
  printf '%-32s %10s %12s\n' "$name" "$ns" "$over"
done
