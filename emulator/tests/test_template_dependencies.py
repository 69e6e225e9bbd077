"""Dependency extraction and ordering (no emulator needed)."""

from __future__ import annotations

import pytest
from moto.cloudformation.exceptions import ValidationError

from littlestack_moto.template_dependencies import dependency_graph, dependency_order, references


def test_references_cover_ref_getatt_and_sub() -> None:
    value = {
        "A": {"Ref": "Fn"},
        "B": {"Fn::GetAtt": ["V1", "Version"]},
        "C": {"Fn::GetAtt": "Api.RootResourceId"},
        "D": {"Fn::Sub": "arn:${AWS::Partition}:${Api}/${Stage.Name}/${!Literal}"},
        "E": {"Fn::Sub": ["${Local}-${Other}", {"Local": {"Ref": "Bucket"}}]},
        "F": [{"Fn::Join": ["", [{"Ref": "Param"}]]}],
    }
    assert references(value) == {"Fn", "V1", "Api", "AWS::Partition", "Stage", "Other", "Bucket", "Param"}


def test_order_follows_dependencies_then_template_order() -> None:
    template = {
        "Parameters": {"Key": {"Type": "String"}},
        "Resources": {
            "alias": {"Type": "T", "Properties": {"V": {"Fn::GetAtt": ["v2", "Version"]}}},
            "v2": {"Type": "T", "Properties": {"F": {"Ref": "fn"}}},
            "stage": {"Type": "T", "DependsOn": "api"},
            "fn": {"Type": "T", "Properties": {"K": {"Ref": "Key"}, "R": {"Ref": "AWS::Region"}}},
            "api": {"Type": "T"},
        },
    }
    graph = dependency_graph(template)
    assert graph == {"alias": ["v2"], "v2": ["fn"], "stage": ["api"], "fn": [], "api": []}
    assert dependency_order(graph) == ["fn", "v2", "alias", "api", "stage"]


def test_unresolved_and_circular_references_are_template_errors() -> None:
    with pytest.raises(ValidationError) as raised:
        dependency_graph({"Resources": {"a": {"Type": "T", "Properties": {"X": {"Ref": "ghost"}}, "DependsOn": ["b"]}}})
    assert raised.value.message == (
        "Template format error: Unresolved resource dependencies [ghost, b] in the Resources block of the template"
    )
    cycle = {"Resources": {"a": {"Type": "T", "DependsOn": "b"}, "b": {"Type": "T", "Properties": {"X": {"Ref": "a"}}}}}
    with pytest.raises(ValidationError) as raised:
        dependency_order(dependency_graph(cycle))
    assert raised.value.message == "Circular dependency between resources: [a, b]"
