"""scripts/emulator: start/stop/env/status, two at once, loopback only."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REPO, SCRIPT, start_emulator, stop_emulator


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/data.json", timeout=5) as reply:
            return reply.status == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=30)


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":
                found.add(address)
    return found


def _caller(port: int) -> str:
    sts = boto3.client(
        "sts",
        endpoint_url=f"http://127.0.0.1:{port}",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    try:
        return sts.get_caller_identity()["Account"]
    except ClientError as error:
        return error.response["Error"]["Code"]


def test_start_twice_gives_two_emulators_and_stop_leaves_the_other() -> None:
    first, first_out = start_emulator()
    # The second checks signatures from its first request on.
    second, second_out = start_emulator(INITIAL_NO_AUTH_ACTION_COUNT="0")
    try:
        assert first != second
        assert first_out == (
            f"export AWS_ENDPOINT_URL=http://127.0.0.1:{first}\n"
            "export AWS_ACCESS_KEY_ID=testing\n"
            "export AWS_SECRET_ACCESS_KEY=testing\n"
            "export AWS_REGION=us-east-1\n"
            f"export LITTLESTACK_EMULATOR={first}\n"
        )
        assert (REPO / ".emulator" / str(first) / "pid").is_file()
        assert (REPO / ".emulator" / str(second) / "log").is_file()
        # loopback only: 127.0.0.1 is 0100007F in /proc/net/tcp
        assert _listening_addresses(first) == {"0100007F"}
        assert _answers(first) and _answers(second)
        assert _caller(first) == "123456789012"
        assert _caller(second) == "InvalidClientTokenId"

        status = _run("status")
        assert status.returncode == 0
        ports = [int(line.split("\t")[0]) for line in status.stdout.splitlines()]
        assert first in ports and second in ports

        env = _run("env", str(second))
        assert env.returncode == 0
        assert env.stdout == second_out

        stopped = stop_emulator(first)
        assert (stopped.returncode, stopped.stdout, stopped.stderr) == (0, "", "")
        assert not (REPO / ".emulator" / str(first)).exists()
        assert not _answers(first)
        assert _answers(second)

        again = stop_emulator(first)  # idempotent and quiet
        assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
        gone = _run("env", str(first))
        assert gone.returncode == 1
        assert gone.stdout == ""
        assert gone.stderr == f"emulator: error: no emulator running on port {first}\n"
    finally:
        stop_emulator(first)
        stop_emulator(second)
    assert not _answers(second)


def test_stop_defaults_to_littlestack_emulator_variable() -> None:
    port, _ = start_emulator()
    try:
        done = subprocess.run(
            [str(SCRIPT), "stop"],
            capture_output=True,
            text=True,
            timeout=30,
            env={"PATH": "/usr/bin:/bin", "LITTLESTACK_EMULATOR": str(port)},
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
        assert not _answers(port)
    finally:
        stop_emulator(port)


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "usage: scripts/emulator start\n"),
        (("restart",), "usage: scripts/emulator start\n"),
        (("stop", "eighty"), "emulator: error: 'eighty' is not a port number\n"),
    ],
)
def test_bad_usage(args: tuple[str, ...], message: str) -> None:
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=30, env={"PATH": "/usr/bin:/bin"}
    )
    assert done.returncode in (1, 2)
    assert done.stdout == ""
    assert done.stderr.startswith(message)


def test_stop_without_port_or_variable_fails() -> None:
    done = subprocess.run(
        [str(SCRIPT), "stop"], capture_output=True, text=True, timeout=30, env={"PATH": "/usr/bin:/bin"}
    )
    assert done.returncode == 1
    assert done.stderr == "emulator: error: no port given and LITTLESTACK_EMULATOR is not set\n"


def test_watched_process_ending_stops_the_emulator() -> None:
    watched = subprocess.Popen(["sleep", "60"])
    port, _ = start_emulator(LITTLESTACK_EMULATOR_WATCH_PID=str(watched.pid))
    try:
        assert _answers(port)
        watched.kill()
        watched.wait()
        deadline = time.monotonic() + 10
        while (REPO / ".emulator" / str(port)).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not (REPO / ".emulator" / str(port)).exists()
        assert not _answers(port)
    finally:
        watched.kill()
        stop_emulator(port)
