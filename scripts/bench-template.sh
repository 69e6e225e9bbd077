#!/usr/bin/env bash
#
# Benchmarks `littlestack render-template` on a CloudFormation-shaped template (N Lambda versions and N API
# deployments rendered through imported macros, with dump, replace, join and loop.last commas), and nunjucks
# 3.2.4 on the same files when NUNJUCKS_DIR points at a nunjucks checkout or package (with its dependencies).
#
#   scripts/bench-template.sh [N ...]            (default: 10 1000 10000)
#
# Env:
#   LITTLESTACK   the binary to time (default: `swift build -c release --product littlestack --static-swift-stdlib` in this package)
#   NUNJUCKS_DIR  a nunjucks checkout/package; without it (or without node) the comparison is skipped
#   REPEAT        in-process renders per N (default: 2000 / 200 / 20 / 5 by size)
#   RUNS          whole-process runs per N (default: 20, 5 from N ≥ 10000)
#
# Per render: the mean time of REPEAT in-process renders after a warm-up render (the template is parsed and
# compiled once, then cached), from the hidden `--repeat` option. Whole process: the mean wall time of one
# `render-template` process, start to exit. Outputs of both engines are compared byte for byte first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 1000 10000)

if [ -z "${LITTLESTACK:-}" ]; then
  (cd "$ROOT" && swift build -c release --product littlestack --static-swift-stdlib >&2)
  LITTLESTACK="$(cd "$ROOT" && swift build -c release --product littlestack --static-swift-stdlib --show-bin-path)/littlestack"
fi
NODE="$(command -v node || true)"
COMPARE=0
if [ -n "${NUNJUCKS_DIR:-}" ] && [ -n "$NODE" ]; then COMPARE=1; fi
if [ $COMPARE = 0 ]; then echo "note: nunjucks comparison skipped (set NUNJUCKS_DIR and install node)" >&2; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-template.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Mean wall time in ms of RUNS runs of a command (stdout discarded).
process_ms() {
  python3 - "$1" "$@" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[3:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # warm the file cache
t0 = time.perf_counter()
for _ in range(runs):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
print("%.2f" % ((time.perf_counter() - t0) * 1000 / runs))
PY
}

# The mean from a "…, mean X ms, …" line.
mean_of() { sed -n 's/.*mean \([0-9.]*\) ms.*/\1/p'; }

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print('%.1fx' % (b / a) if a > 0 else '-')" "$1" "$2"; }

echo "binary: $LITTLESTACK"
[ $COMPARE = 1 ] && echo "nunjucks: $NUNJUCKS_DIR ($("$NODE" --version))"
printf '%-7s %10s %12s %12s %8s %12s %12s %8s\n' N "out KB" "render ms" "nunjucks ms" ratio "process ms" "nunjucks ms" ratio
for N in "${SIZES[@]}"; do
  dir="$WORK/n$N"
  python3 "$ROOT/bench/gen-template-bench.py" "$dir" "$N"
  tpl="$dir/root.json.njk"; vars="$dir/vars.json"
  if [ -n "${REPEAT:-}" ]; then repeat=$REPEAT
  elif [ "$N" -le 10 ]; then repeat=2000
  elif [ "$N" -le 1000 ]; then repeat=200
  elif [ "$N" -le 10000 ]; then repeat=20
  else repeat=5; fi
  runs=${RUNS:-$([ "$N" -ge 10000 ] && echo 5 || echo 20)}

  "$LITTLESTACK" render-template "$tpl" --vars "$vars" > "$dir/ours.txt"
  size=$(( $(wc -c < "$dir/ours.txt") / 1024 ))
  ours_render=$("$LITTLESTACK" render-template "$tpl" --vars "$vars" --repeat "$repeat" 2>&1 >/dev/null | mean_of)
  ours_process=$(process_ms "$runs" "$LITTLESTACK" render-template "$tpl" --vars "$vars")
  if [ $COMPARE = 1 ]; then
    "$NODE" "$ROOT/bench/nunjucks-bench.js" "$NUNJUCKS_DIR" "$tpl" "$vars" 0 > "$dir/nunjucks.txt"
    if ! cmp -s "$dir/ours.txt" "$dir/nunjucks.txt"; then echo "N=$N: outputs differ from nunjucks" >&2; exit 1; fi
    nj_render=$("$NODE" "$ROOT/bench/nunjucks-bench.js" "$NUNJUCKS_DIR" "$tpl" "$vars" "$repeat" 2>&1 >/dev/null | mean_of)
    nj_process=$(process_ms "$runs" "$NODE" "$ROOT/bench/nunjucks-bench.js" "$NUNJUCKS_DIR" "$tpl" "$vars" 0)
    printf '%-7s %10s %12s %12s %8s %12s %12s %8s\n' "$N" "$size" "$ours_render" "$nj_render" "$(ratio "$ours_render" "$nj_render")" \
      "$ours_process" "$nj_process" "$(ratio "$ours_process" "$nj_process")"
  else
    printf '%-7s %10s %12s %12s %8s %12s %12s %8s\n' "$N" "$size" "$ours_render" - - "$ours_process" - -
  fi
done
