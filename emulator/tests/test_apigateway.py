"""AWS::ApiGateway::RestApi Body, Deployment Ref and Stage, read back through API Gateway."""

from __future__ import annotations

from conftest import Aws
from templates import openapi


def _api_template(body: dict, deployments: list[str], prod: str, beta: str | None = None) -> dict:
    resources: dict = {
        "helloApi": {
            "Type": "AWS::ApiGateway::RestApi",
            "Properties": {"Body": body, "EndpointConfiguration": {"Types": ["REGIONAL"]}},
        }
    }
    for name in deployments:
        resources[name] = {
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": {"RestApiId": {"Ref": "helloApi"}, "Description": name},
        }
    resources["prodStage"] = {
        "Type": "AWS::ApiGateway::Stage",
        "Properties": {
            "RestApiId": {"Ref": "helloApi"},
            "StageName": "prod",
            "DeploymentId": {"Ref": prod},
            "Description": "production",
            "Variables": {"functionName": "hello:gateway_prod"},
            "MethodSettings": [
                {"HttpMethod": "*", "ResourcePath": "/*", "LoggingLevel": "ERROR", "MetricsEnabled": True}
            ],
            "Tags": [{"Key": "stage", "Value": "prod"}],
        },
    }
    if beta:
        resources["betaStage"] = {
            "Type": "AWS::ApiGateway::Stage",
            "Properties": {
                "RestApiId": {"Ref": "helloApi"},
                "StageName": "beta",
                "DeploymentId": {"Ref": beta},
                "Variables": {"functionName": "hello"},
            },
        }
    return {
        "Resources": resources,
        "Outputs": {
            "ApiId": {"Value": {"Ref": "helloApi"}},
            "Root": {"Value": {"Fn::GetAtt": ["helloApi", "RootResourceId"]}},
            "Prod": {"Value": {"Ref": "prodStage"}},
            "ProdDeployment": {"Value": {"Ref": prod}},
        },
    }


def _paths(aws: Aws, api_id: str) -> list[tuple[str, list[str]]]:
    resources = aws.apigw.get_resources(restApiId=api_id)["items"]
    return sorted((r["path"], sorted(r.get("resourceMethods", {}))) for r in resources)


def _stages(aws: Aws, api_id: str) -> dict[str, dict]:
    return {s["stageName"]: s for s in aws.apigw.get_stages(restApiId=api_id)["item"]}


def test_rest_api_body_is_imported_and_updated(aws: Aws) -> None:
    aws.create("api", _api_template(openapi("/hello"), ["d1"], "d1"))
    outputs = aws.outputs("api")
    api_id = outputs["ApiId"]
    api = aws.apigw.get_rest_api(restApiId=api_id)
    assert (api["name"], api["description"], api["endpointConfiguration"]["types"]) == (
        "hello-api",
        "greets callers",
        ["REGIONAL"],
    )
    assert _paths(aws, api_id) == [("/", []), ("/hello", ["GET"])]
    root = [r["id"] for r in aws.apigw.get_resources(restApiId=api_id)["items"] if r["path"] == "/"]
    assert outputs["Root"] == root[0]
    integration = aws.apigw.get_integration(
        restApiId=api_id,
        resourceId=[r["id"] for r in aws.apigw.get_resources(restApiId=api_id)["items"] if r["path"] == "/hello"][0],
        httpMethod="GET",
    )
    assert integration["type"] == "AWS_PROXY"
    assert integration["uri"].endswith("function:${stageVariables.functionName}/invocations")

    # A new body replaces the API's resources (same API id).
    aws.update("api", _api_template(openapi("/hello", "/hello/{name}"), ["d1"], "d1"))
    assert aws.stack("api")["StackStatus"] == "UPDATE_COMPLETE"
    assert aws.outputs("api")["ApiId"] == api_id
    assert _paths(aws, api_id) == [("/", []), ("/hello", ["GET"]), ("/hello/{name}", ["GET"])]


