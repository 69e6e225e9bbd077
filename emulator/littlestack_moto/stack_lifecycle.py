"""Stack operations with CloudFormation's statuses, events and rollback.

Patches moto's ``Stack.create_resources``, ``Stack.update``, ``Stack.delete``,
the backend's ``create_change_set`` / ``execute_change_set`` and three
CloudFormation responses so that:

* resources are created/updated/deleted by ``resource_engine`` (dependency
  order, per-resource events, removals last);
* a resource failure rolls the stack back: CreateStack and CREATE change sets
  end in ROLLBACK_COMPLETE, updates in UPDATE_ROLLBACK_COMPLETE, with the
  failure's reason in the resource's *_FAILED event and the stack's
  ROLLBACK_IN_PROGRESS / UPDATE_ROLLBACK_IN_PROGRESS event;
* ExecuteChangeSet refreshes the stack's template, description, parameters
  and Outputs (moto leaves Outputs empty), marks the change set
  EXECUTE_COMPLETE / EXECUTE_FAILED, refuses to run a change set twice, and
  deletes the stack's other change sets, as CloudFormation does;
* change sets are looked up by ARN, or by name within the given stack (moto
  searches every stack by name);
* CreateChangeSet with nothing to change gives a FAILED change set (moto
  answers 400 when a TemplateBody and parameters are repeated), and a
  template with unresolved references or cycles gives a FAILED change set
  with CloudFormation's reason;
* ChangeSetType defaults to UPDATE (moto: CREATE), a CREATE change set for
  an existing stack is refused with CloudFormation's message, and one for a
  stack still in REVIEW_IN_PROGRESS joins that stack (moto made a second);
* UpdateStack with nothing to change answers "No updates are to be
  performed." also when no parameters are passed;
* NoEcho parameter values read ``****`` in DescribeStacks and
  DescribeChangeSet (moto showed them in clear);
* DescribeStacks shows LastUpdatedTime after updates and DeletionTime;
* events carry the ClientRequestToken of the CreateStack / UpdateStack /
  DeleteStack / ExecuteChangeSet request that caused them.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.cloudformation.exceptions import CloudFormationError, ValidationError
from moto.cloudformation.models import (
    ChangeSet,
    CloudFormationBackend,
    Stack,
    cloudformation_backends,
)
from moto.cloudformation.parsing import OutputMap
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.responses import ActionResult, EmptyResult
from moto.core.utils import utcnow

from . import resource_engine, stack_events
from .resource_engine import StackOperationFailed
from .stack_events import add_stack_event, set_request_token


class ChangeSetNotFound(CloudFormationError):
    """CloudFormation's ChangeSetNotFound error (404 on the wire)."""

    code = "ChangeSetNotFoundException"


class InvalidChangeSetStatus(CloudFormationError):
    """CloudFormation's InvalidChangeSetStatus error."""

    code = "InvalidChangeSetStatusException"


def _empty_output_map(stack: Stack) -> OutputMap:
    return OutputMap(stack.resource_map, {"Outputs": {}}, stack.stack_id)


def _roll_back_creation(stack: Stack, failure: StackOperationFailed) -> None:
    add_stack_event(
        stack,
        "ROLLBACK_IN_PROGRESS",
        f"The following resource(s) failed to create: [{failure.logical_id}]. "
        "Rollback requested by user."
        if failure.logical_id
        else failure.reason,
    )
    ok = resource_engine.roll_back(stack, failure.journal)
    stack.output_map = _empty_output_map(stack)
    add_stack_event(stack, "ROLLBACK_COMPLETE" if ok else "ROLLBACK_FAILED")


