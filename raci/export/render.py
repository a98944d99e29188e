"""Run Graphviz's `dot` program: lay out a view and write SVG, PNG or PDF.

`dot` format needs no program. The others run `dot` with a timeout, refuse
views too large to lay out in reasonable time (`MAX_LAYOUT_NODES`), and say
how to install Graphviz when it is missing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import graphviz

from raci.errors import RaciError, UsageError
from raci.export.dot import to_dot
from raci.export.graph import View

FORMATS = ("dot", "svg", "png", "pdf")
BINARY_FORMATS = frozenset({"png", "pdf"})
DEFAULT_TIMEOUT_SECONDS = 60.0
MAX_LAYOUT_NODES = 2000
"""Nodes plus clusters a view may have for layout; beyond it `dot` can take
minutes, and a drawing that large is unreadable anyway."""
INSTALL_HINT = (
    "install Graphviz (apt-get install graphviz, brew install graphviz, "
    "or https://graphviz.org/download/), or use --format dot, which needs no program"
)


class GraphvizMissingError(RaciError):
    """The `dot` program is not installed (or not on PATH)."""


class LayoutError(RaciError):
    """`dot` failed, took too long, or the view is too large to lay out."""


def check_layout_size(view: View, limit: int = MAX_LAYOUT_NODES) -> None:
    if view.size > limit:
        raise LayoutError(
            f"the {view.name} view has {view.size} nodes and frames, more than the "
            f"{limit} raci lays out; draw part of it with --focus ID --depth N, "
            "or use --format dot"
        )


def render(dot: graphviz.Digraph | str, fmt: str, path: Path | None = None, *,
           timeout: float = DEFAULT_TIMEOUT_SECONDS) -> bytes:
    """The drawing in `fmt` (dot, svg, png or pdf); written to `path` when given."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    source = dot if isinstance(dot, str) else dot.source
    output = source.encode("utf-8") if fmt == "dot" else run_dot(source, fmt, timeout)
    if path is not None:
        try:
            path.write_bytes(output)
        except OSError as error:
            raise RaciError(f"{path}: cannot write the drawing: {error.strerror}") from error
    return output


def run_dot(source: str, fmt: str, timeout: float) -> bytes:
    try:
        done = subprocess.run(["dot", f"-T{fmt}"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError as error:
        raise GraphvizMissingError(
            f"the Graphviz program 'dot' was not found; {INSTALL_HINT}") from error
    except OSError as error:  # found but not runnable (permissions, a broken install)
        raise GraphvizMissingError(
            f"the Graphviz program 'dot' could not be run ({error.strerror}); {INSTALL_HINT}"
        ) from error
    except subprocess.TimeoutExpired as error:  # subprocess.run has killed dot by now
        raise LayoutError(
            f"dot took longer than {timeout:g} s to lay out the drawing and was stopped; "
            "draw part of it with --focus ID --depth N, or give more --timeout"
        ) from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LayoutError(f"dot failed: {reason[0] if reason else f'exit {done.returncode}'}")
    return done.stdout


def export_view(view: View, fmt: str, path: Path | None = None, *,
                timeout: float = DEFAULT_TIMEOUT_SECONDS) -> bytes:
    """A view drawn in `fmt`; laid-out formats refuse views over the node limit."""
    if fmt != "dot":
        check_layout_size(view)
    return render(to_dot(view), fmt, path, timeout=timeout)


def svg_markup(svg: bytes) -> str:
    """An SVG drawing without its XML prologue, ready to inline in HTML."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
