"""AWS::Lambda::Alias, which moto's CloudFormation skips.

Ref is the alias ARN; Fn::GetAtt AliasArn too. FunctionVersion, Description
and RoutingConfig update in place; a new Name or FunctionName replaces the
alias (the old one is deleted in the cleanup phase).
"""

from __future__ import annotations

from typing import Any

from moto.awslambda.exceptions import LambdaClientError
from moto.awslambda.models import lambda_backends

from .extension_resource import ExtensionResource

_REPLACING = ("Name", "FunctionName")


def function_name_of(name_or_arn: str) -> str:
    """``my-fn`` from ``my-fn``, ``arn:...:function:my-fn`` or ``...:my-fn:qualifier``."""
    if ":function:" in name_or_arn:
        return name_or_arn.split(":function:", 1)[1].split(":", 1)[0]
    return name_or_arn.split(":", 1)[0]


def routing_config(properties: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's RoutingConfig in the Lambda API's shape."""
    config = properties.get("RoutingConfig") or {}
    weights = config.get("AdditionalVersionWeights") or []
    if not weights:
        return {}
    return {
        "AdditionalVersionWeights": {
            str(weight["FunctionVersion"]): float(weight["FunctionWeight"]) for weight in weights
        }
    }


class LambdaAliasResource(ExtensionResource):
    """One alias of one function."""

    ATTRIBUTES = ("AliasArn",)
    REPLACING = _REPLACING

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any], arn: str):
        super().__init__(account_id, region_name, properties)
        self.arn = arn
        self.function_name = function_name_of(str(properties["FunctionName"]))
        self.name = str(properties["Name"])

    @staticmethod
    def cloudformation_type() -> str:
        """The CloudFormation type this model handles."""
        return "AWS::Lambda::Alias"

    @property
    def physical_resource_id(self) -> str:
        """The physical id, which is also what Ref returns."""
        return self.arn

    def attribute(self, name: str) -> Any:
        """The value of Fn::GetAtt for one of ``ATTRIBUTES``."""
        return self.arn

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "LambdaAliasResource":
        """Create the live resource from the resolved properties."""
        properties = cloudformation_json["Properties"]
        alias = lambda_backends[account_id][region_name].create_alias(
            name=str(properties["Name"]),
            function_name=function_name_of(str(properties["FunctionName"])),
            function_version=str(properties["FunctionVersion"]),
            description=properties.get("Description", ""),
            routing_config=routing_config(properties),  # type: ignore[arg-type]
        )
        return cls(account_id, region_name, properties, alias.arn)

    def update_in_place(self, properties: dict[str, Any]) -> None:
        """Move the alias: version, description and routing change in place."""
        lambda_backends[self.account_id][self.region_name].update_alias(
            name=self.name,
            function_name=self.function_name,
            function_version=str(properties["FunctionVersion"]),
            description=properties.get("Description", ""),
            routing_config=routing_config(properties),  # type: ignore[arg-type]
        )

    def remove(self) -> None:
        """Delete the live resource; already gone counts as deleted."""
        try:
            lambda_backends[self.account_id][self.region_name].delete_alias(
                self.name, self.function_name
            )
        except LambdaClientError:
            pass  # the function (and so the alias) is already gone
