"""DescribeChangeSet details and CloudFormation's change-set rules."""

from __future__ import annotations

import copy
import json

import pytest
from botocore.exceptions import ClientError

from conftest import Aws
from templates import alias, function, version

FN = "arn:aws:lambda:us-east-1:123456789012:function:hello"


def _template(aws: Aws) -> dict:
    return {
        "Parameters": {"Memory": {"Type": "Number", "Default": "128"}},
        "Resources": {
            "helloFunction": function(aws.role_arn, "v1.zip", MemorySize={"Ref": "Memory"}),
            "v1": version("one"),
            "prodAlias": alias("v1"),
            "topic": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/cs/topic", "Type": "String", "Value": "a"}},
        },
    }


def _changes(aws: Aws, change_set_id: str) -> dict[str, dict]:
    described = aws.cf.describe_change_set(ChangeSetName=change_set_id)
    assert described["Status"] == "CREATE_COMPLETE"
    assert described["ExecutionStatus"] == "AVAILABLE"
    return {c["ResourceChange"]["LogicalResourceId"]: c["ResourceChange"] for c in described["Changes"]}


@pytest.fixture()
def stack(aws: Aws) -> dict:
    aws.put_code("v1.zip", b"code-1")
    template = _template(aws)
    aws.create("cs", template)
    assert aws.stack("cs")["StackStatus"] == "CREATE_COMPLETE"
    return template


def test_modify_details_and_replacement(aws: Aws, stack: dict) -> None:
    template = copy.deepcopy(stack)
    template["Resources"]["prodAlias"]["Properties"]["Description"] = "moved"
    template["Resources"]["v1"]["Properties"]["Description"] = "renamed"
    template["Resources"]["topic"]["Properties"]["Value"] = "b"
    changes = _changes(aws, aws.change("cs", template))
    assert changes["prodAlias"] == {
        "Action": "Modify",
        "LogicalResourceId": "prodAlias",
        "PhysicalResourceId": f"{FN}:gateway_prod",
        "ResourceType": "AWS::Lambda::Alias",
        "Replacement": "False",
        "Scope": ["Properties"],
        "Details": [
            {
                "Target": {"Attribute": "Properties", "Name": "Description", "RequiresRecreation": "Never"},
                "Evaluation": "Static",
                "ChangeSource": "DirectModification",
            }
        ],
    }
    assert changes["v1"]["Replacement"] == "True"
    assert changes["v1"]["Details"][0]["Target"] == {
        "Attribute": "Properties",
        "Name": "Description",
        "RequiresRecreation": "Always",
    }
    # A type the table does not know: CloudFormation's honest "Conditional".
    assert changes["topic"]["Replacement"] == "Conditional"
    assert changes["topic"]["Details"][0]["Target"]["RequiresRecreation"] == "Conditionally"
    assert sorted(changes) == ["prodAlias", "topic", "v1"]


def test_parameter_change_lists_the_resources_that_use_it(aws: Aws, stack: dict) -> None:
    change_set = aws.change("cs", stack, Parameters=[{"ParameterKey": "Memory", "ParameterValue": "256"}])
    changes = _changes(aws, change_set)
    assert changes == {
        "helloFunction": {
            "Action": "Modify",
            "LogicalResourceId": "helloFunction",
            "PhysicalResourceId": "hello",
            "ResourceType": "AWS::Lambda::Function",
            "Replacement": "False",
            "Scope": ["Properties"],
            "Details": [
                {
                    "Target": {"Attribute": "Properties", "Name": "MemorySize", "RequiresRecreation": "Never"},
                    "Evaluation": "Static",
                    "ChangeSource": "ParameterReference",
                    "CausingEntity": "Memory",
                }
            ],
        }
    }
    aws.cf.execute_change_set(ChangeSetName=change_set)
    assert aws.lam.get_function(FunctionName="hello")["Configuration"]["MemorySize"] == 256


def test_add_and_remove_entries(aws: Aws, stack: dict) -> None:
    template = copy.deepcopy(stack)
    del template["Resources"]["topic"]
    template["Resources"]["queue"] = {"Type": "AWS::SQS::Queue", "Properties": {}}
    changes = _changes(aws, aws.change("cs", template))
    assert changes["queue"] == {"Action": "Add", "LogicalResourceId": "queue", "ResourceType": "AWS::SQS::Queue"}
    assert changes["topic"]["Action"] == "Remove"
    assert changes["topic"]["PhysicalResourceId"] == "/cs/topic"


