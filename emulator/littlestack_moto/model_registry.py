"""Makes moto's CloudFormation parser use this extension's resource models.

moto builds its type -> model map from ``CloudFormationModel.__subclasses__()``
(cached with ``lru_cache``) in ``moto.cloudformation.parsing``. The order of
``__subclasses__`` decides which class wins when two claim the same type, so
instead of relying on import order this module replaces the module-level
``get_model_list`` with one that drops moto's models for the types we own and
appends ours, then clears the caches built from it.
"""

from __future__ import annotations

from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel

_registered: dict[str, type[CloudFormationModel]] = {}
_original_get_model_list = parsing.get_model_list


def _is_extension_class(model: type) -> bool:
    # Our helper base classes are CloudFormationModel subclasses too; they must
    # never be offered to the parser.
    return model.__module__.startswith("littlestack_moto.")


def _model_list() -> list[type[CloudFormationModel]]:
    moto_models = [
        model
        for model in _original_get_model_list.__wrapped__()  # type: ignore[attr-defined]
        if not _is_extension_class(model)
        and model.cloudformation_type() not in _registered
    ]
    return moto_models + list(_registered.values())


def register_models(*models: type[CloudFormationModel]) -> None:
    """Register resource models, replacing moto's model for the same type."""
    for model in models:
        _registered[model.cloudformation_type()] = model
    parsing.get_model_list = _model_list  # type: ignore[assignment]
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()


def registered_types() -> list[str]:
    """The CloudFormation types this extension provides, sorted."""
    return sorted(_registered)
