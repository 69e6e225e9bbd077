"""Creates, updates and deletes a stack's resources the way CloudFormation does.

moto's ``ResourceMap`` creates lazily, updates in the order removals ->
additions -> modifications, records no per-resource events and never rolls
back. This engine drives the same ``ResourceMap`` (and moto's own per-type
models) but:

* orders creation and update by dependencies (Ref, GetAtt, Sub, DependsOn),
  so a new ``AWS::Lambda::Version`` is published after the function's code
  update it depends on;
* removes deleted resources last, in reverse dependency order, in a cleanup
  phase together with the old halves of replaced resources;
* updates resources whose dependencies got a new physical id;
* records CREATE/UPDATE/DELETE_IN_PROGRESS/COMPLETE/FAILED events per resource;
* on the first failure undoes what it did (rollback) from a journal.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.models import Stack
from moto.cloudformation.parsing import (
    ResourceMap,
    parse_and_update_resource,
    resource_class_from_type,
)

from .resource_failure import failure_message
from .stack_events import add_resource_event, add_stack_event, physical_id_of
from .stack_resource_status import mark
from .template_dependencies import dependency_graph, dependency_order

# Retries when deleting a whole stack: a handler may refuse while something
# outside the dependency graph (e.g. an implicit attachment) still exists.
MAX_DELETE_PASSES = 5


@dataclass
class JournalEntry:
    """One change applied to a resource, enough to undo it."""

    action: str  # "add", "modify" or "replace"
    logical_id: str
    resource_type: str
    old: Any
    new: Any


@dataclass
class Journal:
    """What an operation changed, and the state to roll back to."""

    old_template: dict[str, Any]
    old_parameters: dict[str, Any]
    old_resolved_parameters: dict[str, Any]
    entries: list[JournalEntry] = field(default_factory=list)


class StackOperationFailed(Exception):
    """A resource failed; the stack must roll back with ``journal``."""

    def __init__(self, logical_id: str, reason: str, journal: Journal):
        super().__init__(f"{logical_id}: {reason}")
        self.logical_id = logical_id
        self.reason = reason
        self.journal = journal


def _resources(template: dict[str, Any] | None) -> dict[str, Any]:
    if not template:
        return {}
    return template.get("Resources") or {}


def _condition_holds(rmap: ResourceMap, resource_json: dict[str, Any]) -> bool:
    condition = resource_json.get("Condition")
    return not condition or bool(rmap.lazy_condition_map[condition])


def _is_supported(resource_json: dict[str, Any]) -> bool:
    # moto skips types it has no model for (with a warning); so do we, and
    # without events, since nothing is created.
    return resource_class_from_type(resource_json["Type"]) is not None


def _safe_order(template: dict[str, Any]) -> list[str]:
    try:
        return dependency_order(dependency_graph(template))
    except Exception:  # an old template moto accepted without our checks
        return list(_resources(template))


def _load_template(rmap: ResourceMap, template: dict[str, Any], parameters: dict[str, Any] | None) -> None:
    rmap._template = template
    if parameters:
        rmap.input_parameters = parameters
    rmap.load_mapping()
    rmap.load_parameters()
    rmap.load_conditions()
    rmap._resource_json_map = _resources(template)


def _new_journal(rmap: ResourceMap) -> Journal:
    return Journal(
        old_template=rmap._template,
        old_parameters=copy.copy(rmap.input_parameters),
        old_resolved_parameters=dict(getattr(rmap, "resolved_parameters", {})),
    )


def _create_one(stack: Stack, rmap: ResourceMap, logical_id: str, journal: Journal) -> None:
    resource_json = rmap._resource_json_map[logical_id]
    if not _is_supported(resource_json) or not _condition_holds(rmap, resource_json):
        return
    resource_type = resource_json["Type"]
    add_resource_event(stack, logical_id, resource_type, "CREATE_IN_PROGRESS")
    try:
        resource = rmap[logical_id]
    except Exception as error:  # any handler error fails the resource
        reason = failure_message(error)
        rmap._parsed_resources.pop(logical_id, None)
        add_resource_event(stack, logical_id, resource_type, "CREATE_FAILED", reason=reason)
        raise StackOperationFailed(logical_id, reason, journal) from error
    journal.entries.append(JournalEntry("add", logical_id, resource_type, None, resource))
    mark(resource, "CREATE_COMPLETE")
    add_resource_event(
        stack, logical_id, resource_type, "CREATE_COMPLETE", physical_id_of(resource)
    )


def _update_one(
    stack: Stack,
    rmap: ResourceMap,
    logical_id: str,
    journal: Journal,
    replaced: set[str],
) -> None:
    resource_json = rmap._resource_json_map[logical_id]
    old = rmap._parsed_resources.get(logical_id)
    if old is None or isinstance(old, str):
        # Never created (condition was false, or type unsupported): create now.
        _create_one(stack, rmap, logical_id, journal)
        return
    if not _is_supported(resource_json) or not _condition_holds(rmap, resource_json):
        return
    resource_type = resource_json["Type"]
    old_physical = physical_id_of(old)
    add_resource_event(stack, logical_id, resource_type, "UPDATE_IN_PROGRESS", old_physical)
    try:
        new = parse_and_update_resource(
            logical_id,
            resource_json,
            rmap,
            account_id=rmap._account_id,
            region_name=rmap._region_name,
        )
    except Exception as error:
        reason = failure_message(error)
        # Undo whatever part of the update went through, as CloudFormation does.
        journal.entries.append(JournalEntry("modify", logical_id, resource_type, old, old))
        add_resource_event(
            stack, logical_id, resource_type, "UPDATE_FAILED", old_physical, reason
        )
        raise StackOperationFailed(logical_id, reason, journal) from error
    if new is None:
        # moto types without an update handler: keep the resource as it is
        # (moto itself would store None and lose it).
        new = old
    rmap._parsed_resources[logical_id] = new
    new_physical = physical_id_of(new)
    if new is not old and getattr(new, "littlestack_deferred_replacement", False):
        journal.entries.append(JournalEntry("replace", logical_id, resource_type, old, new))
        add_resource_event(
            stack,
            logical_id,
            resource_type,
            "UPDATE_IN_PROGRESS",
            new_physical,
            "Requested update requires the creation of a new physical resource; hence creating one.",
        )
    else:
        journal.entries.append(JournalEntry("modify", logical_id, resource_type, old, new))
    if new_physical != old_physical:
        replaced.add(logical_id)
    mark(new, "UPDATE_COMPLETE")
    add_resource_event(stack, logical_id, resource_type, "UPDATE_COMPLETE", new_physical)


def _delete_object(
    stack: Stack,
    rmap: ResourceMap,
    logical_id: str,
    resource_json: dict[str, Any],
    resource: Any,
) -> str | None:
    """Delete one resource with events; return the failure reason, if any."""
    resource_type = resource_json["Type"]
    physical = physical_id_of(resource)
    if resource_json.get("DeletionPolicy") == "Retain":
        add_resource_event(stack, logical_id, resource_type, "DELETE_SKIPPED", physical)
        return None
    add_resource_event(stack, logical_id, resource_type, "DELETE_IN_PROGRESS", physical)
    try:
        rmap._delete_resource(resource, resource_json)
    except Exception as error:
        reason = failure_message(error)
        add_resource_event(stack, logical_id, resource_type, "DELETE_FAILED", physical, reason)
        return reason
    add_resource_event(stack, logical_id, resource_type, "DELETE_COMPLETE", physical)
    return None


def validate_template(template: dict[str, Any]) -> list[str]:
    """Check references and cycles up front; return the dependency order."""
    return dependency_order(dependency_graph(template))


def check_parameters(template: dict[str, Any], given: dict[str, Any] | None) -> None:
    """Raise CloudFormation's error when a parameter without Default is not given."""
    missing = [
        name
        for name, declaration in (template.get("Parameters") or {}).items()
        if "Default" not in (declaration or {}) and name not in (given or {})
    ]
    if missing:
        raise ValidationError(message=f"Parameters: [{', '.join(missing)}] must have values")


