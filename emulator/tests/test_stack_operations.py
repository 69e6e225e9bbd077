"""Update ordering, rollback, Outputs after ExecuteChangeSet and per-resource events."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from botocore.exceptions import ClientError

from conftest import Aws
from templates import api_stack, function, version

FN = "arn:aws:lambda:us-east-1:123456789012:function:hello"


def _sha(content: bytes) -> str:
    return base64.b64encode(hashlib.sha256(content).digest()).decode()


def _versions(aws: Aws) -> dict[str, str]:
    versions = aws.lam.list_versions_by_function(FunctionName="hello")["Versions"]
    return {v["Version"]: v["CodeSha256"] for v in versions}


def test_release_flow_publishes_the_new_version_after_the_code_update(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("rel", api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1"))
    assert aws.outputs("rel")["ProdVersion"] == "1"

    # Code change and a new version in one update; prod still on v1.
    aws.update("rel", api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v1", ["d1"], "d1"))
    assert _versions(aws) == {"$LATEST": _sha(b"code-2"), "1": _sha(b"code-1"), "2": _sha(b"code-2")}
    assert aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")["FunctionVersion"] == "1"
    events = [(l, s) for l, s, _ in aws.events("rel")]
    assert events.index(("helloFunction", "UPDATE_COMPLETE")) < events.index(("v2", "CREATE_IN_PROGRESS"))

    # Release: move the prod pointer; Outputs follow after ExecuteChangeSet.
    aws.update("rel", api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v2", ["d1"], "d1"))
    assert aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")["FunctionVersion"] == "2"
    outputs = aws.outputs("rel")
    assert (outputs["ProdVersion"], outputs["ProdVersionArn"]) == ("2", f"{FN}:2")
    assert aws.stack("rel")["StackStatus"] == "UPDATE_COMPLETE"


def test_removals_come_last_in_reverse_dependency_order(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("order", api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1"))
    aws.update("order", api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v2", ["d1", "d2"], "d2"))
    before = len(aws.events("order"))
    # Retire v1 and d1 while nothing else changes.
    aws.update("order", api_stack(aws.role_arn, "v2.zip", ["v2"], "v2", ["d2"], "d2"))
    assert [(l, s) for l, s, _ in aws.events("order")[before:]] == [
        ("order", "UPDATE_IN_PROGRESS"),
        ("order", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"),
        ("d1", "DELETE_IN_PROGRESS"),
        ("d1", "DELETE_COMPLETE"),
        ("v1", "DELETE_IN_PROGRESS"),
        ("v1", "DELETE_COMPLETE"),
        ("order", "UPDATE_COMPLETE"),
    ]
    assert sorted(_versions(aws)) == ["$LATEST", "2"]


def test_create_events_per_resource_newest_first(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    template = {"Resources": {"helloFunction": function(aws.role_arn, "v1.zip"), "v1": version("one")}}
    # Declared dependent-first: creation still follows the dependency.
    template["Resources"] = {"v1": template["Resources"]["v1"], "helloFunction": template["Resources"]["helloFunction"]}
    aws.cf.create_stack(StackName="events", TemplateBody=json.dumps(template))
    raw = aws.cf.describe_stack_events(StackName="events")["StackEvents"]
    assert [(e["LogicalResourceId"], e["ResourceStatus"], e.get("PhysicalResourceId", "")) for e in raw] == [
        ("events", "CREATE_COMPLETE", aws.stack("events")["StackId"]),
        ("v1", "CREATE_COMPLETE", f"{FN}:1"),
        ("v1", "CREATE_IN_PROGRESS", ""),
        ("helloFunction", "CREATE_COMPLETE", "hello"),
        ("helloFunction", "CREATE_IN_PROGRESS", ""),
        ("events", "CREATE_IN_PROGRESS", aws.stack("events")["StackId"]),
    ]
    assert {e["ResourceType"] for e in raw if e["LogicalResourceId"] == "v1"} == {"AWS::Lambda::Version"}


def test_failing_change_set_rolls_back_and_says_why(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("fail", api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1"))
    outputs_before = aws.outputs("fail")
    api_id = outputs_before["ApiId"]

    template = api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v1", ["d1", "d2"], "d2")
    template["Resources"]["prodAlias"]["Properties"]["FunctionVersion"] = "99"
    change_set = aws.update("fail", template)

    assert aws.stack("fail")["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE"
    assert aws.cf.describe_change_set(ChangeSetName=change_set)["ExecutionStatus"] == "EXECUTE_FAILED"
    events = aws.events("fail")
    assert ("prodAlias", "UPDATE_FAILED", f"Function not found: {FN}:99") in events
    assert ("fail", "UPDATE_ROLLBACK_IN_PROGRESS", "The following resource(s) failed to update: [prodAlias].") in events
    assert [s for l, s, _ in events if l == "fail"][-3:] == [
        "UPDATE_ROLLBACK_IN_PROGRESS",
        "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
        "UPDATE_ROLLBACK_COMPLETE",
    ]
    # Everything is as before: code, versions, alias, deployments, outputs.
    assert _versions(aws) == {"$LATEST": _sha(b"code-1"), "1": _sha(b"code-1")}
    assert aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")["FunctionVersion"] == "1"
    assert [d["id"] for d in aws.apigw.get_deployments(restApiId=api_id)["items"]] == [outputs_before["ProdDeployment"]]
    assert aws.outputs("fail") == outputs_before
    template_body = aws.cf.get_template(StackName="fail")["TemplateBody"]
    assert template_body == api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1")

    # The stack is usable afterwards. Version 2 was published and deleted by
    # the rollback; Lambda never reuses a number, so this one is 3.
    aws.update("fail", api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v2", ["d1"], "d1"))
    assert aws.stack("fail")["StackStatus"] == "UPDATE_COMPLETE"
    assert aws.outputs("fail")["ProdVersion"] == "3"


def test_failing_create_ends_in_rollback_complete_with_nothing_left(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    template = api_stack(aws.role_arn, "v1.zip", ["v1", "v1again"], "v1", ["d1"], "d1")
    aws.cf.create_stack(StackName="doomed", TemplateBody=json.dumps(template))
    stack = aws.stack("doomed")
    assert stack["StackStatus"] == "ROLLBACK_COMPLETE"
    assert "Outputs" not in stack
    events = aws.events("doomed")
    assert (
        "v1again",
        "CREATE_FAILED",
        "A version for this Lambda function exists ( 1 ).  Modify the function to create a new version.",
    ) in events
    assert (
        "doomed",
        "ROLLBACK_IN_PROGRESS",
        "The following resource(s) failed to create: [v1again]. Rollback requested by user.",
    ) in events
    assert [(l, s) for l, s, _ in events[-6:]] == [
        ("doomed", "ROLLBACK_IN_PROGRESS"),
        ("v1", "DELETE_IN_PROGRESS"),
        ("v1", "DELETE_COMPLETE"),
        ("helloFunction", "DELETE_IN_PROGRESS"),
        ("helloFunction", "DELETE_COMPLETE"),
        ("doomed", "ROLLBACK_COMPLETE"),
    ]
    assert aws.cf.list_stack_resources(StackName="doomed")["StackResourceSummaries"] == []
    assert aws.lam.list_functions()["Functions"] == []
    with pytest.raises(ClientError) as raised:
        aws.cf.update_stack(StackName="doomed", TemplateBody=json.dumps(template))
    assert "is in ROLLBACK_COMPLETE state and can not be updated." in str(raised.value)


def test_failing_create_change_set(aws: Aws) -> None:
    template = {"Resources": {"helloFunction": function("arn:aws:iam::123456789012:role/missing", "v1.zip")}}
    change_set = aws.create("nope", template)
    assert aws.stack("nope")["StackStatus"] == "ROLLBACK_COMPLETE"
    assert aws.cf.describe_change_set(ChangeSetName=change_set)["ExecutionStatus"] == "EXECUTE_FAILED"
    assert (
        "helloFunction",
        "CREATE_FAILED",
        "The role defined for the function cannot be assumed by Lambda.",
    ) in aws.events("nope")


def test_update_stack_and_outputs(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    first = api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1")
    aws.cf.create_stack(StackName="direct", TemplateBody=json.dumps(first))
    second = api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v2", ["d1"], "d1")
    aws.cf.update_stack(StackName="direct", TemplateBody=json.dumps(second))
    assert aws.stack("direct")["StackStatus"] == "UPDATE_COMPLETE"
    assert aws.outputs("direct")["ProdVersion"] == "2"
    with pytest.raises(ClientError) as raised:
        aws.cf.update_stack(StackName="direct", TemplateBody=json.dumps(second))
    assert raised.value.response["Error"]["Message"] == "No updates are to be performed."


def test_unresolved_reference_is_a_validation_error(aws: Aws) -> None:
    template = {"Resources": {"v1": version("x")}}
    with pytest.raises(ClientError) as raised:
        aws.cf.create_stack(StackName="broken", TemplateBody=json.dumps(template))
    assert raised.value.response["Error"] == {
        "Type": "Sender",
        "Code": "ValidationError",
        "Message": "Template format error: Unresolved resource dependencies [helloFunction] in the Resources block of the template",
    }
    assert aws.cf.describe_stacks()["Stacks"] == []


def test_template_url_on_localhost(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.s3.create_bucket(Bucket="cloudformation-stacks")
    template = {"Resources": {"helloFunction": function(aws.role_arn, "v1.zip"), "v1": version("one")}}
    aws.s3.put_object(Bucket="cloudformation-stacks", Key="cf/url/api.json", Body=json.dumps(template))
    url = f"http://localhost:{aws.port}/cloudformation-stacks/cf/url/api.json"
    change_set = aws.cf.create_change_set(
        StackName="url", ChangeSetName="c", ChangeSetType="CREATE", TemplateURL=url
    )
    aws.cf.execute_change_set(ChangeSetName=change_set["Id"])
    assert aws.stack("url")["StackStatus"] == "CREATE_COMPLETE"
    # The same template again: a FAILED change set, as CloudFormation does.
    again = aws.cf.create_change_set(StackName="url", ChangeSetName="d", TemplateURL=url)
    described = aws.cf.describe_change_set(ChangeSetName=again["Id"])
    assert (described["Status"], described["StatusReason"]) == (
        "FAILED",
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    )


def test_rollback_restores_moved_pointers_and_replaced_resources(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("undo", api_stack(aws.role_arn, "v1.zip", ["v1"], "v1", ["d1"], "d1"))
    outputs_before = aws.outputs("undo")
    api_id = outputs_before["ApiId"]

    # New code, version, deployment; both stages and the alias move; the alias
    # is renamed (a replacement); then a resource that fails comes last.
    template = api_stack(aws.role_arn, "v2.zip", ["v1", "v2"], "v2", ["d1", "d2"], "d2")
    template["Resources"]["prodAlias"]["Properties"]["Name"] = "renamed"
    template["Resources"]["lastOne"] = {
        "Type": "AWS::Lambda::Permission",
        "DependsOn": ["prodStage", "betaStage", "prodAlias"],
        "Properties": {
            "Action": "lambda:InvokeFunction",
            "FunctionName": "no-such-function",
            "Principal": "apigateway.amazonaws.com",
        },
    }
    aws.update("undo", template)

    assert aws.stack("undo")["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE"
    assert ("lastOne", "CREATE_FAILED", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:no-such-function") in aws.events("undo")
    assert [a["Name"] for a in aws.lam.list_aliases(FunctionName="hello")["Aliases"]] == ["gateway_prod"]
    assert aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")["FunctionVersion"] == "1"
    assert _versions(aws) == {"$LATEST": _sha(b"code-1"), "1": _sha(b"code-1")}
    stages = {s["stageName"]: s["deploymentId"] for s in aws.apigw.get_stages(restApiId=api_id)["item"]}
    assert stages == {"prod": outputs_before["ProdDeployment"], "beta": outputs_before["ProdDeployment"]}
    assert [d["id"] for d in aws.apigw.get_deployments(restApiId=api_id)["items"]] == [outputs_before["ProdDeployment"]]
    assert aws.outputs("undo") == outputs_before
