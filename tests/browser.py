"""Headless Chromium for the tests: find it, and measure a page as it prints.

`PrintedPage` drives a real Chromium over the DevTools protocol on a pipe
(`--remote-debugging-pipe`: no port, no network, no client library): it lays
a page out with the print style sheet at the width of A4 between the
margins and runs a script in it, so a test can measure where tables and
drawings end and how large the text prints.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
A4_TEXT_WIDTH_PX = round(180 / 25.4 * 96)
"""A4 less 15 mm margins each side, in CSS pixels: the width the print layout has."""


def require_chromium() -> str:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it")
        pytest.skip("chromium is not installed")
    return CHROMIUM


def require_program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return found


class PrintedPage:
    """One page open in headless Chromium, laid out as it prints on A4."""

    def __init__(self, page: Path, profile: Path) -> None:
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def on_fds_3_and_4() -> None:  # where --remote-debugging-pipe looks
            read, write = os.dup(commands_read), os.dup(replies_write)
            os.dup2(read, 3)
            os.dup2(write, 4)

        self.process = subprocess.Popen(
            [require_chromium(), *FLAGS, "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "about:blank"],
            # Python opens files non-inheritable, so nothing but fds 3 and 4
            # reaches Chromium; close_fds would close them after preexec_fn.
            close_fds=False, preexec_fn=on_fds_3_and_4,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(replies_write)
        self._next_id = 0
        self._buffer = b""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.send("Emulation.setEmulatedMedia", {"media": "print"}, self.session)
        self.send("Emulation.setScrollbarsHidden", {"hidden": True}, self.session)  # as on paper
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": A4_TEXT_WIDTH_PX, "height": 1000, "deviceScaleFactor": 1,
                   "mobile": False}, self.session)
        self.send("Page.navigate", {"url": page.resolve().as_uri()}, self.session)
        while self.evaluate("document.readyState") != "complete":
            pass

    def send(self, method: str, params: dict[str, Any], session: str | None = None) -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close", {})
        finally:
            os.close(self._commands)
            os.close(self._replies)
            self.process.wait(timeout=30)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        reply: dict[str, Any] = json.loads(message)
        return reply
