"""AWS::ApiGateway::Stage, which moto's CloudFormation skips.

Ref is the stage name. DeploymentId, Variables, Description, TracingEnabled,
CacheClusterEnabled/Size, MethodSettings, AccessLogSetting and Tags update in
place (pointing a stage at another deployment is how littlestack releases);
a new RestApiId or StageName replaces the stage.
"""

from __future__ import annotations

from typing import Any

from moto.apigateway.exceptions import ApiGatewayException
from moto.apigateway.models import Stage, apigateway_backends

from .extension_resource import ExtensionResource, tags_dict
from .resource_failure import ResourceFailure

_REPLACING = ("RestApiId", "StageName")

# CloudFormation's MethodSettings keys -> API Gateway's methodSettings keys.
_METHOD_SETTING_KEYS = {
    "CacheDataEncrypted": "cacheDataEncrypted",
    "CacheTtlInSeconds": "cacheTtlInSeconds",
    "CachingEnabled": "cachingEnabled",
    "DataTraceEnabled": "dataTraceEnabled",
    "LoggingLevel": "loggingLevel",
    "MetricsEnabled": "metricsEnabled",
    "ThrottlingBurstLimit": "throttlingBurstLimit",
    "ThrottlingRateLimit": "throttlingRateLimit",
}


def method_settings_key(resource_path: str, http_method: str) -> str:
    """API Gateway's key: ``*/*`` or the path with ``/`` written ``~1``, then the method."""
    if resource_path in ("/*", "*"):
        path = "*"
    else:
        path = resource_path.replace("~", "~0").replace("/", "~1")
    return f"{path}/{http_method}"


def method_settings(properties: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's MethodSettings list as API Gateway's methodSettings map."""
    settings: dict[str, Any] = {}
    for entry in properties.get("MethodSettings") or []:
        key = method_settings_key(entry.get("ResourcePath", "/*"), entry.get("HttpMethod", "*"))
        settings[key] = {
            api_key: entry[cfn_key]
            for cfn_key, api_key in _METHOD_SETTING_KEYS.items()
            if cfn_key in entry
        }
    return settings


def _check_deployment(account_id: str, region_name: str, rest_api_id: str, deployment_id: Any) -> None:
    if deployment_id is None:
        return
    api = apigateway_backends[account_id][region_name].get_rest_api(rest_api_id)
    if deployment_id not in api.deployments:
        raise ResourceFailure("Invalid deployment identifier specified")


def _apply(stage: Stage, properties: dict[str, Any]) -> None:
    stage.deployment_id = properties.get("DeploymentId")
    stage.variables = {str(k): str(v) for k, v in (properties.get("Variables") or {}).items()}
    stage.description = properties.get("Description", "")
    stage.tracing_enabled = properties.get("TracingEnabled")
    stage.cache_cluster_enabled = bool(properties.get("CacheClusterEnabled", False))
    stage.cache_cluster_status = "AVAILABLE" if stage.cache_cluster_enabled else None
    size = properties.get("CacheClusterSize")
    stage.cache_cluster_size = str(size) if size is not None else None
    stage.method_settings = method_settings(properties)
    log = properties.get("AccessLogSetting")
    stage.access_log_settings = (
        {"destinationArn": log.get("DestinationArn"), "format": log.get("Format")} if log else None
    )
    stage.tags = tags_dict(properties.get("Tags")) or None


class ApiGatewayStageResource(ExtensionResource):
    """One stage of one REST API."""

    REPLACING = _REPLACING

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any]):
        super().__init__(account_id, region_name, properties)
        self.rest_api_id = str(properties["RestApiId"])
        self.stage_name = str(properties["StageName"])

    @staticmethod
    def cloudformation_type() -> str:
        """The CloudFormation type this model handles."""
        return "AWS::ApiGateway::Stage"

    @property
    def physical_resource_id(self) -> str:
        """The physical id, which is also what Ref returns."""
        return self.stage_name

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "ApiGatewayStageResource":
        """Create the live resource from the resolved properties."""
        properties = cloudformation_json["Properties"]
        rest_api_id = str(properties["RestApiId"])
        _check_deployment(account_id, region_name, rest_api_id, properties.get("DeploymentId"))
        stage = apigateway_backends[account_id][region_name].create_stage(
            function_id=rest_api_id,
            stage_name=str(properties["StageName"]),
            deploymentId=properties.get("DeploymentId"),  # type: ignore[arg-type]
        )
        _apply(stage, properties)
        return cls(account_id, region_name, properties)

    def update_in_place(self, properties: dict[str, Any]) -> None:
        """Point the stage at its (checked) deployment and apply its settings."""
        _check_deployment(self.account_id, self.region_name, self.rest_api_id, properties.get("DeploymentId"))
        stage = apigateway_backends[self.account_id][self.region_name].get_stage(
            self.rest_api_id, self.stage_name
        )
        _apply(stage, properties)

    def remove(self) -> None:
        """Delete the live resource; already gone counts as deleted."""
        try:
            apigateway_backends[self.account_id][self.region_name].delete_stage(
                self.rest_api_id, self.stage_name
            )
        except ApiGatewayException:
            pass  # the API (and so the stage) is already gone
