"""AWS::KMS::Key Tags in CloudFormation's shape.

moto's KMS model passes a template's ``Tags`` ([{"Key", "Value"}]) straight to
its tagging service, which expects ``TagKey`` / ``TagValue``; any tagged key
then fails with "TagKey not found". This converts the list first.
"""

from __future__ import annotations

from typing import Any

from moto.kms.models import Key

_original_create = Key.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _create_from_cloudformation_json(
    cls: type[Key],
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> Key:
    properties = cloudformation_json["Properties"]
    tags = properties.get("Tags")
    if isinstance(tags, list):
        properties["Tags"] = [
            {"TagKey": tag["Key"], "TagValue": tag["Value"]} if "Key" in tag else tag for tag in tags
        ]
    return _original_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)


def install() -> None:
    """Patch moto's AWS::KMS::Key create handler."""
    Key.create_from_cloudformation_json = classmethod(  # type: ignore[method-assign,assignment]
        _create_from_cloudformation_json
    )