def test_deployment_ref_is_its_id_and_stages_follow_the_pointer(aws: Aws) -> None:
    aws.create("deploy", _api_template(openapi("/hello"), ["d1"], "d1", beta="d1"))
    outputs = aws.outputs("deploy")
    api_id, d1 = outputs["ApiId"], outputs["ProdDeployment"]
    assert [d["id"] for d in aws.apigw.get_deployments(restApiId=api_id)["items"]] == [d1]
    assert outputs["Prod"] == "prod"
    prod = _stages(aws, api_id)["prod"]
    assert prod["deploymentId"] == d1
    assert prod["description"] == "production"
    assert prod["variables"] == {"functionName": "hello:gateway_prod"}
    assert prod["methodSettings"] == {"*/*": {"loggingLevel": "ERROR", "metricsEnabled": True}}
    assert prod["tags"] == {"stage": "prod"}

    # API change: new deployment to beta first, prod stays.
    aws.update("deploy", _api_template(openapi("/hello", "/bye"), ["d1", "d2"], "d1", beta="d2"))
    deployments = [d["id"] for d in aws.apigw.get_deployments(restApiId=api_id)["items"]]
    assert len(deployments) == 2 and deployments[0] == d1
    d2 = deployments[1]
    stages = _stages(aws, api_id)
    assert (stages["prod"]["deploymentId"], stages["beta"]["deploymentId"]) == (d1, d2)

    # Promote to prod, then retire d1.
    aws.update("deploy", _api_template(openapi("/hello", "/bye"), ["d1", "d2"], "d2", beta="d2"))
    assert _stages(aws, api_id)["prod"]["deploymentId"] == d2
    aws.update("deploy", _api_template(openapi("/hello", "/bye"), ["d2"], "d2", beta="d2"))
    assert [d["id"] for d in aws.apigw.get_deployments(restApiId=api_id)["items"]] == [d2]
    assert aws.outputs("deploy")["ProdDeployment"] == d2

    # Dropping the beta stage deletes it.
    aws.update("deploy", _api_template(openapi("/hello", "/bye"), ["d2"], "d2"))
    assert sorted(_stages(aws, api_id)) == ["prod"]


def test_removing_a_deployment_a_stage_still_uses_is_reported(aws: Aws) -> None:
    aws.create("busy", _api_template(openapi("/hello"), ["d1", "d2"], "d1"))
    api_id = aws.outputs("busy")["ApiId"]
    # d1 removed but prod still points at it: the cleanup's delete fails,
    # the update itself completes (CloudFormation's behaviour for cleanup).
    template = _api_template(openapi("/hello"), ["d2"], "d2")
    template["Resources"]["prodStage"]["Properties"]["DeploymentId"] = aws.outputs("busy")["ProdDeployment"]
    aws.update("busy", template)
    assert aws.stack("busy")["StackStatus"] == "UPDATE_COMPLETE"
    assert (
        "d1",
        "DELETE_FAILED",
        "Active stages pointing to this deployment must be moved or deleted",
    ) in aws.events("busy")
    assert len(aws.apigw.get_deployments(restApiId=api_id)["items"]) == 2


def test_stage_with_unknown_deployment_fails(aws: Aws) -> None:
    template = _api_template(openapi("/hello"), ["d1"], "d1")
    template["Resources"]["prodStage"]["Properties"]["DeploymentId"] = "nosuchid"
    template["Outputs"].pop("ProdDeployment")
    aws.create("bad-stage", template)
    assert aws.stack("bad-stage")["StackStatus"] == "ROLLBACK_COMPLETE"
    assert ("prodStage", "CREATE_FAILED", "Invalid deployment identifier specified") in aws.events("bad-stage")
    assert aws.apigw.get_rest_apis()["items"] == []


def test_stack_deletion_removes_the_api(aws: Aws) -> None:
    aws.create("api-gone", _api_template(openapi("/hello"), ["d1"], "d1", beta="d1"))
    aws.cf.delete_stack(StackName="api-gone")
    assert aws.apigw.get_rest_apis()["items"] == []
