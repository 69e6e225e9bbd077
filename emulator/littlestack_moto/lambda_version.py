"""AWS::Lambda::Version with one published version per resource.

moto's own model publishes through ``publish_version`` but exposes neither a
Ref nor ``Fn::GetAtt Version``, so every template saw version "1". Here:

* each resource publishes once, on create; Ref is the version ARN,
  ``Fn::GetAtt Version`` its number, ``Fn::GetAtt FunctionArn`` the function's
  ARN;
* when the function has not changed since its last published version, Lambda
  returns that version instead of a new one and CloudFormation fails the
  resource: "A version for this Lambda function exists ( N ).  Modify the
  function to create a new version." -- so does this;
* ``CodeSha256``, when given, must match the function's current code;
* changing FunctionName, Description or CodeSha256 replaces the resource (a new
  version is published; the old one is deleted in the cleanup phase);
* deleting the resource deletes the version.

It also fixes moto's numbering: moto numbers a new version
``len(versions) + 1``, which repeats a number after a version was deleted.
Lambda never reuses a number, so publishing here continues from the highest
number the function ever had.
"""

from __future__ import annotations

from typing import Any

from moto.awslambda.exceptions import LambdaClientError
from moto.awslambda.models import LambdaFunction, LambdaStorage, lambda_backends, make_function_arn

from .extension_resource import ExtensionResource
from .lambda_alias import function_name_of
from .resource_failure import ResourceFailure

_REPLACING = ("FunctionName", "Description", "CodeSha256")

_original_publish_version = LambdaStorage.publish_version


def _publish_version(self: LambdaStorage, name_or_arn: str, description: str = "") -> LambdaFunction | None:
    function = self.get_function_by_name_or_arn_forbid_qualifier(name_or_arn)
    name = function.function_name
    versions = self._functions[name]["versions"]
    existing = list(versions)
    high_water: dict[str, int] = self.__dict__.setdefault("_littlestack_high_water", {})
    highest = max([high_water.get(name, 0)] + [int(v.version) for v in existing])
    published = _original_publish_version(self, name_or_arn, description)
    if published is None or any(published is v for v in existing):
        return published
    wanted = highest + 1
    if int(published.version) != wanted:
        self._arns.pop(published.function_arn, None)
        published.set_version(wanted)
        self._arns[published.function_arn] = published
    high_water[name] = wanted
    return published


def install_version_numbering() -> None:
    """Make published version numbers strictly increasing per function."""
    LambdaStorage.publish_version = _publish_version  # type: ignore[method-assign]


class LambdaVersionResource(ExtensionResource):
    """One published version of one function."""

    ATTRIBUTES = ("Version", "FunctionArn")
    REPLACING = _REPLACING

    def __init__(
        self,
        account_id: str,
        region_name: str,
        properties: dict[str, Any],
        function_name: str,
        version: str,
        arn: str,
    ):
        super().__init__(account_id, region_name, properties)
        self.function_name = function_name
        self.version = version
        self.arn = arn

    @staticmethod
    def cloudformation_type() -> str:
        """The CloudFormation type this model handles."""
        return "AWS::Lambda::Version"

    @property
    def physical_resource_id(self) -> str:
        """The physical id, which is also what Ref returns."""
        return self.arn

    def attribute(self, name: str) -> Any:
        """The value of Fn::GetAtt for one of ``ATTRIBUTES``."""
        if name == "Version":
            return self.version
        return make_function_arn(self.region_name, self.account_id, self.function_name)

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "LambdaVersionResource":
        """Create the live resource from the resolved properties."""
        properties = cloudformation_json["Properties"]
        backend = lambda_backends[account_id][region_name]
        function_name = function_name_of(str(properties["FunctionName"]))
        function = backend.get_function(function_name)
        expected_sha = properties.get("CodeSha256")
        if expected_sha and expected_sha != function.code_sha_256:
            raise ResourceFailure(
                f"CodeSHA256 ({expected_sha}) is different from current CodeSHA256 in "
                f"$LATEST ({function.code_sha_256}). Please try again with the CodeSHA256 in $LATEST."
            )
        existing = list(backend._lambdas._functions[function.function_name]["versions"])
        published = backend.publish_version(function_name, properties.get("Description", ""))
        if published is None or any(published is v for v in existing):
            latest = existing[-1].version if existing else "1"
            raise ResourceFailure(
                f"A version for this Lambda function exists ( {latest} ).  "
                "Modify the function to create a new version."
            )
        return cls(
            account_id,
            region_name,
            properties,
            function.function_name,
            str(published.version),
            published.function_arn,
        )

    # Every property but the replacing ones is ignored on update: the base class's in-place update suffices.

    def remove(self) -> None:
        """Delete the live resource; already gone counts as deleted."""
        try:
            lambda_backends[self.account_id][self.region_name].delete_function(
                self.function_name, self.version
            )
        except LambdaClientError:
            pass  # the function (and so the version) is already gone
