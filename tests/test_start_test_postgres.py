"""`scripts/start-test-postgres`: two suites at once may both see one port
free; the one that then cannot bind it takes the next port."""

from __future__ import annotations

import glob
import re
import shlex
import socket
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "scripts" / "start-test-postgres"
PORTS = range(54320, 54421)

pytestmark = pytest.mark.skipif(not glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                                reason="no PostgreSQL binaries")


def _first_free_looking_port() -> socket.socket:
    """A socket bound, not listening, on the first port the script will look at
    and find free: as if another run had just taken it."""
    for port in PORTS:
        taken = socket.socket()
        try:
            taken.bind(("127.0.0.1", port))
        except OSError:
            taken.close()
            continue
        return taken
    pytest.skip("no free port in the script's range")


def test_a_port_taken_between_the_look_and_the_start_gives_the_next_port() -> None:
    taken = _first_free_looking_port()
    taken_port = taken.getsockname()[1]
    with taken:
        done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    exports = dict(re.findall(r"export (\w+)=(.*)", done.stdout))
    try:
        port = int(re.search(r":(\d+)/raci_test$", exports["RACI_TEST_POSTGRES_URL"])[1])
        assert port != taken_port
        assert port in PORTS
    finally:
        subprocess.run(shlex.split(shlex.split(exports["RACI_TEST_POSTGRES_STOP"])[0]),
                       capture_output=True, check=False)
