"""AWS::ApiGateway::Deployment whose Ref is the deployment id.

moto's own model returns its Python object, so ``{"Ref": "deploy1"}`` became a
repr. Deployments are immutable in littlestack's workflow: Description updates
in place; a new RestApiId, StageName or StageDescription replaces the
deployment. Deleting a deployment that a stage outside its own StageName still
points at fails, as in API Gateway ("Active stages pointing to this deployment
must be moved or deleted").
"""

from __future__ import annotations

from typing import Any

from moto.apigateway.exceptions import ApiGatewayException
from moto.apigateway.models import apigateway_backends

from .extension_resource import ExtensionResource
from .resource_failure import ResourceFailure

_REPLACING = ("RestApiId", "StageName", "StageDescription")


class ApiGatewayDeploymentResource(ExtensionResource):
    """One deployment of one REST API."""

    ATTRIBUTES = ("DeploymentId",)
    REPLACING = _REPLACING

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any], deployment_id: str):
        super().__init__(account_id, region_name, properties)
        self.rest_api_id = str(properties["RestApiId"])
        self.deployment_id = deployment_id

    @staticmethod
    def cloudformation_type() -> str:
        """The CloudFormation type this model handles."""
        return "AWS::ApiGateway::Deployment"

    @property
    def physical_resource_id(self) -> str:
        """The physical id, which is also what Ref returns."""
        return self.deployment_id

    def attribute(self, name: str) -> Any:
        """The value of Fn::GetAtt for one of ``ATTRIBUTES``."""
        return self.deployment_id

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "ApiGatewayDeploymentResource":
        """Create the live resource from the resolved properties."""
        properties = cloudformation_json["Properties"]
        stage_description = properties.get("StageDescription") or {}
        deployment = apigateway_backends[account_id][region_name].create_deployment(
            function_id=str(properties["RestApiId"]),
            name=properties.get("StageName"),  # type: ignore[arg-type]
            description=properties.get("Description", ""),
            stage_variables=stage_description.get("Variables"),
        )
        return cls(account_id, region_name, properties, deployment.id)

    def update_in_place(self, properties: dict[str, Any]) -> None:
        """Only the description of a deployment changes in place."""
        deployment = apigateway_backends[self.account_id][self.region_name].get_deployment(
            self.rest_api_id, self.deployment_id
        )
        deployment.description = properties.get("Description", "")

    def remove(self) -> None:
        """Delete the live resource; already gone counts as deleted."""
        backend = apigateway_backends[self.account_id][self.region_name]
        try:
            api = backend.get_rest_api(self.rest_api_id)
        except ApiGatewayException:
            return  # the API (and so the deployment) is already gone
        deployment = api.deployments.get(self.deployment_id)
        if deployment is None:
            return
        own_stage = deployment.stage_name
        active = sorted(
            name
            for name, stage in api.stages.items()
            if stage.deployment_id == self.deployment_id and name != own_stage
        )
        if active:
            raise ResourceFailure("Active stages pointing to this deployment must be moved or deleted")
        if own_stage and own_stage in api.stages and api.stages[own_stage].deployment_id == self.deployment_id:
            del api.stages[own_stage]
        api.deployments.pop(self.deployment_id, None)
