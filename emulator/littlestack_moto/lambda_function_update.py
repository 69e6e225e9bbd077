"""Inline ``Code.ZipFile`` on AWS::Lambda::Function updates.

moto zips an inline ZipFile (plain source text, as CloudFormation allows) when
creating a function from a template but passes it through unzipped on update,
where it is then base64-decoded and fails. This wraps moto's update handler to
zip it the same way creation does.
"""

from __future__ import annotations

import base64
from typing import Any

from moto.awslambda.models import LambdaFunction

_original_update = LambdaFunction.update_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _update_from_cloudformation_json(
    cls: type[LambdaFunction],
    original_resource: LambdaFunction,
    new_resource_name: str,
    cloudformation_json: dict[str, Any],
    account_id: str,
    region_name: str,
) -> LambdaFunction:
    properties = cloudformation_json["Properties"]
    code = properties.get("Code") or {}
    if isinstance(code.get("ZipFile"), str):
        code = dict(code)
        code["ZipFile"] = base64.b64encode(cls._create_zipfile_from_plaintext_code(code["ZipFile"]))
        properties["Code"] = code
    return _original_update(
        cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name
    )


def install() -> None:
    """Patch moto's AWS::Lambda::Function update handler."""
    LambdaFunction.update_from_cloudformation_json = classmethod(  # type: ignore[method-assign,assignment]
        _update_from_cloudformation_json
    )
