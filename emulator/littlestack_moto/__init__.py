"""littlestack's extension of moto's CloudFormation (moto 5.2.5 only).

``install()`` registers the resource models moto lacks or gets wrong
(AWS::Lambda::Alias, AWS::Lambda::Version, AWS::ApiGateway::Stage,
AWS::ApiGateway::Deployment, AWS::ApiGateway::RestApi with Body) and patches
moto's stack operations for dependency order, per-resource events, rollback,
Outputs after ExecuteChangeSet, change-set details and termination protection
(plus two moto model fixes: inline ZipFile updates, KMS key tags). Import and install it
in the process that runs moto's server, before the first request.
"""

from __future__ import annotations

from .moto_pin import REQUIRED_MOTO_VERSION, MotoVersionMismatch, check_moto_version

__all__ = ["REQUIRED_MOTO_VERSION", "MotoVersionMismatch", "check_moto_version", "install", "installed_types"]

_installed = False


def install() -> None:
    """Check moto's version and apply the extension; safe to call twice."""
    global _installed
    check_moto_version()
    if _installed:
        return
    # Imported here so a wrong moto version fails with the clear message above
    # rather than an ImportError from moto's internals.
    from . import (
        change_set_details,
        kms_key_tags,
        lambda_function_update,
        stack_lifecycle,
        stack_resource_status,
        termination_protection,
    )
    from .apigateway_deployment import ApiGatewayDeploymentResource
    from .apigateway_rest_api import ApiGatewayRestApiResource
    from .apigateway_stage import ApiGatewayStageResource
    from .lambda_alias import LambdaAliasResource
    from .lambda_version import LambdaVersionResource, install_version_numbering
    from .model_registry import register_models

    register_models(
        LambdaAliasResource,
        LambdaVersionResource,
        ApiGatewayStageResource,
        ApiGatewayDeploymentResource,
        ApiGatewayRestApiResource,
    )
    install_version_numbering()
    lambda_function_update.install()
    kms_key_tags.install()
    termination_protection.install()
    stack_resource_status.install()
    stack_lifecycle.install()
    change_set_details.install()
    _installed = True


def installed_types() -> list[str]:
    """The CloudFormation types the extension provides (empty before install)."""
    if not _installed:
        return []
    from .model_registry import registered_types

    return registered_types()
