"""AWS::ApiGateway::RestApi with an OpenAPI ``Body`` (or ``BodyS3Location``).

moto's own model ignores the body. Here the body is imported with moto's
``put_rest_api`` (OpenAPI 3; moto rejects Swagger 2.0 as API Gateway's import
of it is not implemented), in ``Mode`` (default ``overwrite``) on create and
whenever the body changes on update (integration types are upper-cased, as
API Gateway stores them; moto keeps ``aws_proxy`` as written). Name defaults to the body's
``info.title``. Name, Description, EndpointConfiguration, Policy,
BinaryMediaTypes, ApiKeySourceType, MinimumCompressionSize,
DisableExecuteApiEndpoint and Tags are applied on create and update (all
update in place, as in CloudFormation). Ref is the API id; Fn::GetAtt
RootResourceId and RestApiId are supported.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from moto.apigateway.exceptions import ApiGatewayException
from moto.apigateway.models import RestAPI, apigateway_backends
from moto.s3.models import s3_backends
from moto.utilities.utils import get_partition

from .extension_resource import ExtensionResource, tags_dict
from .resource_failure import ResourceFailure


def _parse_body(text: str) -> dict[str, Any]:
    try:
        return json.loads(text)
    except ValueError:
        loaded = yaml.safe_load(text)
        if not isinstance(loaded, dict):
            raise ResourceFailure("Invalid OpenAPI definition: the body is not a JSON or YAML object")
        return loaded


def load_body(properties: dict[str, Any], account_id: str, region_name: str) -> dict[str, Any] | None:
    """The OpenAPI document from Body or BodyS3Location, or None."""
    body = properties.get("Body")
    if isinstance(body, dict):
        return body
    if isinstance(body, str):
        return _parse_body(body)
    location = properties.get("BodyS3Location")
    if location:
        backend = s3_backends[account_id][get_partition(region_name)]
        try:
            key = backend.get_object(location["Bucket"], location["Key"], location.get("Version"))
        except Exception as error:
            raise ResourceFailure(
                f"Unable to read the API definition at s3://{location.get('Bucket')}/{location.get('Key')}"
            ) from error
        if key is None:
            raise ResourceFailure(
                f"Unable to read the API definition at s3://{location.get('Bucket')}/{location.get('Key')}"
            )
        return _parse_body(key.value.decode("utf-8"))
    return None


def _endpoint_configuration(properties: dict[str, Any]) -> dict[str, Any] | None:
    config = properties.get("EndpointConfiguration")
    if not config:
        return None
    result: dict[str, Any] = {"types": list(config.get("Types") or ["EDGE"])}
    if config.get("VpcEndpointIds"):
        result["vpcEndpointIds"] = list(config["VpcEndpointIds"])
    return result


def _apply(api: RestAPI, properties: dict[str, Any], body: dict[str, Any] | None) -> None:
    info = (body or {}).get("info") or {}
    api.name = properties.get("Name") or info.get("title") or api.name
    api.description = properties.get("Description", info.get("description", ""))
    endpoint = _endpoint_configuration(properties)
    if endpoint:
        api.endpoint_configuration = endpoint
    policy = properties.get("Policy")
    api.policy = json.dumps(policy) if isinstance(policy, dict) else policy
    api.binaryMediaTypes = list(
        properties.get("BinaryMediaTypes") or (body or {}).get("x-amazon-apigateway-binary-media-types") or []
    )
    api.api_key_source = properties.get("ApiKeySourceType") or "HEADER"
    api.minimum_compression_size = properties.get("MinimumCompressionSize")
    api.disableExecuteApiEndpoint = bool(properties.get("DisableExecuteApiEndpoint", False))
    api.tags = tags_dict(properties.get("Tags"))


def _normalized(body: dict[str, Any]) -> dict[str, Any]:
    """The body with integration types upper-cased, as API Gateway stores them."""
    result = copy.deepcopy(body)
    for operations in (result.get("paths") or {}).values():
        if not isinstance(operations, dict):
            continue
        for operation in operations.values():
            integration = operation.get("x-amazon-apigateway-integration") if isinstance(operation, dict) else None
            if isinstance(integration, dict) and isinstance(integration.get("type"), str):
                integration["type"] = integration["type"].upper()
    return result


def _import(account_id: str, region_name: str, api_id: str, properties: dict[str, Any], body: dict[str, Any]) -> None:
    body = _normalized(body)
    backend = apigateway_backends[account_id][region_name]
    fail_on_warnings = str(properties.get("FailOnWarnings", False)).lower() == "true"
    mode = properties.get("Mode") or "overwrite"
    backend.put_rest_api(api_id, body, fail_on_warnings=fail_on_warnings, mode=mode)
    api = backend.get_rest_api(api_id)
    # moto's overwrite makes a new root resource but keeps the old id here.
    api.root_resource_id = api.default.id


class ApiGatewayRestApiResource(ExtensionResource):
    """One REST API."""

    ATTRIBUTES = ("RootResourceId", "RestApiId")

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any], api_id: str):
        super().__init__(account_id, region_name, properties)
        self.api_id = api_id

    @staticmethod
    def cloudformation_type() -> str:
        """The CloudFormation type this model handles."""
        return "AWS::ApiGateway::RestApi"

    @property
    def physical_resource_id(self) -> str:
        """The physical id, which is also what Ref returns."""
        return self.api_id

    def attribute(self, name: str) -> Any:
        """The value of Fn::GetAtt for one of ``ATTRIBUTES``."""
        if name == "RestApiId":
            return self.api_id
        api = apigateway_backends[self.account_id][self.region_name].get_rest_api(self.api_id)
        return api.default.id

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "ApiGatewayRestApiResource":
        """Create the live resource from the resolved properties."""
        properties = cloudformation_json["Properties"]
        body = load_body(properties, account_id, region_name)
        name = properties.get("Name") or ((body or {}).get("info") or {}).get("title")
        if not name:
            raise ResourceFailure("Invalid API name specified: Name is required when no Body is given")
        backend = apigateway_backends[account_id][region_name]
        api = backend.create_rest_api(name=name, description=properties.get("Description", ""))
        try:
            _apply(api, properties, body)
            if body is not None:
                _import(account_id, region_name, api.id, properties, body)
        except Exception:
            backend.apis.pop(api.id, None)  # a failed create leaves nothing behind
            raise
        return cls(account_id, region_name, properties, api.id)

    def update_in_place(self, properties: dict[str, Any]) -> None:
        """No RestApi property requires replacement; a changed body is imported again."""
        body = load_body(properties, self.account_id, self.region_name)
        old_body = load_body(self.properties, self.account_id, self.region_name)
        api = apigateway_backends[self.account_id][self.region_name].get_rest_api(self.api_id)
        _apply(api, properties, body)
        if body is not None and body != old_body:
            _import(self.account_id, self.region_name, api.id, properties, body)

    def remove(self) -> None:
        """Delete the live resource; already gone counts as deleted."""
        try:
            apigateway_backends[self.account_id][self.region_name].apis.pop(self.api_id, None)
        except ApiGatewayException:
            pass
