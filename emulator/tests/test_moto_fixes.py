"""Smaller moto fixes: inline ZipFile updates, KMS key tags."""

from __future__ import annotations

import json

from conftest import Aws


def test_inline_zipfile_code_updates(aws: Aws) -> None:
    def template(source: str) -> dict:
        return {
            "Resources": {
                "inline": {
                    "Type": "AWS::Lambda::Function",
                    "Properties": {
                        "FunctionName": "inline",
                        "Code": {"ZipFile": source},
                        "Handler": "index.handler",
                        "Runtime": "python3.12",
                        "Role": aws.role_arn,
                    },
                },
                "v1": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "inline"}}},
            }
        }

    aws.cf.create_stack(StackName="inline", TemplateBody=json.dumps(template("def handler(e, c):\n    return 1\n")))
    before = aws.lam.get_function(FunctionName="inline")["Configuration"]["CodeSha256"]
    aws.cf.update_stack(StackName="inline", TemplateBody=json.dumps(template("def handler(e, c):\n    return 2\n")))
    assert aws.stack("inline")["StackStatus"] == "UPDATE_COMPLETE"
    assert aws.lam.get_function(FunctionName="inline")["Configuration"]["CodeSha256"] != before


def test_kms_key_with_tags(aws: Aws) -> None:
    template = {
        "Resources": {
            "key": {
                "Type": "AWS::KMS::Key",
                "Properties": {
                    "KeyPolicy": {"Version": "2012-10-17", "Statement": []},
                    "Tags": [{"Key": "org", "Value": "apps"}],
                },
            }
        },
        "Outputs": {"KeyArn": {"Value": {"Fn::GetAtt": ["key", "Arn"]}}},
    }
    aws.cf.create_stack(StackName="kms", TemplateBody=json.dumps(template))
    assert aws.stack("kms")["StackStatus"] == "CREATE_COMPLETE"
    assert aws.outputs("kms")["KeyArn"].startswith("arn:aws:kms:us-east-1:123456789012:key/")
