"""AWS::Lambda::Alias: create, update, replace and delete live aliases."""

from __future__ import annotations

import copy

from conftest import Aws
from templates import alias, function, version


def _template(aws: Aws, target: str, name: str = "gateway_prod", description: str = "prod") -> dict:
    prod = alias(target, name)
    prod["Properties"]["Description"] = description
    return {
        "Resources": {
            "helloFunction": function(aws.role_arn, "v1.zip"),
            "v1": version("first"),
            "prodAlias": prod,
        },
        "Outputs": {
            "AliasRef": {"Value": {"Ref": "prodAlias"}},
            "AliasArn": {"Value": {"Fn::GetAtt": ["prodAlias", "AliasArn"]}},
        },
    }


def test_alias_is_created_updated_and_deleted(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.create("alias-stack", _template(aws, "v1"))
    arn = "arn:aws:lambda:us-east-1:123456789012:function:hello:gateway_prod"
    assert aws.stack("alias-stack")["StackStatus"] == "CREATE_COMPLETE"
    assert aws.outputs("alias-stack") == {"AliasRef": arn, "AliasArn": arn}
    live = aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")
    assert (live["AliasArn"], live["FunctionVersion"], live["Description"]) == (arn, "1", "prod")

    # Point it at a new version: publishing needs a changed function.
    aws.put_code("v2.zip", b"code-2")
    template = _template(aws, "v2", description="prod 2")
    template["Resources"]["helloFunction"] = function(aws.role_arn, "v2.zip")
    template["Resources"]["v2"] = version("second")
    aws.update("alias-stack", template)
    assert aws.stack("alias-stack")["StackStatus"] == "UPDATE_COMPLETE"
    live = aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")
    assert (live["FunctionVersion"], live["Description"]) == ("2", "prod 2")

    # A new Name replaces the alias: the new one exists, the old one is gone.
    renamed = copy.deepcopy(template)
    renamed["Resources"]["prodAlias"]["Properties"]["Name"] = "live"
    aws.update("alias-stack", renamed)
    names = [a["Name"] for a in aws.lam.list_aliases(FunctionName="hello")["Aliases"]]
    assert names == ["live"]
    assert aws.outputs("alias-stack")["AliasRef"] == "arn:aws:lambda:us-east-1:123456789012:function:hello:live"

    # Removing the resource deletes the alias.
    del renamed["Resources"]["prodAlias"]
    renamed["Outputs"] = {}
    aws.update("alias-stack", renamed)
    assert aws.lam.list_aliases(FunctionName="hello")["Aliases"] == []


def test_alias_routing_config(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    template = _template(aws, "v1")
    template["Resources"]["helloFunction2"] = function(aws.role_arn, "v1.zip", FunctionName="other")
    template["Resources"]["prodAlias"]["Properties"]["RoutingConfig"] = {
        "AdditionalVersionWeights": [{"FunctionVersion": "1", "FunctionWeight": 0.25}]
    }
    aws.create("routing", template)
    live = aws.lam.get_alias(FunctionName="hello", Name="gateway_prod")
    assert live["RoutingConfig"] == {"AdditionalVersionWeights": {"1": 0.25}}


def test_stack_deletion_removes_alias_and_function(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.create("gone", _template(aws, "v1"))
    stack_id = aws.stack("gone")["StackId"]
    aws.cf.delete_stack(StackName="gone")
    assert aws.lam.list_functions()["Functions"] == []
    assert aws.stack(stack_id)["StackStatus"] == "DELETE_COMPLETE"
    statuses = [(logical, status) for logical, status, _ in aws.events(stack_id)[-8:]]
    assert statuses == [
        ("gone", "DELETE_IN_PROGRESS"),
        ("prodAlias", "DELETE_IN_PROGRESS"),
        ("prodAlias", "DELETE_COMPLETE"),
        ("v1", "DELETE_IN_PROGRESS"),
        ("v1", "DELETE_COMPLETE"),
        ("helloFunction", "DELETE_IN_PROGRESS"),
        ("helloFunction", "DELETE_COMPLETE"),
        ("gone", "DELETE_COMPLETE"),
    ]
