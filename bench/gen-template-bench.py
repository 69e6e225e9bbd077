#!/usr/bin/env python3
"""Writes the render-template benchmark: a CloudFormation-shaped template (root.json.njk importing macros.njk)
and a vars file with N Lambda versions and N API deployments.

    bench/gen-template-bench.py OUT_DIR N
"""
import json
import os
import sys

MACROS = r'''{% macro lambdaVersion(v, fn) -%}
"{{ v.resourceName }}": {
      "Type": "AWS::Lambda::Version",
      "Properties": {
        "FunctionName": { "Ref": "{{ fn }}" },
        "Description": {{ v.description | dump }},
        "CodeSha256": "{{ v.sha | replace("-", "") | upper }}"
      }
    }
{%- endmacro %}

{% macro deployment(d, api) -%}
"{{ d.resourceName }}": {
      "Type": "AWS::ApiGateway::Deployment",
      "Properties": {
        "RestApiId": { "Ref": "{{ api }}" },
        "Description": "{{ d.description | replace('"', "'") }} ({{ d.tags | join(", ") }})"
      }
    }
{%- endmacro %}

{% macro stage(name, deploymentId, variables) -%}
"{{ name | capitalize }}Stage": {
      "Type": "AWS::ApiGateway::Stage",
      "Properties": {
        "StageName": "{{ name }}",
        "DeploymentId": { "Ref": "{{ deploymentId }}" },
        "Variables": {{ variables | dump }}
      }
    }
{%- endmacro %}
'''

ROOT = r'''{% import "./macros.njk" as cf %}
{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": {{ ("API stack " ~ stackName) | dump }},
  "Parameters": {
    {% for k, v in stackParameters %}"{{ k }}": { "Type": "String", "Default": {{ v | dump }} }{% if not loop.last %},{% endif %}
    {% endfor %}
  },
  "Resources": {
    "lambdaFunction": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Handler": "index.handler",
        "Tags": [{{ stackTagsStr }}]
      }
    },
    {% for v in stackVariables.api.lambdaVersions %}{{ cf.lambdaVersion(v, "lambdaFunction") }},
    {% endfor %}
    "prodAlias": {
      "Type": "AWS::Lambda::Alias",
      "Properties": {
        "FunctionVersion": { "Fn::GetAtt": ["{{ stackVariables.api.prodLambdaVersion }}", "Version"] }
      }
    },
    {% for d in stackVariables.api.gatewayDeployments %}{{ cf.deployment(d, "restApi") }},
    {% endfor %}
    {{ cf.stage("beta", stackVariables.api.betaDeployment, {"lambdaAlias": "$LATEST"}) }},
    {{ cf.stage("prod", stackVariables.api.prodDeployment, {"lambdaAlias": "gateway_prod"}) }}
  },
  "Outputs": {
    "VersionCount": { "Value": "{{ stackVariables.api.lambdaVersions | length }}" },
    "Versions": { "Value": "{% for v in stackVariables.api.lambdaVersions %}{{ v.resourceName }}{{ "," if not loop.last }}{% endfor %}" }
  }
}
'''


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    versions = [{"resourceName": "lambda%06dr0" % i, "description": "little-authn 1.0.%d \"build\" %d" % (i, i),
                 "sha": "ab-%04x-cd-%04x" % (i, i * 7)} for i in range(n)]
    deployments = [{"resourceName": "deploy%06dr0" % i, "description": "deployment \"%d\"" % i,
                    "tags": ["api", "v%d" % i]} for i in range(n)]
    tags = [{"Key": "org", "Value": "applications"}, {"Key": "stage", "Value": "dev"}]
    variables = {
        "stackName": "little-bench-api",
        "stackParameters": {"DomainName": "api.example.com", "StageName": "dev"},
        "stackTags": tags,
        "stackTagsStr": ",".join(json.dumps(t, separators=(",", ":")) for t in tags),
        "stackVariables": {"api": {
            "lambdaVersions": versions, "prodLambdaVersion": versions[-1]["resourceName"],
            "gatewayDeployments": deployments, "prodDeployment": deployments[0]["resourceName"],
            "betaDeployment": deployments[-1]["resourceName"]}},
    }
    with open(os.path.join(out, "macros.njk"), "w") as f:
        f.write(MACROS)
    with open(os.path.join(out, "root.json.njk"), "w") as f:
        f.write(ROOT)
    with open(os.path.join(out, "vars.json"), "w") as f:
        json.dump(variables, f)


if __name__ == "__main__":
    main()
