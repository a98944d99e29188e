"""`raci serve` in a real Chromium: the app in a browser, read-only unless --write.

The server runs as a user starts it (`python -m raci serve`), on a free
port of 127.0.0.1; Chromium (headless, Debian's) is driven by Playwright,
which downloads no browser of its own. What the page shows is read from
the frames the app sends it; what it changed, from the database.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apphelp import MODEL_FILE, stored
from conftest import Raci

from raci.importing import import_file

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
"""Headless Chromium as this machine runs it: no connections of its own."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def database(tmp_path: Path) -> Path:
    model_file = tmp_path / "warmte.yaml"
    model_file.write_text(MODEL_FILE, encoding="utf-8")
    import_file(model_file, str(tmp_path / "org.db"))
    return tmp_path / "org.db"


Serve = Callable[..., str]


@pytest.fixture
def serve(database: Path) -> Iterator[Serve]:
    """Start `raci serve` on the database; returns the address it printed."""
    started: list[subprocess.Popen[str]] = []

    def start(*options: str) -> str:
        server = subprocess.Popen(
            [sys.executable, "-m", "raci", "serve", str(database), "--port", str(free_port()),
             *options],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "COLUMNS": "200"}, start_new_session=True)
        started.append(server)
        assert server.stdout is not None
        for line in server.stdout:
            if found := re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=\S+)", line):
                listening(int(found.group(2)))
                return found.group(1)
        raise AssertionError("raci serve printed no address")

    yield start
    for server in started:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def listening(port: int) -> None:
    """Wait until the server takes connections (it prints its address just before)."""
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_the_page_needs_the_printed_token(serve: Serve) -> None:
    address = serve()
    base = address.split("?")[0]
    assert status_of(base) == 403
    assert status_of(f"{base}?token=wrong") == 403
    assert status_of(f"{base}ws") == 403  # the app's connection too
    assert status_of(address) == 200


class Browser:
    """A page in Chromium, with every frame the app sent it."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.frames: list[bytes] = []

    def shown(self) -> str:
        return b"".join(self.frames).decode("utf-8", "replace")

    def wait_for(self, text: str, what: str) -> None:
        for _ in range(300):
            if text in self.shown():
                return
            self.pause(0.1)
        raise AssertionError(f"waited in vain for {what}")

    def pause(self, seconds: float) -> None:
        """Wait, letting Playwright deliver the frames (it does so only inside its calls)."""
        self.page.wait_for_timeout(seconds * 1000)  # type: ignore[attr-defined]

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)  # type: ignore[attr-defined]
            self.pause(0.15)


@pytest.fixture
def browser() -> Iterator[Callable[[str], Browser]]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)

        def open_page(address: str) -> Browser:
            page = chromium.new_page(viewport={"width": 1200, "height": 700})
            opened = Browser(page)
            page.on("websocket", lambda socket: socket.on(
                "framereceived",
                lambda frame: opened.frames.append(
                    frame if isinstance(frame, bytes) else frame.encode())))
            page.goto(address)
            opened.wait_for("Programma Warmte", "the app in the page")
            page.mouse.click(600, 350)  # the terminal takes the keys
            return opened

        yield open_page
        chromium.close()


def test_served_read_only_every_edit_is_refused(
        serve: Serve, browser: Callable[[str], Browser], database: Path) -> None:
    before = stored(database)
    page = browser(serve())
    page.wait_for("read-only", "the title saying read-only")
    page.press("2")
    page.wait_for("Scope", "the matrix")
    page.press("ArrowRight", "i")
    page.wait_for("nothing can be changed", "the read-only notice")
    page.press("1", "n")
    page.pause(0.5)
    assert stored(database) == before


def test_served_with_write_the_browser_edits_the_model(
        serve: Serve, browser: Callable[[str], Browser], database: Path) -> None:
    page = browser(serve("--write"))
    page.press("2")
    page.wait_for("Scope", "the matrix")
    page.press("ArrowRight", "i")  # Klimaatdoelen × Directeur-Generaal: I
    for _ in range(300):
        if stored(database).letters_of("g.klimaat", "dg-bw") == ("I",):
            break
        page.pause(0.1)
    assert stored(database).letters_of("g.klimaat", "dg-bw") == ("I",)
    assert "read-only" not in page.shown()


def test_what_serve_prints_is_whole_lines_in_a_narrow_file(database: Path) -> None:
    """Written to a file (no terminal, 80 columns), a long title does not wrap
    "ctrl+c stops." onto a line of its own."""
    server = subprocess.Popen(
        [sys.executable, "-m", "raci", "serve", str(database), "--port", str(free_port())],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")})
    try:
        assert server.stdout is not None
        lines = []
        for line in server.stdout:
            lines.append(line.rstrip("\n"))
            if "token=" in line:
                break
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
    whole = [line for line in lines if line.startswith("Serving") and line.endswith("stops.")]
    assert whole, lines
    assert len(lines[0]) > 80


def test_serve_refuses_a_model_file_and_a_missing_database(raci: Raci, tmp_path: Path) -> None:
    model_file = tmp_path / "warmte.yaml"
    model_file.write_text(MODEL_FILE, encoding="utf-8")
    result = raci("serve", model_file)
    assert result.code == 2 and "serve a database; run `raci import" in result.err
    result = raci("serve", tmp_path / "nergens.db")
    assert result.code == 2 and "no such database" in result.err
    assert len(result.err.splitlines()) == 1 and not (tmp_path / "nergens.db").exists()


def test_a_dutch_page_says_read_only_in_dutch(serve: Serve) -> None:
    address = serve("--lang", "nl")
    with urllib.request.urlopen(address, timeout=10) as response:
        page = response.read().decode("utf-8")
    assert "org.db (alleen-lezen)" in page and "read-only" not in page
