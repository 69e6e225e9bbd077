"""Dependencies between a template's resources, as CloudFormation sees them.

A resource depends on every resource it names with ``Ref``, ``Fn::GetAtt``,
``Fn::Sub`` (``${Name}`` / ``${Name.Attr}``) or ``DependsOn``. CloudFormation
creates and updates in that order and deletes in the reverse order; moto only
honours ``DependsOn`` (and creates ``Ref`` targets lazily), so updates come out
in the wrong order without this.
"""

from __future__ import annotations

import re
from typing import Any

from moto.cloudformation.exceptions import ValidationError

PSEUDO_PARAMETERS = frozenset(
    {
        "AWS::AccountId",
        "AWS::NotificationARNs",
        "AWS::NoValue",
        "AWS::Partition",
        "AWS::Region",
        "AWS::StackId",
        "AWS::StackName",
        "AWS::URLSuffix",
    }
)

# ${Name} or ${Name.Attribute}; ${!Literal} is an escape, not a reference.
_SUB_VARIABLE = re.compile(r"\$\{(?!!)([^}]+)\}")


def _sub_references(template: str, local_names: set[str]) -> set[str]:
    names = set()
    for match in _SUB_VARIABLE.finditer(template):
        name = match.group(1).strip().split(".", 1)[0]
        if name not in local_names:
            names.add(name)
    return names


def references(value: Any) -> set[str]:
    """Every logical name ``value`` refers to through Ref, Fn::GetAtt or Fn::Sub."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                if isinstance(inner, list) and inner and isinstance(inner[0], str):
                    found.add(inner[0])
                    found |= references(inner[1:])
                elif isinstance(inner, str):
                    found.add(inner.split(".", 1)[0])
            elif key == "Fn::Sub":
                if isinstance(inner, str):
                    found |= _sub_references(inner, set())
                elif isinstance(inner, list) and inner:
                    variables = inner[1] if len(inner) > 1 and isinstance(inner[1], dict) else {}
                    if isinstance(inner[0], str):
                        found |= _sub_references(inner[0], set(variables))
                    found |= references(variables)
            else:
                found |= references(inner)
    elif isinstance(value, list):
        for item in value:
            found |= references(item)
    return found


def _depends_on(resource: dict[str, Any]) -> list[str]:
    depends = resource.get("DependsOn", [])
    return [depends] if isinstance(depends, str) else list(depends)


def dependency_graph(template: dict[str, Any]) -> dict[str, list[str]]:
    """Map each resource to the resources it depends on, in template order.

    Raises moto's ``ValidationError`` (a 400 ``ValidationError`` on the wire)
    with CloudFormation's message when a name is neither a resource, a
    parameter nor a pseudo parameter.
    """
    resources: dict[str, Any] = template.get("Resources") or {}
    parameters = set(template.get("Parameters") or {})
    graph: dict[str, list[str]] = {}
    unresolved: list[str] = []
    for name, resource in resources.items():
        if not isinstance(resource, dict):
            raise ValidationError(
                message=f"Template format error: [/Resources/{name}] resource definition is malformed"
            )
        named = references({k: v for k, v in resource.items() if k != "DependsOn"})
        depends = []
        for target in sorted(named) + _depends_on(resource):
            if target in resources:
                if target not in depends and target != name:
                    depends.append(target)
            elif target not in parameters and target not in PSEUDO_PARAMETERS:
                if target not in unresolved:
                    unresolved.append(target)
        graph[name] = depends
    if unresolved:
        raise ValidationError(
            message="Template format error: Unresolved resource dependencies "
            f"[{', '.join(unresolved)}] in the Resources block of the template"
        )
    return graph


def dependency_order(graph: dict[str, list[str]]) -> list[str]:
    """Resources ordered so each comes after what it depends on.

    Ties keep template order. A cycle raises CloudFormation's
    "Circular dependency between resources" validation error.
    """
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        """Depth-first: place ``name`` after everything it depends on."""
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = path[path.index(name):]
            raise ValidationError(
                message=f"Circular dependency between resources: [{', '.join(sorted(cycle))}]"
            )
        state[name] = "visiting"
        for dependency in graph.get(name, []):
            visit(dependency, path + [name])
        state[name] = "done"
        order.append(name)

    for name in graph:
        visit(name, [])
    return order


def dependents_of(graph: dict[str, list[str]], name: str) -> list[str]:
    """The resources that depend directly on ``name``."""
    return [other for other, depends in graph.items() if name in depends]
