"""Template builders for the API stack shape littlestack deploys."""

from __future__ import annotations

import copy
from typing import Any

OPENAPI: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": {"title": "hello-api", "description": "greets callers", "version": "1.0.0"},
    "paths": {
        "/hello": {
            "get": {
                "responses": {"200": {"description": "a greeting"}},
                "x-amazon-apigateway-integration": {
                    "type": "aws_proxy",
                    "httpMethod": "POST",
                    "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    "arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.functionName}/invocations",
                },
            }
        }
    },
}


def openapi(*paths: str) -> dict[str, Any]:
    """OPENAPI with the same GET integration under each of ``paths``."""
    body = copy.deepcopy(OPENAPI)
    operation = body["paths"]["/hello"]
    body["paths"] = {path: copy.deepcopy(operation) for path in paths}
    return body


def function(role_arn: str, key: str, **extra: Any) -> dict[str, Any]:
    properties = {
        "FunctionName": "hello",
        "Code": {"S3Bucket": "code", "S3Key": key},
        "Handler": "index.handler",
        "Runtime": "nodejs22.x",
        "Role": role_arn,
    }
    properties.update(extra)
    return {"Type": "AWS::Lambda::Function", "Properties": properties}


def version(description: str) -> dict[str, Any]:
    return {
        "Type": "AWS::Lambda::Version",
        "Properties": {"FunctionName": {"Ref": "helloFunction"}, "Description": description},
    }


def alias(version_resource: str, name: str = "gateway_prod") -> dict[str, Any]:
    return {
        "Type": "AWS::Lambda::Alias",
        "Properties": {
            "FunctionName": {"Ref": "helloFunction"},
            "FunctionVersion": {"Fn::GetAtt": [version_resource, "Version"]},
            "Name": name,
            "Description": "the version the prod stage serves",
        },
    }


def api_stack(
    role_arn: str,
    code_key: str,
    versions: list[str],
    prod_version: str,
    deployments: list[str],
    prod_deployment: str,
    beta_deployment: str | None = None,
    body: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """littlestack's API stack: function, versions, alias, REST API, deployments, stages."""
    resources: dict[str, Any] = {"helloFunction": function(role_arn, code_key)}
    for name in versions:
        resources[name] = version(f"release {name}")
    resources["prodAlias"] = alias(prod_version)
    resources["helloApi"] = {
        "Type": "AWS::ApiGateway::RestApi",
        "Properties": {"Name": "hello-api-dev", "Body": body or OPENAPI},
    }
    for name in deployments:
        resources[name] = {
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": {"RestApiId": {"Ref": "helloApi"}, "Description": f"deployment {name}"},
        }
    resources["prodStage"] = {
        "Type": "AWS::ApiGateway::Stage",
        "Properties": {
            "RestApiId": {"Ref": "helloApi"},
            "StageName": "prod",
            "DeploymentId": {"Ref": prod_deployment},
            "Variables": {"functionName": {"Fn::Join": [":", [{"Ref": "helloFunction"}, "gateway_prod"]]}},
        },
    }
    resources["betaStage"] = {
        "Type": "AWS::ApiGateway::Stage",
        "Properties": {
            "RestApiId": {"Ref": "helloApi"},
            "StageName": "beta",
            "DeploymentId": {"Ref": beta_deployment or prod_deployment},
            "Variables": {"functionName": {"Ref": "helloFunction"}},
        },
    }
    return {
        "Description": "hello api",
        "Resources": resources,
        "Outputs": {
            "ProdVersion": {"Value": {"Fn::GetAtt": [prod_version, "Version"]}},
            "ProdVersionArn": {"Value": {"Ref": prod_version}},
            "AliasArn": {"Value": {"Ref": "prodAlias"}},
            "ProdDeployment": {"Value": {"Ref": prod_deployment}},
            "ApiId": {"Value": {"Ref": "helloApi"}},
            "ProdStage": {"Value": {"Ref": "prodStage"}},
        },
    }
