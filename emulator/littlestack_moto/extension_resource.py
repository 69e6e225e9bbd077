"""Common base of this extension's CloudFormation resource models.

Each model is a small handle (ids and the resolved properties it was made
from); the live state stays in moto's Lambda / API Gateway backends, where
moto's own APIs read it back.
"""

from __future__ import annotations

from typing import Any, ClassVar

from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
from moto.core.common_models import CloudFormationModel


class ExtensionResource(CloudFormationModel):
    """Base: attribute lookup, deletion and the replacement flag."""

    #: Fn::GetAtt attribute names this type answers.
    ATTRIBUTES: ClassVar[tuple[str, ...]] = ()

    #: An update that returns a new object is a replacement whose old half
    #: the engine deletes in the cleanup phase (or restores on rollback).
    littlestack_deferred_replacement: ClassVar[bool] = True

    #: Properties whose change replaces the resource (a new one is created,
    #: the old one removed in cleanup) instead of updating it in place.
    REPLACING: ClassVar[tuple[str, ...]] = ()

    def __init__(self, account_id: str, region_name: str, properties: dict[str, Any]):
        self.account_id = account_id
        self.region_name = region_name
        self.properties = properties

    @staticmethod
    def cloudformation_name_type() -> str:
        """No name property: the names moto would generate are not used."""
        return ""

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        """Whether Fn::GetAtt may name ``attr`` (moto checks Outputs with it)."""
        return attr in cls.ATTRIBUTES

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        """The value of ``Fn::GetAtt [this, attribute_name]``."""
        if attribute_name not in self.ATTRIBUTES:
            raise UnformattedGetAttTemplateException()
        return self.attribute(attribute_name)

    def attribute(self, name: str) -> Any:  # pragma: no cover - overridden
        """Subclasses answer the names in ``ATTRIBUTES``."""
        raise UnformattedGetAttTemplateException()

    def is_created(self) -> bool:
        """The value of Fn::GetAtt for one of ``ATTRIBUTES``."""
        return True

    def delete(self, account_id: str, region_name: str) -> None:
        """Delete the live resource; already gone counts as deleted."""
        self.remove()

    def remove(self) -> None:  # pragma: no cover - overridden
        """Subclasses delete their live resource here."""
        raise NotImplementedError

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> None:
        """Unused fallback (``delete`` never raises TypeError/AttributeError here)."""
        # Only reached when ``delete`` raised TypeError/AttributeError, i.e.
        # never for these models; nothing sensible to do by name alone.
        return None


    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls,
        original_resource: "ExtensionResource",
        new_resource_name: str,
        cloudformation_json: dict[str, Any],
        account_id: str,
        region_name: str,
    ) -> "ExtensionResource":
        """Update in place, or return a new resource when a ``REPLACING`` property changed."""
        properties = cloudformation_json["Properties"]
        if changed(original_resource.properties, properties, cls.REPLACING):
            return cls.create_from_cloudformation_json(
                new_resource_name, cloudformation_json, account_id, region_name
            )
        original_resource.update_in_place(properties)
        original_resource.properties = properties
        return original_resource

    def update_in_place(self, properties: dict[str, Any]) -> None:
        """Bring the live resource to ``properties``; nothing to do by default."""


def changed(old: dict[str, Any], new: dict[str, Any], names: tuple[str, ...]) -> bool:
    """Whether any of ``names`` differs between two property dicts."""
    return any(old.get(name) != new.get(name) for name in names)


def tags_dict(tags: Any) -> dict[str, str]:
    """CloudFormation's [{"Key", "Value"}] tag list as a dict."""
    if isinstance(tags, dict):
        return {str(k): str(v) for k, v in tags.items()}
    return {str(tag["Key"]): str(tag["Value"]) for tag in tags or [] if "Key" in tag}
