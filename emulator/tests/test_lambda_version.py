"""AWS::Lambda::Version: one published version per resource, numbered as Lambda does."""

from __future__ import annotations

import base64
import hashlib

from conftest import Aws
from templates import function, version

ARN = "arn:aws:lambda:us-east-1:123456789012:function:hello"


def _template(aws: Aws, key: str, versions: list[str]) -> dict:
    resources = {"helloFunction": function(aws.role_arn, key)}
    outputs = {}
    for name in versions:
        resources[name] = version(f"release {name}")
        outputs[f"{name}Arn"] = {"Value": {"Ref": name}}
        outputs[f"{name}Number"] = {"Value": {"Fn::GetAtt": [name, "Version"]}}
    return {"Resources": resources, "Outputs": outputs}


def _published(aws: Aws) -> list[tuple[str, str]]:
    versions = aws.lam.list_versions_by_function(FunctionName="hello")["Versions"]
    return [(v["Version"], v["Description"]) for v in versions if v["Version"] != "$LATEST"]


def _sha(content: bytes) -> str:
    return base64.b64encode(hashlib.sha256(content).digest()).decode()


def test_each_version_resource_publishes_its_own_number(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("versions", _template(aws, "v1.zip", ["v1"]))
    aws.update("versions", _template(aws, "v2.zip", ["v1", "v2"]))
    assert aws.outputs("versions") == {
        "v1Arn": f"{ARN}:1",
        "v1Number": "1",
        "v2Arn": f"{ARN}:2",
        "v2Number": "2",
    }
    assert _published(aws) == [("1", "release v1"), ("2", "release v2")]
    resources = aws.cf.describe_stack_resources(StackName="versions")["StackResources"]
    assert {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources} == {
        "helloFunction": "hello",
        "v1": f"{ARN}:1",
        "v2": f"{ARN}:2",
    }


def test_numbers_are_never_reused_after_a_version_is_removed(aws: Aws) -> None:
    for n in (1, 2, 3):
        aws.put_code(f"v{n}.zip", f"code-{n}".encode())
    aws.create("numbers", _template(aws, "v1.zip", ["v1"]))
    aws.update("numbers", _template(aws, "v2.zip", ["v1", "v2"]))
    aws.update("numbers", _template(aws, "v2.zip", ["v1"]))  # v2 removed: version 2 deleted
    assert _published(aws) == [("1", "release v1")]
    aws.update("numbers", _template(aws, "v3.zip", ["v1", "v3"]))
    assert _published(aws) == [("1", "release v1"), ("3", "release v3")]
    assert aws.outputs("numbers")["v3Number"] == "3"


def test_a_version_of_an_unchanged_function_fails_like_cloudformation(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.create("same", _template(aws, "v1.zip", ["v1"]))
    aws.update("same", _template(aws, "v1.zip", ["v1", "again"]))
    assert aws.stack("same")["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE"
    assert (
        "again",
        "CREATE_FAILED",
        "A version for this Lambda function exists ( 1 ).  Modify the function to create a new version.",
    ) in aws.events("same")
    assert _published(aws) == [("1", "release v1")]
    assert aws.outputs("same") == {"v1Arn": f"{ARN}:1", "v1Number": "1"}


def test_code_sha256_must_match_the_function(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    template = _template(aws, "v1.zip", ["v1"])
    template["Resources"]["v1"]["Properties"]["CodeSha256"] = _sha(b"code-1")
    aws.create("sha", template)
    assert aws.stack("sha")["StackStatus"] == "CREATE_COMPLETE"

    aws.put_code("v2.zip", b"code-2")
    template = _template(aws, "v2.zip", ["v1", "v2"])
    template["Resources"]["v1"]["Properties"]["CodeSha256"] = _sha(b"code-1")
    template["Resources"]["v2"]["Properties"]["CodeSha256"] = "bm90IHRoZSBjb2Rl"
    aws.update("sha", template)
    assert aws.stack("sha")["StackStatus"] == "UPDATE_ROLLBACK_COMPLETE"
    failed = [e for e in aws.events("sha") if e[1] == "CREATE_FAILED"]
    assert failed == [
        (
            "v2",
            "CREATE_FAILED",
            f"CodeSHA256 (bm90IHRoZSBjb2Rl) is different from current CodeSHA256 in $LATEST "
            f"({_sha(b'code-2')}). Please try again with the CodeSHA256 in $LATEST.",
        )
    ]
    # The rollback put the function's code back.
    assert aws.lam.get_function(FunctionName="hello")["Configuration"]["CodeSha256"] == _sha(b"code-1")


def test_a_new_description_replaces_the_version(aws: Aws) -> None:
    aws.put_code("v1.zip", b"code-1")
    aws.put_code("v2.zip", b"code-2")
    aws.create("replace", _template(aws, "v1.zip", ["v1"]))
    template = _template(aws, "v2.zip", ["v1"])
    template["Resources"]["v1"]["Properties"]["Description"] = "rewritten"
    aws.update("replace", template)
    assert aws.stack("replace")["StackStatus"] == "UPDATE_COMPLETE"
    assert _published(aws) == [("2", "rewritten")]
    assert aws.outputs("replace") == {"v1Arn": f"{ARN}:2", "v1Number": "2"}
    events = [(l, s) for l, s, _ in aws.events("replace")]
    cleanup = events.index(("replace", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"))
    assert events[cleanup + 1 : cleanup + 3] == [("v1", "DELETE_IN_PROGRESS"), ("v1", "DELETE_COMPLETE")]