def test_no_changes_gives_a_failed_change_set(aws: Aws, stack: dict) -> None:
    change_set = aws.change("cs", stack, Parameters=[{"ParameterKey": "Memory", "ParameterValue": "128"}])
    described = aws.cf.describe_change_set(ChangeSetName=change_set)
    assert (described["Status"], described["ExecutionStatus"], described["StatusReason"]) == (
        "FAILED",
        "UNAVAILABLE",
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    )
    with pytest.raises(ClientError) as raised:
        aws.cf.execute_change_set(ChangeSetName=change_set)
    assert raised.value.response["Error"]["Code"] == "InvalidChangeSetStatus"
    assert raised.value.response["Error"]["Message"] == (
        f"ChangeSet [{change_set}] cannot be executed in its current execution status of [UNAVAILABLE]"
    )


def test_change_set_rules(aws: Aws, stack: dict) -> None:
    template = copy.deepcopy(stack)
    template["Resources"]["topic"]["Properties"]["Value"] = "b"
    # Same change set name on another stack: lookups by name stay per stack.
    aws.cf.create_stack(StackName="other", TemplateBody=json.dumps({"Resources": {"q": {"Type": "AWS::SQS::Queue"}}}))
    other = aws.cf.create_change_set(
        StackName="other",
        ChangeSetName="little-change",
        TemplateBody=json.dumps({"Resources": {"q": {"Type": "AWS::SQS::Queue"}, "r": {"Type": "AWS::SQS::Queue"}}}),
    )["Id"]
    mine = aws.change("cs", template)
    spare = aws.change("cs", template, change_set_name="spare")
    described = aws.cf.describe_change_set(ChangeSetName="little-change", StackName="cs")
    assert described["ChangeSetId"] == mine
    assert aws.cf.describe_change_set(ChangeSetName="little-change", StackName="other")["ChangeSetId"] == other

    aws.cf.execute_change_set(ChangeSetName="little-change", StackName="cs")
    assert aws.cf.describe_change_set(ChangeSetName=mine)["ExecutionStatus"] == "EXECUTE_COMPLETE"
    # Executing one drops the stack's other change sets (not other stacks').
    with pytest.raises(ClientError) as raised:
        aws.cf.describe_change_set(ChangeSetName=spare)
    assert raised.value.response["Error"]["Code"] == "ChangeSetNotFound"
    assert raised.value.response["Error"]["Message"] == f"ChangeSet [{spare}] does not exist"
    assert aws.cf.describe_change_set(ChangeSetName=other)["Status"] == "CREATE_COMPLETE"
    # Running it twice is refused.
    with pytest.raises(ClientError) as raised:
        aws.cf.execute_change_set(ChangeSetName=mine)
    assert raised.value.response["Error"]["Code"] == "InvalidChangeSetStatus"

    # CREATE for a stack that exists is refused.
    with pytest.raises(ClientError) as raised:
        aws.cf.create_change_set(
            StackName="cs", ChangeSetName="again", ChangeSetType="CREATE", TemplateBody=json.dumps(template)
        )
    assert raised.value.response["Error"]["Message"] == (
        "Stack [cs] already exists and cannot be created again with the changeSet [again]."
    )


def test_unresolved_reference_fails_the_change_set(aws: Aws, stack: dict) -> None:
    template = copy.deepcopy(stack)
    template["Resources"]["prodAlias"]["DependsOn"] = "ghost"
    change_set = aws.change("cs", template)
    described = aws.cf.describe_change_set(ChangeSetName=change_set)
    assert (described["Status"], described["StatusReason"]) == (
        "FAILED",
        "Template format error: Unresolved resource dependencies [ghost] in the Resources block of the template",
    )


def test_a_parameter_without_default_must_be_given(aws: Aws, stack: dict) -> None:
    template = copy.deepcopy(stack)
    template["Parameters"]["Stage"] = {"Type": "String"}
    with pytest.raises(ClientError) as raised:
        aws.change("cs", template)
    assert raised.value.response["Error"]["Message"] == "Parameters: [Stage] must have values"
    with pytest.raises(ClientError) as raised:
        aws.cf.update_stack(StackName="cs", TemplateBody=json.dumps(template))
    assert raised.value.response["Error"]["Message"] == "Parameters: [Stage] must have values"
    assert aws.stack("cs")["StackStatus"] == "CREATE_COMPLETE"


def test_second_create_change_set_joins_the_stack_in_review(aws: Aws) -> None:
    template = json.dumps({"Resources": {"q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "q"}}}})
    first = aws.cf.create_change_set(StackName="review", ChangeSetName="one", ChangeSetType="CREATE", TemplateBody=template)
    aws.cf.delete_change_set(ChangeSetName=first["Id"])
    second = aws.cf.create_change_set(StackName="review", ChangeSetName="two", ChangeSetType="CREATE", TemplateBody=template)
    assert second["StackId"] == first["StackId"]
    aws.cf.execute_change_set(ChangeSetName=second["Id"])
    stacks = [s for s in aws.cf.describe_stacks()["Stacks"] if s["StackName"] == "review"]
    assert [(s["StackId"], s["StackStatus"]) for s in stacks] == [(first["StackId"], "CREATE_COMPLETE")]
