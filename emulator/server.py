"""Runs moto's server with littlestack's extension, on 127.0.0.1 only.

Usage: server.py --port-file PATH [--detach]

Binds 127.0.0.1 on a free port the OS picks (never a fixed one, never another
address), checks that the server answers, then writes the port to PATH (atomically) so
``scripts/emulator`` knows it is ready. Runs until SIGTERM or SIGINT.
Refuses to start unless moto is the pinned version.

With LITTLESTACK_EMULATOR_WATCH_PID=N in the environment it also exits (and
removes its state folder) once process N is gone, so a test harness that dies
without stopping its emulator does not leak it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import threading
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

HOST = "127.0.0.1"


def _write_atomically(path: str, text: str) -> None:
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def _watched_pid() -> int | None:
    value = os.environ.get("LITTLESTACK_EMULATOR_WATCH_PID", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            state = handle.read().rsplit(") ", 1)[1].split(" ", 1)[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _remove_state(port_file: str, port: int) -> None:
    """Remove .emulator/<port>/ if it is still ours (its pid file names us)."""
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(port_file))), str(port))
    try:
        with open(os.path.join(folder, "pid"), encoding="utf-8") as handle:
            if handle.read().strip() != str(os.getpid()):
                return
        shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, start the server, then wait for SIGTERM or SIGINT."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port-file", required=True, help="where to write the bound port once ready")
    parser.add_argument("--detach", action="store_true", help="leave the caller's session (outlive its shell)")
    args = parser.parse_args(argv)
    if args.detach:
        try:
            os.setsid()
        except OSError:
            pass  # already a session leader

    import littlestack_moto

    try:
        littlestack_moto.install()
    except littlestack_moto.MotoVersionMismatch as error:
        print(f"emulator: error: {error}", file=sys.stderr)
        return 2

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address=HOST, port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    # Answering a request proves the whole stack (werkzeug + moto's app) is up.
    with urllib.request.urlopen(f"http://{HOST}:{port}/moto-api/data.json", timeout=10) as reply:
        reply.read()
    print(f"emulator: moto {littlestack_moto.REQUIRED_MOTO_VERSION} with littlestack's extension on {host}:{port}", file=sys.stderr, flush=True)
    _write_atomically(args.port_file, f"{port}\n")

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    watched = _watched_pid()
    # Short waits: a long Event.wait in the main thread delays the signal handler until it times out.
    while not stopping.wait(0.25):
        if watched and not _running(watched):
            print(f"emulator: process {watched} is gone; stopping", file=sys.stderr, flush=True)
            _remove_state(args.port_file, port)
            os._exit(0)
    print("emulator: stopping", file=sys.stderr, flush=True)
    # All state is in memory and meant to go; a graceful werkzeug shutdown
    # only adds seconds of polling and keep-alive waits.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
