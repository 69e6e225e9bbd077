"""The one moto version this extension was written against.

The extension reaches into moto's internals (``moto.cloudformation.parsing``,
``moto.awslambda.models``, ``moto.apigateway.models``), which change between
releases without notice, so it refuses to load on any other version rather
than misbehave quietly.
"""

from __future__ import annotations

REQUIRED_MOTO_VERSION = "5.2.5"


class MotoVersionMismatch(RuntimeError):
    """Raised when the installed moto is not the pinned one."""


def check_moto_version() -> str:
    """Return the installed moto version, or raise ``MotoVersionMismatch``."""
    try:
        import moto
    except ImportError as error:  # pragma: no cover - depends on the venv
        raise MotoVersionMismatch(
            f"moto is not installed; run scripts/setup.sh to install moto[server]=={REQUIRED_MOTO_VERSION}"
        ) from error
    installed = getattr(moto, "__version__", "unknown")
    if installed != REQUIRED_MOTO_VERSION:
        raise MotoVersionMismatch(
            f"littlestack's moto extension needs moto {REQUIRED_MOTO_VERSION} but found {installed}; "
            f"run scripts/setup.sh to install moto[server]=={REQUIRED_MOTO_VERSION}"
        )
    return installed
