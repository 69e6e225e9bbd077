"""DescribeChangeSet's Replacement, Scope, Details and PhysicalResourceId.

moto lists only Action, LogicalResourceId and ResourceType, and leaves out
resources that change only because a parameter they reference changed
(though executing the change set does update them). This rebuilds the change
list with the parameter-driven modifications and, for each Modify, one detail
per changed property:

* a property whose JSON differs: ChangeSource DirectModification;
* a property unchanged in the template that references a changed parameter:
  ChangeSource ParameterReference, CausingEntity the parameter;
* RequiresRecreation from ``replacement_properties`` (Always / Never, or
  Conditionally for types it does not know), Evaluation Static;
* Replacement "True" if any detail is Always, else "Conditional" if any is
  Conditionally, else "False".

Changes caused by other resources' new attribute values (CloudFormation's
ResourceAttribute / Dynamic details) are not predicted.
"""

from __future__ import annotations

from typing import Any

from moto.cloudformation.models import Change, ChangeSet

from .replacement_properties import requires_recreation
from .stack_events import physical_id_of
from .template_dependencies import references


def _changed_parameters(change_set: ChangeSet) -> set[str]:
    current = change_set.stack.resource_map.input_parameters or {}
    incoming = change_set.parameters or {}
    return {key for key, value in incoming.items() if current.get(key) != value}


def modification_details(
    resource_type: str,
    old_json: dict[str, Any],
    new_json: dict[str, Any],
    changed_parameters: set[str],
) -> tuple[str, list[dict[str, Any]]]:
    """Return (Replacement, Details) for one modified resource."""
    old_properties = old_json.get("Properties") or {}
    new_properties = new_json.get("Properties") or {}
    details: list[dict[str, Any]] = []
    for name in list(new_properties) + [p for p in old_properties if p not in new_properties]:
        target = {
            "Attribute": "Properties",
            "Name": name,
            "RequiresRecreation": requires_recreation(resource_type, name),
        }
        if old_properties.get(name) != new_properties.get(name):
            details.append(
                {"Target": target, "Evaluation": "Static", "ChangeSource": "DirectModification"}
            )
            continue
        for parameter in sorted(references(new_properties.get(name)) & changed_parameters):
            details.append(
                {
                    "Target": target,
                    "Evaluation": "Static",
                    "ChangeSource": "ParameterReference",
                    "CausingEntity": parameter,
                }
            )
    recreations = {detail["Target"]["RequiresRecreation"] for detail in details}
    if "Always" in recreations:
        replacement = "True"
    elif "Conditionally" in recreations:
        replacement = "Conditional"
    else:
        replacement = "False"
    return replacement, details


def diff_with_details(change_set: ChangeSet) -> list[Change]:
    """Replacement for ``ChangeSet.diff``: moto's actions plus details."""
    rmap = change_set.stack.resource_map
    old_resources = rmap._resource_json_map
    new_resources = change_set.template_dict.get("Resources") or {}
    by_action = rmap.build_resource_diff(change_set.template_dict, change_set.parameters)
    changed_parameters = _changed_parameters(change_set)
    changes: list[Change] = []
    for action in ("Add", "Modify", "Remove"):
        for logical_id in by_action[action]:
            source = old_resources if action == "Remove" else new_resources
            change = Change(
                action=action,
                logical_resource_id=logical_id,
                resource_type=source[logical_id]["Type"],
            )
            if action != "Add":
                physical = physical_id_of(rmap._parsed_resources.get(logical_id))
                if physical:
                    change.physical_resource_id = physical
            if action == "Modify":
                replacement, details = modification_details(
                    change.resource_type,
                    old_resources[logical_id],
                    new_resources[logical_id],
                    changed_parameters,
                )
                change.replacement = replacement
                change.details = details
                change.scope = ["Properties"] if details else []
            changes.append(change)
    return changes


def install() -> None:
    """Patch moto's ChangeSet to describe changes with details."""
    ChangeSet.diff = diff_with_details  # type: ignore[method-assign]
