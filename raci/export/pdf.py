"""Print an HTML page to PDF with headless Chromium.

Chromium rather than WeasyPrint: the handout is read in browsers, and
printing it with a browser engine gives the PDF the same layout, fonts and
SVG rendering the reader sees on screen (WeasyPrint has its own layout and
SVG engines, and needs Pango from the system besides); Chromium also honours
the print style sheet's `@page` size, margin boxes (page numbers) and
repeated table headers. raci looks for `chromium`, `chromium-browser`,
`google-chrome` and `google-chrome-stable` on PATH, or takes the program
named by `RACI_CHROMIUM`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from raci.errors import RaciError
from raci.formats.writing import temporary_folder, write_file_whole
from raci.i18n import _, format_decimal

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_VARIABLE = "RACI_CHROMIUM"
CHROMIUM_FLAGS = (
    "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    # Nothing is fetched: the page is self-contained, and on a closed network
    # Chromium's own background connections only stall it.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--no-pdf-header-footer",
)


class ChromiumMissingError(RaciError):
    """No Chromium or Chrome to print with."""


def find_chromium() -> str:
    """The Chromium program to print with, or a one-line error saying how to get one."""
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        found = shutil.which(named)
        if found is None:
            raise ChromiumMissingError(_(
                "{variable}={named} is not a program that can be run; "
                "name a Chromium or Chrome program, or unset it").format(
                variable=CHROMIUM_VARIABLE, named=named))
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise ChromiumMissingError(_(
        "a PDF is printed with Chromium and none was found ({names}); "
        "install it (apt-get install chromium), set {variable} to the program, "
        "or write .html and print that from a browser").format(
        names=", ".join(CHROMIUM_NAMES), variable=CHROMIUM_VARIABLE))


def print_to_pdf(page: Path, pdf: Path, timeout: float) -> None:
    """Print the HTML file `page` to `pdf`; the PDF appears only when complete."""
    chromium = find_chromium()
    with temporary_folder("raci-pdf-", _("Chromium's profile")) as folder:
        printed = folder / "printed.pdf"
        command = [chromium, *CHROMIUM_FLAGS, *sandbox_flags(),
                   f"--user-data-dir={folder / 'profile'}",
                   f"--print-to-pdf={printed}", page.resolve().as_uri()]
        returncode, errors = _run(command, timeout, folder)
        data = printed.read_bytes() if printed.is_file() else b""
        if returncode != 0 or not data.startswith(b"%PDF-"):
            reason = _last_line(errors) or _("exit {code}").format(code=returncode)
            raise RaciError(_("Chromium could not print the report to {pdf}: {reason}").format(
                pdf=pdf, reason=reason))
    write_file_whole(pdf, data)


def sandbox_flags() -> tuple[str, ...]:
    """Chromium refuses to run as root with its sandbox; the page printed is
    raci's own, self-contained and without scripts."""
    return ("--no-sandbox",) if hasattr(os, "geteuid") and os.geteuid() == 0 else ()


def _run(command: list[str], timeout: float, folder: Path) -> tuple[int, str]:
    """Run Chromium in its own process group, so a timeout stops all of its
    processes; its own temporary files go into raci's `folder`, which is
    known to be writable (a TMPDIR that is missing stops Chromium cryptically)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True, env={**os.environ, "TMPDIR": str(folder)})
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise RaciError(_("Chromium took longer than {seconds} s to print the report and "
                          "was stopped; give more --timeout").format(
            seconds=format_decimal(timeout, "0.#"))) from error
    return process.returncode, errors.decode("utf-8", "replace")


def _last_line(errors: str) -> str:
    """Chromium's last complaint, without the noise it prints on machines
    without a desktop session (D-Bus, GPU)."""
    lines = [line.strip() for line in errors.splitlines()
             if line.strip() and "dbus" not in line.lower() and "gpu" not in line.lower()]
    return lines[-1] if lines else ""
