"""Fixtures: one emulator per test session (started with scripts/emulator),
reset before each test, and boto3 clients pointed at it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import boto3
import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "emulator"
sys.path.insert(0, str(REPO / "emulator"))


def start_emulator(**env: str) -> tuple[int, str]:
    """Start one emulator (with extra environment ``env``); return (port, its exact stdout)."""
    # The emulator goes away by itself if this test process dies unstopped.
    env = {"LITTLESTACK_EMULATOR_WATCH_PID": str(os.getpid()), **env}
    done = subprocess.run(
        [str(SCRIPT), "start"], capture_output=True, text=True, timeout=60, env={**os.environ, **env}
    )
    assert done.returncode == 0, done.stderr
    port = int(done.stdout.splitlines()[-1].split("=", 1)[1])
    return port, done.stdout


def stop_emulator(port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "stop", str(port)], capture_output=True, text=True, timeout=30)


@pytest.fixture(scope="session")
def emulator_port() -> Iterator[int]:
    port, _ = start_emulator()
    yield port
    stop_emulator(port)


@dataclass
class Aws:
    """boto3 clients for one emulator, plus the test account's basics."""

    port: int
    cf: Any
    lam: Any
    apigw: Any
    s3: Any
    iam: Any
    role_arn: str

    def put_code(self, key: str, content: bytes) -> None:
        """Upload a Lambda bundle to the test bucket 'code'."""
        self.s3.put_object(Bucket="code", Key=key, Body=content)

    def stack(self, name: str) -> dict[str, Any]:
        return self.cf.describe_stacks(StackName=name)["Stacks"][0]

    def outputs(self, name: str) -> dict[str, str]:
        return {o["OutputKey"]: o["OutputValue"] for o in self.stack(name).get("Outputs", [])}

    def events(self, name: str) -> list[tuple[str, str, str]]:
        """(logical id, status, reason) oldest first."""
        return [
            (e["LogicalResourceId"], e["ResourceStatus"], e.get("ResourceStatusReason") or "")
            for e in reversed(self.cf.describe_stack_events(StackName=name)["StackEvents"])
        ]

    def create(self, name: str, template: dict[str, Any], **kwargs: Any) -> str:
        """Create through a CREATE change set; return the change set ARN."""
        change_set = self.cf.create_change_set(
            StackName=name,
            ChangeSetName="create",
            ChangeSetType="CREATE",
            TemplateBody=json.dumps(template),
            **kwargs,
        )
        self.cf.execute_change_set(ChangeSetName=change_set["Id"])
        return change_set["Id"]

    def change(self, name: str, template: dict[str, Any], change_set_name: str = "little-change", **kwargs: Any) -> str:
        """Make an UPDATE change set (ChangeSetType left to its default); return its ARN."""
        change_set = self.cf.create_change_set(
            StackName=name,
            ChangeSetName=change_set_name,
            TemplateBody=json.dumps(template),
            **kwargs,
        )
        return change_set["Id"]

    def update(self, name: str, template: dict[str, Any], **kwargs: Any) -> str:
        """Make and execute an UPDATE change set; return its ARN."""
        change_set_id = self.change(name, template, **kwargs)
        self.cf.execute_change_set(ChangeSetName=change_set_id)
        return change_set_id


@pytest.fixture()
def aws(emulator_port: int) -> Aws:
    endpoint = f"http://127.0.0.1:{emulator_port}"
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST", data=b"")
    urllib.request.urlopen(request, timeout=10).read()
    settings = dict(
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    iam = boto3.client("iam", **settings)
    role_arn = iam.create_role(RoleName="lambda-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    s3 = boto3.client("s3", **settings)
    s3.create_bucket(Bucket="code")
    return Aws(
        port=emulator_port,
        cf=boto3.client("cloudformation", **settings),
        lam=boto3.client("lambda", **settings),
        apigw=boto3.client("apigateway", **settings),
        s3=s3,
        iam=iam,
        role_arn=role_arn,
    )
