"""The extension loads on the pinned moto and replaces the right models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import moto
import pytest
from moto.cloudformation import parsing

import littlestack_moto
from littlestack_moto.apigateway_deployment import ApiGatewayDeploymentResource
from littlestack_moto.apigateway_rest_api import ApiGatewayRestApiResource
from littlestack_moto.apigateway_stage import ApiGatewayStageResource
from littlestack_moto.lambda_alias import LambdaAliasResource
from littlestack_moto.lambda_version import LambdaVersionResource

SERVER = Path(__file__).resolve().parents[1] / "server.py"


def test_installed_moto_is_the_pinned_version() -> None:
    assert moto.__version__ == "5.2.5"
    assert littlestack_moto.check_moto_version() == "5.2.5"


def test_install_registers_the_types_with_motos_parser() -> None:
    littlestack_moto.install()
    littlestack_moto.install()  # idempotent
    assert littlestack_moto.installed_types() == [
        "AWS::ApiGateway::Deployment",
        "AWS::ApiGateway::RestApi",
        "AWS::ApiGateway::Stage",
        "AWS::Lambda::Alias",
        "AWS::Lambda::Version",
    ]
    model_map = parsing.get_model_map()
    assert model_map["AWS::Lambda::Alias"] is LambdaAliasResource
    assert model_map["AWS::Lambda::Version"] is LambdaVersionResource
    assert model_map["AWS::ApiGateway::Stage"] is ApiGatewayStageResource
    assert model_map["AWS::ApiGateway::Deployment"] is ApiGatewayDeploymentResource
    assert model_map["AWS::ApiGateway::RestApi"] is ApiGatewayRestApiResource
    # moto's other models stay.
    assert model_map["AWS::Lambda::Function"].__module__ == "moto.awslambda.models"
    assert model_map["AWS::S3::Bucket"].__module__ == "moto.s3.models"


def test_version_check_names_both_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moto, "__version__", "5.2.4")
    with pytest.raises(littlestack_moto.MotoVersionMismatch) as raised:
        littlestack_moto.check_moto_version()
    assert str(raised.value) == (
        "littlestack's moto extension needs moto 5.2.5 but found 5.2.4; "
        "run scripts/setup.sh to install moto[server]==5.2.5"
    )


def test_server_refuses_another_moto(tmp_path: Path) -> None:
    fake = tmp_path / "moto"
    fake.mkdir()
    (fake / "__init__.py").write_text('__version__ = "5.3.0"\n')
    done = subprocess.run(
        [sys.executable, str(SERVER), "--port-file", str(tmp_path / "port")],
        capture_output=True,
        text=True,
        timeout=30,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2
    assert done.stderr == (
        "emulator: error: littlestack's moto extension needs moto 5.2.5 but found 5.3.0; "
        "run scripts/setup.sh to install moto[server]==5.2.5\n"
    )
    assert not (tmp_path / "port").exists()
