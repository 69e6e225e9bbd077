"""Per-resource stack events, stored beside moto's stack-level ones.

moto's ``Stack._add_stack_event`` only records events for the stack itself;
DescribeStackEvents returns ``stack.events`` newest first, so appending moto
``Event`` objects for each logical resource is all it takes.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from moto.cloudformation.models import Event, Stack

# The ClientRequestToken of the request being served, per server thread;
# CloudFormation stamps it on every event the request causes.
_request = threading.local()


def set_request_token(token: str | None) -> None:
    """Remember the current request's ClientRequestToken (None to clear)."""
    _request.token = token


def _stamp(stack: Stack) -> None:
    """Stamp the newest event with the request token and a strictly later time.

    Events made within one millisecond would share a timestamp and sort
    arbitrarily for a client that orders by time; CloudFormation's never do.
    """
    event = stack.events[-1]
    event.client_request_token = getattr(_request, "token", None)
    if len(stack.events) > 1:
        previous = stack.events[-2].timestamp
        if event.timestamp <= previous:
            event.timestamp = previous + timedelta(milliseconds=1)


def add_resource_event(
    stack: Stack,
    logical_id: str,
    resource_type: str,
    status: str,
    physical_id: str | None = None,
    reason: str | None = None,
) -> None:
    """Record one event for ``logical_id`` (e.g. CREATE_IN_PROGRESS)."""
    event = Event(
        stack_id=stack.stack_id,
        stack_name=stack.name,
        logical_resource_id=logical_id,
        physical_resource_id=physical_id or "",
        resource_type=resource_type,
        resource_status=status,
        resource_status_reason=reason,
        resource_properties=None,
    )
    stack.events.append(event)
    _stamp(stack)
    event.sendToSns(stack.account_id, stack.region_name, stack.notification_arns)


def add_stack_event(stack: Stack, status: str, reason: str | None = None) -> None:
    """Record one stack-level event and set the stack's status to match."""
    stack._add_stack_event(status, resource_status_reason=reason)
    stack.status = status


_original_add_stack_event = Stack._add_stack_event


def _add_stack_event(
    self: Stack,
    resource_status: str,
    resource_status_reason: str | None = None,
    resource_properties: str | None = None,
) -> None:
    _original_add_stack_event(self, resource_status, resource_status_reason, resource_properties)
    _stamp(self)


def install() -> None:
    """Stamp moto's own stack-level events too."""
    Stack._add_stack_event = _add_stack_event  # type: ignore[method-assign]


def physical_id_of(resource: Any) -> str:
    """The physical id moto would show for a created resource, or ''."""
    if resource is None or isinstance(resource, str):
        return ""
    value = getattr(resource, "physical_resource_id", "")
    return value if isinstance(value, str) else str(value)
