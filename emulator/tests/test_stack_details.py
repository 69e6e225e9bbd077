"""Event tokens and times, and NoEcho parameters."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from conftest import Aws
from templates import function, version


def test_events_carry_the_request_token_and_strictly_increasing_times(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    template = {"Resources": {"helloFunction": function(aws.role_arn, "v1.zip"), "v1": version("one")}}
    aws.cf.create_stack(StackName="tokens", TemplateBody=json.dumps(template), ClientRequestToken="apply-1")
    template["Resources"]["helloFunction"] = function(aws.role_arn, "v2.zip")
    template["Resources"]["v2"] = version("two")
    change_set = aws.change("tokens", template)
    aws.cf.execute_change_set(ChangeSetName=change_set, ClientRequestToken="apply-2")

    events = list(reversed(aws.cf.describe_stack_events(StackName="tokens")["StackEvents"]))
    tokens = [(e["LogicalResourceId"], e["ResourceStatus"], e.get("ClientRequestToken")) for e in events]
    assert tokens == [
        ("tokens", "CREATE_IN_PROGRESS", "apply-1"),
        ("helloFunction", "CREATE_IN_PROGRESS", "apply-1"),
        ("helloFunction", "CREATE_COMPLETE", "apply-1"),
        ("v1", "CREATE_IN_PROGRESS", "apply-1"),
        ("v1", "CREATE_COMPLETE", "apply-1"),
        ("tokens", "CREATE_COMPLETE", "apply-1"),
        ("tokens", "UPDATE_IN_PROGRESS", "apply-2"),
        ("helloFunction", "UPDATE_IN_PROGRESS", "apply-2"),
        ("helloFunction", "UPDATE_COMPLETE", "apply-2"),
        ("v2", "CREATE_IN_PROGRESS", "apply-2"),
        ("v2", "CREATE_COMPLETE", "apply-2"),
        ("tokens", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "apply-2"),
        ("tokens", "UPDATE_COMPLETE", "apply-2"),
    ]
    times = [e["Timestamp"] for e in events]
    assert all(earlier < later for earlier, later in zip(times, times[1:]))


def test_no_echo_parameters_are_masked(aws: Aws) -> None:
    template = {
        "Parameters": {
            "Secret": {"Type": "String", "NoEcho": True},
            "Plain": {"Type": "String"},
        },
        "Resources": {"q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "Plain"}}}},
    }
    parameters = [
        {"ParameterKey": "Secret", "ParameterValue": "hunter2"},
        {"ParameterKey": "Plain", "ParameterValue": "visible"},
    ]
    change_set = aws.cf.create_change_set(
        StackName="secret",
        ChangeSetName="c",
        ChangeSetType="CREATE",
        TemplateBody=json.dumps(template),
        Parameters=parameters,
    )["Id"]
    described = aws.cf.describe_change_set(ChangeSetName=change_set)
    assert sorted((p["ParameterKey"], p["ParameterValue"]) for p in described["Parameters"]) == [
        ("Plain", "visible"),
        ("Secret", "****"),
    ]
    aws.cf.execute_change_set(ChangeSetName=change_set)
    stack = aws.stack("secret")
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    assert sorted((p["ParameterKey"], p["ParameterValue"]) for p in stack["Parameters"]) == [
        ("Plain", "visible"),
        ("Secret", "****"),
    ]
    assert "hunter2" not in json.dumps(aws.cf.describe_stack_events(StackName="secret"), default=str)


def test_termination_protection_and_times(aws: Aws) -> None:
    template = {"Resources": {"q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "q1"}}}}
    aws.cf.create_stack(StackName="kept", TemplateBody=json.dumps(template), EnableTerminationProtection=True)
    stack = aws.stack("kept")
    assert stack["EnableTerminationProtection"] is True
    assert "LastUpdatedTime" not in stack
    with pytest.raises(ClientError) as raised:
        aws.cf.delete_stack(StackName="kept")
    assert raised.value.response["Error"]["Message"] == (
        "Stack [kept] cannot be deleted while TerminationProtection is enabled"
    )
    template["Resources"]["q"]["Properties"]["QueueName"] = "q2"
    aws.cf.update_stack(StackName="kept", TemplateBody=json.dumps(template))
    assert aws.stack("kept")["LastUpdatedTime"] >= stack["CreationTime"]
    aws.cf.update_termination_protection(StackName="kept", EnableTerminationProtection=False)
    assert aws.stack("kept")["EnableTerminationProtection"] is False
    aws.cf.delete_stack(StackName="kept")
    deleted = aws.stack(stack["StackId"])
    assert deleted["StackStatus"] == "DELETE_COMPLETE"
    assert deleted["DeletionTime"] >= deleted["LastUpdatedTime"]


def test_resources_report_their_own_status(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    template = {"Resources": {"helloFunction": function(aws.role_arn, "v1.zip"), "v1": version("one")}}
    aws.cf.create_stack(StackName="status", TemplateBody=json.dumps(template))
    template["Resources"]["helloFunction"] = function(aws.role_arn, "v2.zip")
    template["Resources"]["v2"] = version("two")
    aws.cf.update_stack(StackName="status", TemplateBody=json.dumps(template))
    expected = {"helloFunction": "UPDATE_COMPLETE", "v1": "CREATE_COMPLETE", "v2": "CREATE_COMPLETE"}
    described = aws.cf.describe_stack_resources(StackName="status")["StackResources"]
    assert {r["LogicalResourceId"]: r["ResourceStatus"] for r in described} == expected
    listed = aws.cf.list_stack_resources(StackName="status")["StackResourceSummaries"]
    assert {r["LogicalResourceId"]: r["ResourceStatus"] for r in listed} == expected
    times = {r["LogicalResourceId"]: r["LastUpdatedTimestamp"] for r in listed}
    assert times["v1"] < times["helloFunction"] <= times["v2"]
    detail = aws.cf.describe_stack_resource(StackName="status", LogicalResourceId="v2")["StackResourceDetail"]
    assert (detail["ResourceStatus"], detail["PhysicalResourceId"], detail["LastUpdatedTimestamp"]) == (
        "CREATE_COMPLETE",
        "arn:aws:lambda:us-east-1:123456789012:function:hello:2",
        times["v2"],
    )