def create_all(stack: Stack) -> None:
    """Create every resource of the stack's template in dependency order.

    Raises ``StackOperationFailed`` after the failing resource's event.
    """
    rmap = stack.resource_map
    order = validate_template(rmap._template)
    journal = Journal(old_template={}, old_parameters={}, old_resolved_parameters={})
    for logical_id in order:
        _create_one(stack, rmap, logical_id, journal)


def apply_template(
    stack: Stack,
    template: dict[str, Any],
    parameters: dict[str, Any] | None,
    with_cleanup_event: bool,
) -> None:
    """Move the stack's resources from their current template to ``template``.

    Order: additions and modifications in dependency order; then (cleanup)
    removals in reverse dependency order of the old template and the old
    halves of replaced resources. Cleanup failures are reported as
    DELETE_FAILED events but do not fail the update, as in CloudFormation.
    """
    rmap = stack.resource_map
    order = validate_template(template)
    graph = dependency_graph(template)
    old_template = rmap._template
    old_resources = dict(_resources(old_template))
    old_order = _safe_order(old_template)
    diff = rmap.build_resource_diff(template, parameters)
    journal = _new_journal(rmap)
    try:
        _load_template(rmap, template, parameters)
    except Exception as error:
        # Nothing was touched yet: put the old template back and fail the
        # whole operation (e.g. an SSM parameter that does not exist).
        roll_back(stack, journal)
        raise StackOperationFailed("", failure_message(error), journal) from error

    additions = set(diff["Add"])
    modifications = set(diff["Modify"])
    replaced: set[str] = set()
    for logical_id in order:
        if logical_id in additions:
            _create_one(stack, rmap, logical_id, journal)
        elif logical_id in modifications or replaced.intersection(graph[logical_id]):
            _update_one(stack, rmap, logical_id, journal, replaced)

    if with_cleanup_event:
        add_stack_event(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")
    removals = set(diff["Remove"])
    for logical_id in reversed(old_order):
        if logical_id not in removals:
            continue
        resource = rmap._parsed_resources.pop(logical_id, None)
        if resource is None or isinstance(resource, str):
            continue
        _delete_object(stack, rmap, logical_id, old_resources[logical_id], resource)
    for entry in reversed(journal.entries):
        if entry.action == "replace":
            # The old half of a replacement follows UpdateReplacePolicy.
            old_json = {
                k: v
                for k, v in old_resources[entry.logical_id].items()
                if k not in ("DeletionPolicy", "UpdateReplacePolicy")
            }
            policy = old_resources[entry.logical_id].get("UpdateReplacePolicy")
            if policy:
                old_json["DeletionPolicy"] = policy
            _delete_object(stack, rmap, entry.logical_id, old_json, entry.old)


def roll_back(stack: Stack, journal: Journal) -> bool:
    """Undo ``journal`` and restore its template; False if some step failed."""
    rmap = stack.resource_map
    new_resources = dict(rmap._resource_json_map)
    rmap.input_parameters = journal.old_parameters
    rmap.resolved_parameters = dict(journal.old_resolved_parameters)
    rmap._parsed_resources.update(journal.old_resolved_parameters)
    if journal.old_template:
        _load_template(rmap, journal.old_template, None)
    else:
        rmap._template = {}
        rmap._resource_json_map = {}
    # Put back the old halves of replaced resources first, so restored
    # properties resolve to them.
    for entry in journal.entries:
        if entry.action == "replace":
            rmap._parsed_resources[entry.logical_id] = entry.old
    ok = True
    for entry in reversed(journal.entries):
        if entry.action in ("add", "replace"):
            if entry.action == "add":
                rmap._parsed_resources.pop(entry.logical_id, None)
            resource_json = new_resources.get(entry.logical_id) or {"Type": entry.resource_type}
            resource_json = {k: v for k, v in resource_json.items() if k != "DeletionPolicy"}
            if _delete_object(stack, rmap, entry.logical_id, resource_json, entry.new):
                ok = False
            continue
        old_json = rmap._resource_json_map.get(entry.logical_id)
        if old_json is None:
            continue
        physical = physical_id_of(entry.old)
        add_resource_event(stack, entry.logical_id, entry.resource_type, "UPDATE_IN_PROGRESS", physical)
        try:
            restored = parse_and_update_resource(
                entry.logical_id,
                old_json,
                rmap,
                account_id=rmap._account_id,
                region_name=rmap._region_name,
            )
        except Exception as error:
            ok = False
            add_resource_event(
                stack,
                entry.logical_id,
                entry.resource_type,
                "UPDATE_FAILED",
                physical,
                failure_message(error),
            )
            continue
        if restored is not None:
            rmap._parsed_resources[entry.logical_id] = restored
        mark(rmap._parsed_resources.get(entry.logical_id), "UPDATE_COMPLETE")
        add_resource_event(
            stack,
            entry.logical_id,
            entry.resource_type,
            "UPDATE_COMPLETE",
            physical_id_of(rmap._parsed_resources.get(entry.logical_id)),
        )
    return ok


def delete_all(stack: Stack) -> None:
    """Delete the stack's resources in reverse dependency order.

    Failing deletions are retried for a few passes (a dependency outside the
    template may go away meanwhile); what still fails raises, like moto.
    """
    rmap = stack.resource_map
    order = list(reversed(_safe_order(rmap._template)))
    remaining = [
        logical_id
        for logical_id in order
        if logical_id in rmap._parsed_resources
        and rmap._parsed_resources[logical_id] is not None
        and not isinstance(rmap._parsed_resources[logical_id], str)
    ]
    last_error: str | None = None
    for _ in range(MAX_DELETE_PASSES):
        if not remaining:
            return
        still: list[str] = []
        for logical_id in remaining:
            resource_json = rmap._resource_json_map[logical_id]
            reason = _delete_object(
                stack, rmap, logical_id, resource_json, rmap._parsed_resources[logical_id]
            )
            if reason is None:
                rmap._parsed_resources.pop(logical_id, None)
            else:
                last_error = reason
                still.append(logical_id)
        remaining = still
    if remaining:
        raise RuntimeError(last_error or "resources could not be deleted")
