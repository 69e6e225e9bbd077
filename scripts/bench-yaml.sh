#!/usr/bin/env bash
# Benchmarks `littlestack convert` (YAML → JSON) against cfn-flip, whole process, and littlestack's in-process
# parse against PyYAML with libyaml's CLoader, on generated templates of 100 and 10,000 resources.
#
# Usage: scripts/bench-yaml.sh
#   LITTLESTACK  the littlestack binary (default: build and use .build/release/littlestack)
#   CFN_FLIP     the cfn-flip command (default: cfn-flip on PATH)
#   PYTHON       a python with PyYAML built against libyaml (default: the python next to cfn-flip, else python3)
#   RUNS         whole-process runs per measurement (default 5; the 10,000-resource case uses RUNS/2+1)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${LITTLESTACK:-}" ]]; then
    (cd "$root" && swift build -c release --product littlestack --static-swift-stdlib >/dev/null)
    LITTLESTACK="$root/.build/release/littlestack"
fi
CFN_FLIP="${CFN_FLIP:-$(command -v cfn-flip || true)}"
if [[ -z "$CFN_FLIP" ]]; then
    echo "bench-yaml: cfn-flip not found (pip install cfn-flip, or set CFN_FLIP)" >&2
    exit 1
fi
PYTHON="${PYTHON:-$(dirname "$CFN_FLIP")/python}"
[[ -x "$PYTHON" ]] || PYTHON=python3
RUNS="${RUNS:-5}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A template of N resources shaped like real ones: functions, roles with !Sub policies, !GetAtt, !If, tags.
generate() {
    "$PYTHON" - "$1" > "$2" <<'PY'
import sys
n = int(sys.argv[1])
out = ["AWSTemplateFormatVersion: '2010-09-09'", "Description: generated benchmark template",
       "Parameters:", "  Stage:", "    Type: String", "    Default: dev",
       "Conditions:", "  IsProd: !Equals [!Ref Stage, prod]", "Resources:"]
for i in range(n):
    if i % 2 == 0:
        out += [f"  Role{i}:", "    Type: AWS::IAM::Role", "    Properties:",
                "      AssumeRolePolicyDocument:", "        Version: '2012-10-17'", "        Statement:",
                "          - Effect: Allow", "            Principal: {Service: lambda.amazonaws.com}",
                "            Action: sts:AssumeRole", "      Policies:", f"        - PolicyName: policy-{i}",
                "          PolicyDocument: !Sub |", "            {",
                '              "Statement": [{"Effect": "Allow", "Action": "logs:*",',
                f'                "Resource": "arn:aws:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:/app/{i}*"}}]',
                "            }"]
    else:
        out += [f"  Function{i}:", "    Type: AWS::Lambda::Function", "    Properties:",
                f"      FunctionName: !Sub '${{AWS::StackName}}-fn-{i}'", "      Runtime: python3.12",
                "      Handler: index.handler", f"      Role: !GetAtt Role{i - 1}.Arn",
                "      MemorySize: !If [IsProd, 1024, 128]", "      Timeout: 30",
                "      Environment:", "        Variables:", f"          INDEX: '{i}'", "          DEBUG: false",
                "          AZ: !Select [0, !GetAZs '']", "      Tags:", "        - Key: team", "          Value: platform",
                "        - Key: stage", "          Value: !Ref Stage"]
out += ["Outputs:", "  First:", "    Value: !GetAtt Function1.Arn"]
print("\n".join(out))
PY
}

# Mean wall time in milliseconds of running "$@" RUNS times (output discarded).
wall_ms() {
    local runs="$1"; shift
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" > /dev/null; done
    end=$(date +%s%N)
    echo $(( (end - start) / runs / 1000000 ))
}

ratio() { "$PYTHON" -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.1f}' if b > 0 else 'inf')" "$1" "$2"; }

printf '%-10s %10s %14s %12s %8s %14s %14s %8s\n' resources bytes "cfn-flip ms" "convert ms" ratio \
    "PyYAML C ms" "parse ms" ratio
for n in 100 10000; do
    file="$work/template-$n.yaml"
    generate "$n" "$file"
    runs=$RUNS
    repeat=50
    if (( n >= 10000 )); then runs=$(( RUNS / 2 + 1 )); repeat=5; fi

    # The outputs must agree before timing means anything.
    "$LITTLESTACK" convert "$file" > "$work/ours.json"
    "$CFN_FLIP" -j "$file" > "$work/theirs.json"
    if ! cmp -s "$work/ours.json" <(cat "$work/theirs.json"; echo); then
        echo "bench-yaml: littlestack and cfn-flip disagree on $n resources" >&2
        exit 1
    fi

    flip=$(wall_ms "$runs" "$CFN_FLIP" -j "$file")
    ours=$(wall_ms "$runs" "$LITTLESTACK" convert "$file")
    [[ "$ours" -gt 0 ]] || ours=1

    # In process: PyYAML's CLoader builds Python objects with libyaml; littlestack builds its Node tree.
    pyyaml=$("$PYTHON" - "$file" "$repeat" <<'PY'
import sys, time, yaml
text = open(sys.argv[1]).read()
n = int(sys.argv[2])
class Loader(yaml.CLoader):
    pass
# cfn-flip's tags, so the same document loads.
Loader.add_multi_constructor("!", lambda loader, suffix, node: {suffix: None})
yaml.load(text, Loader=Loader)
start = time.perf_counter()
for _ in range(n):
    yaml.load(text, Loader=Loader)
print(f"{(time.perf_counter() - start) * 1000 / n:.3f}")
PY
)
    timing=$("$LITTLESTACK" convert "$file" --repeat "$repeat" 2>&1 >/dev/null)
    parse=$(echo "$timing" | awk '/^parse:/ {print $2}')
    convert_in=$(echo "$timing" | awk '/^convert:/ {print $2}')
    printf '%-10s %10s %14s %12s %7sx %14s %14s %7sx\n' "$n" "$(wc -c < "$file")" "$flip" "$ours" \
        "$(ratio "$flip" "$ours")" "$pyyaml" "$parse" "$(ratio "$pyyaml" "$parse")"
    echo "           in-process YAML → JSON text (parse, long forms, JSON): $convert_in ms"
done
echo "ratio = other tool's time / littlestack's time (higher is better for littlestack)"
