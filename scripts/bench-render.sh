#!/usr/bin/env bash
# Times `littlestack render` and `littlestack validate` as whole processes on a generated stack:
# a config whose Littleware.Variables list 1,000 functions and a JSON template that loops over them
# (function, version and log group per entry, Refs, GetAtts, Fn::Sub, tags from stackTagsStr).
#
# Usage: scripts/bench-render.sh
#   LITTLESTACK  the littlestack binary (default: build and use .build/release/littlestack)
#   COUNT        resources to generate (default 1000)
#   RUNS         runs per command when hyperfine is absent (default 10)
#
# 1,000 resources is over CloudFormation's 500-resource limit, so validate reports that one error
# and exits 1: the timing includes every rule's work all the same.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -z "${LITTLESTACK:-}" ]]; then
    (cd "$root" && swift build -c release --product littlestack --static-swift-stdlib >/dev/null)
    LITTLESTACK="$root/.build/release/littlestack"
fi
COUNT="${COUNT:-1000}"
RUNS="${RUNS:-10}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Three resources per entry: COUNT resources need COUNT/3 entries (rounded up).
entries=$(( (COUNT + 2) / 3 ))
{
    printf '{\n    "StackName": "bench-stack",\n    "Capabilities": [ "CAPABILITY_IAM" ],\n'
    printf '    "Parameters": [ { "ParameterKey": "Stage", "ParameterValue": "dev" } ],\n'
    printf '    "Tags": [ { "Key": "org", "Value": "bench" }, { "Key": "stage", "Value": "dev" } ],\n'
    printf '    "Littleware": {\n        "TemplatePath": "stack.json.njk",\n        "Variables": {\n'
    printf '            "functions": [\n'
    for ((i = 0; i < entries; i++)); do
        sep=","; [[ $i -eq $((entries - 1)) ]] && sep=""
        printf '                { "name": "fn%d", "memory": %d, "description": "function %d" }%s\n' "$i" $(( 128 + (i % 8) * 128 )) "$i" "$sep"
    done
    printf '            ]\n        }\n    }\n}\n'
} > "$work/config.json"

cat > "$work/stack.json.njk" <<'NJK'
{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "{{ stackVariables.functions | length }} generated functions",
  "Parameters": {
    "Stage": { "Type": "String", "AllowedValues": [ "dev", "prod" ] },
    "Bucket": { "Type": "String", "Default": "{{ stackBucket }}" }
  },
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow",
          "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" } ] },
        "Tags": [ {{ stackTagsStr }} ]
      }
    }
{%- for fn in stackVariables.functions %},
    "{{ fn.name | capitalize }}Function": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "FunctionName": { "Fn::Sub": "${AWS::StackName}-{{ fn.name }}-${Stage}" },
        "Description": "{{ fn.description }}",
        "Handler": "index.handler",
        "Runtime": "nodejs22.x",
        "MemorySize": {{ fn.memory }},
        "Role": { "Fn::GetAtt": [ "Role", "Arn" ] },
        "Code": { "S3Bucket": { "Ref": "Bucket" }, "S3Key": "lambda/{{ fn.name }}.zip" },
        "Tags": [ {{ stackTagsStr }} ]
      }
    },
    "{{ fn.name | capitalize }}Version": {
      "Type": "AWS::Lambda::Version",
      "Properties": { "FunctionName": { "Ref": "{{ fn.name | capitalize }}Function" } }
    },
    "{{ fn.name | capitalize }}Logs": {
      "Type": "AWS::Logs::LogGroup",
      "DependsOn": [ "{{ fn.name | capitalize }}Function" ],
      "Properties": { "LogGroupName": { "Fn::Sub": "/aws/lambda/${ {{- fn.name | capitalize }}Function}" }, "RetentionInDays": 14 }
    }
{%- endfor %}
  }
}
NJK

# One run first, so a broken stack fails loudly instead of being timed.
"$LITTLESTACK" render "$work/config.json" -o "$work/rendered.json"
resources=$(grep -c '"Type": "AWS::' "$work/rendered.json" || true)
echo "bench-render: $resources resources, $(wc -c < "$work/rendered.json") bytes rendered"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 -i \
        "$LITTLESTACK render $work/config.json -o $work/out.json" \
        "$LITTLESTACK validate $work/config.json"
    exit 0
fi

measure() {
    local label="$1"; shift
    local total=0 best=0
    "$@" >/dev/null 2>&1 || true
    for ((r = 0; r < RUNS; r++)); do
        local start end ms
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        total=$(( total + ms ))
        if [[ $best -eq 0 || $ms -lt $best ]]; then best=$ms; fi
    done
    echo "$label: mean $(( total / RUNS )) ms, best $best ms over $RUNS runs"
}
measure "render  " "$LITTLESTACK" render "$work/config.json" -o "$work/out.json"
measure "validate" "$LITTLESTACK" validate "$work/config.json"
