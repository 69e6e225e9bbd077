"""How a failing resource is reported, the way CloudFormation reports it."""

from __future__ import annotations


class ResourceFailure(Exception):
    """A resource handler refused the request (CloudFormation's *_FAILED)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def failure_message(error: BaseException) -> str:
    """The human-readable reason of ``error``, as an event's ResourceStatusReason.

    moto's service errors carry ``message``; werkzeug-style ones a
    ``description``; anything else falls back to ``str``.
    """
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message
    if isinstance(error, KeyError) and error.args:
        return f"{error.args[0]} not found"
    text = str(error)
    return text if text else type(error).__name__
