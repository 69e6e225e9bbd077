"""Termination protection: DeleteStack refuses, UpdateTerminationProtection toggles.

moto stores EnableTerminationProtection from CreateStack but deletes protected
stacks anyway and has no UpdateTerminationProtection. littlestack's configs
enable protection, so its delete path needs CloudFormation's refusal and a way
to turn protection off.
"""

from __future__ import annotations

from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.models import CloudFormationBackend
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.responses import ActionResult

_original_delete_stack = CloudFormationBackend.delete_stack


def _delete_stack(self: CloudFormationBackend, name_or_stack_id: str) -> None:
    for stack in self.stacks.values():
        if name_or_stack_id in (stack.name, stack.stack_id) and stack.enable_termination_protection:
            raise ValidationError(
                stack.stack_id,
                message=f"Stack [{stack.name}] cannot be deleted while TerminationProtection is enabled",
            )
    _original_delete_stack(self, name_or_stack_id)


def _update_termination_protection(self: CloudFormationResponse) -> ActionResult:
    stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
    stack.enable_termination_protection = self._get_bool_param("EnableTerminationProtection", False)
    return ActionResult({"StackId": stack.stack_id})


def install() -> None:
    """Apply the patches."""
    CloudFormationBackend.delete_stack = _delete_stack  # type: ignore[method-assign]
    CloudFormationResponse.update_termination_protection = _update_termination_protection  # type: ignore[attr-defined]