def _roll_back_update(stack: Stack, failure: StackOperationFailed) -> None:
    add_stack_event(
        stack,
        "UPDATE_ROLLBACK_IN_PROGRESS",
        f"The following resource(s) failed to update: [{failure.logical_id}]."
        if failure.logical_id
        else failure.reason,
    )
    ok = resource_engine.roll_back(stack, failure.journal)
    stack.output_map = stack._create_output_map()
    stack.last_updated_time = utcnow()
    if ok:
        add_stack_event(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS")
        add_stack_event(stack, "UPDATE_ROLLBACK_COMPLETE")
    else:
        add_stack_event(stack, "UPDATE_ROLLBACK_FAILED")


def run_template_change(
    stack: Stack,
    template: str,
    template_dict: dict[str, Any],
    parameters: dict[str, Any] | None,
    is_create: bool,
) -> bool:
    """Apply a new template to a stack already marked *_IN_PROGRESS.

    Returns True when it completed, False when it rolled back.
    """
    try:
        resource_engine.apply_template(
            stack, template_dict, parameters, with_cleanup_event=not is_create
        )
    except StackOperationFailed as failure:
        if is_create:
            _roll_back_creation(stack, failure)
        else:
            _roll_back_update(stack, failure)
        return False
    stack.template = template
    stack.template_dict = template_dict
    stack.description = template_dict.get("Description")
    if parameters:
        stack.parameters = parameters
    stack.output_map = stack._create_output_map()
    if not is_create:
        stack.last_updated_time = utcnow()
    add_stack_event(stack, "CREATE_COMPLETE" if is_create else "UPDATE_COMPLETE")
    return True


def _create_resources(self: Stack) -> None:
    self.status = "CREATE_IN_PROGRESS"
    try:
        resource_engine.validate_template(self.template_dict)
    except ValidationError:
        # CloudFormation rejects such a template before creating the stack.
        cloudformation_backends[self.account_id][self.region_name].stacks.pop(
            self.stack_id, None
        )
        raise
    try:
        resource_engine.create_all(self)
    except StackOperationFailed as failure:
        _roll_back_creation(self, failure)
        return
    # moto's own pass: tags EC2 resources and checks custom resources' readiness.
    all_ready = self.resource_map.create(self.template_dict)
    self.description = self.template_dict.get("Description")
    if all_ready:
        self.mark_creation_complete()


def _update(
    self: Stack,
    template: str,
    role_arn: str | None = None,
    parameters: dict[str, Any] | None = None,
    tags: dict[str, str] | None = None,
) -> None:
    template_dict = self.parse_template(template)
    resource_engine.validate_template(template_dict)
    resource_engine.check_parameters(template_dict, parameters)
    add_stack_event(self, "UPDATE_IN_PROGRESS", "User Initiated")
    if run_template_change(self, template, template_dict, parameters, is_create=False):
        self.role_arn = role_arn
        if tags is not None:
            self.tags = tags


def _delete(self: Stack) -> None:
    add_stack_event(self, "DELETE_IN_PROGRESS", "User Initiated")
    resource_engine.delete_all(self)
    self.deletion_time = utcnow()
    add_stack_event(self, "DELETE_COMPLETE")


def find_change_set(
    backend: CloudFormationBackend, change_set_name: str, stack_name: str | None
) -> ChangeSet:
    """A change set by ARN, or by name within ``stack_name`` when given."""
    if change_set_name in backend.change_sets:
        return backend.change_sets[change_set_name]
    for change_set in backend.change_sets.values():
        if change_set.change_set_name != change_set_name:
            continue
        if stack_name and stack_name not in (change_set.stack_name, change_set.stack_id):
            continue
        return change_set
    raise ChangeSetNotFound(f"ChangeSet [{change_set_name}] does not exist")


def _execute_change_set(
    self: CloudFormationBackend, change_set_name: str, stack_name: str | None = None
) -> None:
    change_set = find_change_set(self, change_set_name, stack_name)
    if change_set.execution_status != "AVAILABLE":
        raise InvalidChangeSetStatus(
            f"ChangeSet [{change_set.change_set_id}] cannot be executed in its current "
            f"execution status of [{change_set.execution_status}]"
        )
    stack = self.stacks.get(change_set.stack_id)
    if stack is None:
        raise ValidationError(change_set.stack_id)
    is_create = change_set.change_set_type == "CREATE"
    add_stack_event(
        stack, "CREATE_IN_PROGRESS" if is_create else "UPDATE_IN_PROGRESS", "User Initiated"
    )
    change_set.execution_status = "EXECUTE_IN_PROGRESS"
    # CloudFormation drops a stack's other change sets once one is executed.
    for change_set_id in list(self.change_sets):
        other = self.change_sets[change_set_id]
        if other.stack_id == stack.stack_id and other is not change_set:
            del self.change_sets[change_set_id]
    ok = run_template_change(
        stack, change_set.template, change_set.template_dict, change_set.parameters, is_create
    )
    change_set.execution_status = "EXECUTE_COMPLETE" if ok else "EXECUTE_FAILED"


_original_create_change_set = CloudFormationBackend.create_change_set

_NO_CHANGES = (
    "The submitted information didn't contain changes. Submit different information to create a change set."
)


def _effective_parameters(template: dict[str, Any], given: dict[str, Any] | None) -> dict[str, str]:
    """Each declared parameter's value as text: the given one, else the default."""
    values: dict[str, str] = {}
    for name, declaration in (template.get("Parameters") or {}).items():
        value = (given or {}).get(name, (declaration or {}).get("Default"))
        values[name] = ",".join(map(str, value)) if isinstance(value, list) else str(value)
    return values


def _create_change_set(self: CloudFormationBackend, *args: Any, **kwargs: Any) -> tuple[str, str]:
    stack_name = kwargs.get("stack_name", args[0] if args else None)
    change_set_type = kwargs.get("change_set_type", "UPDATE")
    change_set_name = kwargs.get("change_set_name", args[1] if len(args) > 1 else None)
    if change_set_type == "CREATE":
        for stack in self.stacks.values():
            if stack.name == stack_name and stack.status != "REVIEW_IN_PROGRESS":
                raise ValidationError(
                    stack.stack_id,
                    message=f"Stack [{stack_name}] already exists and cannot be created again "
                    f"with the changeSet [{change_set_name}].",
                )
    if change_set_type == "UPDATE":
        for stack in self.stacks.values():
            if stack.name == stack_name and stack.status == "ROLLBACK_COMPLETE":
                raise ValidationError(
                    stack.stack_id,
                    message=f"Stack:{stack.stack_id} is in ROLLBACK_COMPLETE state and can not be updated.",
                )
    template = kwargs.get("template", args[2] if len(args) > 2 else None)
    parameters = kwargs.get("parameters", args[3] if len(args) > 3 else None)
    if template:
        resource_engine.check_parameters(Stack.parse_template(template) or {}, parameters)
    in_review = [
        stack
        for stack in self.stacks.values()
        if stack.name == stack_name and stack.status == "REVIEW_IN_PROGRESS"
    ]
    change_set_id, stack_id = _original_create_change_set(self, *args, **kwargs)
    change_set = self.change_sets[change_set_id]
    if change_set_type == "CREATE" and in_review:
        # Another CREATE change set for a stack still in review belongs to
        # that stack; moto made a second stack of the same name.
        self.stacks.pop(stack_id, None)
        change_set.stack = in_review[0]
        change_set.stack_id = in_review[0].stack_id
        change_set.stack_name = in_review[0].name
        stack_id = in_review[0].stack_id
    if (
        change_set.status == "CREATE_COMPLETE"
        and change_set_type == "UPDATE"
        and change_set.template_dict == change_set.stack.template_dict
        and _effective_parameters(change_set.template_dict, change_set.parameters)
        == _effective_parameters(change_set.stack.template_dict, change_set.stack.parameters)
    ):
        # moto compares the parameters as passed; CloudFormation compares
        # values, so passing a parameter's default explicitly changes nothing.
        change_set.status = "FAILED"
        change_set.execution_status = "UNAVAILABLE"
        change_set.status_reason = _NO_CHANGES
    if change_set.status == "CREATE_COMPLETE":
        try:
            resource_engine.validate_template(change_set.template_dict)
        except ValidationError as error:
            change_set.status = "FAILED"
            change_set.execution_status = "UNAVAILABLE"
            change_set.status_reason = error.message
    return change_set_id, stack_id


_original_create_change_set_response = CloudFormationResponse.create_change_set


def _create_change_set_response(self: CloudFormationResponse) -> ActionResult:
    # CloudFormation answers an unchanged template with a FAILED change set
    # ("didn't contain changes"), which moto's backend already builds; the
    # response's "No updates are to be performed." 400 is for UpdateStack.
    self._validate_different_update = lambda *args, **kwargs: None  # type: ignore[method-assign]
    # CloudFormation's ChangeSetType defaults to UPDATE; moto's to CREATE,
    # which silently made a second stack of the same name.
    get_param = self._get_param

    def _get_param(name: str, if_none: Any = None) -> Any:
        if name == "ChangeSetType" and if_none == "CREATE":
            if_none = "UPDATE"
        return get_param(name, if_none)

    self._get_param = _get_param  # type: ignore[method-assign]
    return _original_create_change_set_response(self)


def _describe_change_set_response(self: CloudFormationResponse) -> ActionResult:
    change_set = find_change_set(
        self.cloudformation_backend,
        self._get_param("ChangeSetName"),
        self._get_param("StackName"),
    )
    hidden = _no_echo_names(change_set.template_dict or {})
    if hidden & set(change_set.parameters or {}):
        # Describe a copy whose NoEcho parameter values read ****.
        change_set = copy.copy(change_set)
        change_set.parameters = {
            key: "****" if key in hidden else value for key, value in change_set.parameters.items()
        }
    return ActionResult(change_set)


def _delete_change_set_response(self: CloudFormationResponse) -> EmptyResult:
    backend = self.cloudformation_backend
    change_set = find_change_set(
        backend, self._get_param("ChangeSetName"), self._get_param("StackName")
    )
    backend.change_sets.pop(change_set.change_set_id, None)
    return EmptyResult()


def _validate_different_update(
    self: CloudFormationResponse,
    incoming_params: list[dict[str, Any]] | None,
    stack_body: str,
    old_stack: Stack,
) -> None:
    if not stack_body or old_stack.status == "ROLLBACK_COMPLETE":
        return  # (the status check that follows gives CloudFormation's error)
    try:
        new_template = old_stack.parse_template(stack_body)
    except Exception:
        return  # a malformed body fails later with its own error
    new_params = self._get_param_values(incoming_params or [], old_stack.stack_parameters)
    if new_template == old_stack.template_dict and new_params == (old_stack.parameters or {}):
        raise ValidationError(old_stack.name, message="No updates are to be performed.")


def _with_request_token(handler: Any) -> Any:
    """Wrap a response handler so its events carry the request's ClientRequestToken."""

    def wrapped(self: CloudFormationResponse) -> Any:
        """Run ``handler`` with the request's token remembered for its events."""
        set_request_token(self._get_param("ClientRequestToken"))
        try:
            return handler(self)
        finally:
            set_request_token(None)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


def _parameter_list(self: Stack) -> list[dict[str, Any]]:
    # moto compares each *value* with the NoEcho *names*, so NoEcho values
    # were shown in clear; CloudFormation shows them as ****.
    hidden = set(getattr(self.resource_map, "no_echo_parameter_keys", []))
    return [
        {"ParameterKey": key, "ParameterValue": "****" if key in hidden else value}
        for key, value in self.resource_map.resolved_parameters.items()
    ]


def _no_echo_names(template: dict[str, Any]) -> set[str]:
    return {
        name
        for name, declaration in (template.get("Parameters") or {}).items()
        if str((declaration or {}).get("NoEcho", "false")).lower() == "true"
    }


def install() -> None:
    """Apply the patches."""
    stack_events.install()
    for name in ("create_stack", "update_stack", "delete_stack", "execute_change_set"):
        setattr(CloudFormationResponse, name, _with_request_token(getattr(CloudFormationResponse, name)))
    Stack.parameter_list = property(_parameter_list)  # type: ignore[method-assign,assignment]
    Stack.create_resources = _create_resources  # type: ignore[method-assign]
    Stack.update = _update  # type: ignore[method-assign]
    Stack.delete = _delete  # type: ignore[method-assign]
    CloudFormationBackend.execute_change_set = _execute_change_set  # type: ignore[method-assign]
    CloudFormationBackend.create_change_set = _create_change_set  # type: ignore[method-assign]
    CloudFormationResponse.create_change_set = _create_change_set_response  # type: ignore[method-assign]
    CloudFormationResponse.describe_change_set = _describe_change_set_response  # type: ignore[method-assign]
    CloudFormationResponse.delete_change_set = _delete_change_set_response  # type: ignore[method-assign]
    CloudFormationResponse._validate_different_update = _validate_different_update  # type: ignore[method-assign]
