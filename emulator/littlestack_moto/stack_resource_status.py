"""Per-resource status and time in DescribeStackResource(s) and ListStackResources.

moto reports the *stack's* status as every resource's ResourceStatus, a fixed
2010 timestamp in DescribeStackResources, and CREATE_COMPLETE for every
resource in ListStackResources. The engine marks each resource object with
its last *_COMPLETE status and time; these patches report them.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation.responses import CloudFormationResponse, StackResourceDTO
from moto.core.responses import ActionResult
from moto.core.utils import utcnow


def mark(resource: Any, status: str) -> None:
    """Record ``status`` (e.g. UPDATE_COMPLETE) and now on a resource object."""
    if resource is None or isinstance(resource, (str, int, float, list, dict)):
        return
    try:
        resource.littlestack_status = status
        resource.littlestack_updated = utcnow()
    except AttributeError:
        pass  # objects with __slots__: moto's defaults stay


_original_dto_init = StackResourceDTO.__init__


def _dto_init(self: StackResourceDTO, stack: Any, resource: Any) -> None:
    _original_dto_init(self, stack, resource)
    status = getattr(resource, "littlestack_status", None)
    if status:
        self.resource_status = status
        self.timestamp = resource.littlestack_updated
        self.last_updated_timestamp = resource.littlestack_updated


def _list_stack_resources(self: CloudFormationResponse) -> ActionResult:
    stack, resources = self.cloudformation_backend.list_stack_resources(self._get_param("StackName"))
    summaries = []
    for resource in resources:
        if resource is None or isinstance(resource, str):
            continue
        summaries.append(
            {
                "LogicalResourceId": getattr(resource, "logical_resource_id", ""),
                "PhysicalResourceId": getattr(resource, "physical_resource_id", ""),
                "ResourceType": getattr(resource, "cf_resource_type", ""),
                "ResourceStatus": getattr(resource, "littlestack_status", "CREATE_COMPLETE"),
                "LastUpdatedTimestamp": getattr(resource, "littlestack_updated", stack.creation_time),
            }
        )
    return ActionResult({"StackResourceSummaries": summaries})


def install() -> None:
    """Apply the patches."""
    StackResourceDTO.__init__ = _dto_init  # type: ignore[method-assign]
    CloudFormationResponse.list_stack_resources = _list_stack_resources  # type: ignore[method-assign]
