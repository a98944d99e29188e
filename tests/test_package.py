"""The package a user installs.

The sdist holds what the tests need; the wheel holds the whole package and
says what it needs; and the wheel, installed in a fresh virtual environment
outside the repository, runs every command the documentation lists
(docs/cli.md).

Built once per test session with no network: `python -m build --no-isolation`
with the build tools of the `test` extra, from a copy of the project (so the
checkout is not written to while other tests run). The fresh environment is
made with `venv --without-pip`, and this environment's pip installs the wheel
into it (`pip --python`, `--no-index --no-deps`). Its dependencies are not
downloaded: a folder of links to the installed distributions the wheel
requires, and what those require (no extras), is named in a `.pth` file. So
the environment sees the wheel and its run-time dependencies and nothing
else: not the checkout, not the test extra (a run-time import of jsonschema
would fail there), and `pip check` holds the versions to the wheel's bounds.
"""

from __future__ import annotations

import email
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pexpect
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
SDIST_TREES = ("raci", "tests", "scripts", "benchmarks", "docs", "sample_orgs", "schemas")
SDIST_FILES = {"README.md", "README.nl.md", "CHANGELOG.md", "LICENSE", "Makefile",
               "pyproject.toml", "mkdocs.yml", "babel.cfg", ".ci/run", ".pre-commit-hooks.yaml"}
NOT_SHIPPED = {"__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache",
               "node_modules"}
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "*.db",
                                    "*.pyc", "*.mo", ".import_linter_cache", *NOT_SHIPPED)
COMPILED_CATALOGUES = {f"raci/locale/nl/LC_MESSAGES/{domain}.mo" for domain in ("raci", "rules")}
"""Compiled by the build from the .po beside each; never in the repository or the
sdist. Without them `--lang nl` speaks English (and says so)."""


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    source = tmp_path_factory.mktemp("source") / "raci"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_COPIED)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [sdist], [wheel] = out.glob("*.tar.gz"), out.glob("*.whl")
    return Built(sdist, wheel)


def project_files(top: Path) -> Iterator[str]:
    """The files under `top` (a symlinked folder read through), relative to the root."""
    for folder, folders, files in os.walk(top, followlinks=True):
        folders[:] = [name for name in folders if name not in NOT_SHIPPED]
        for name in files:
            if not name.endswith((".pyc", ".db", ".mo")):
                yield (Path(folder) / name).relative_to(ROOT).as_posix()


# ---- what the sdist and the wheel hold -------------------------------------------------


def test_the_sdist_holds_what_the_tests_need(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        members = {member.name.split("/", 1)[1] for member in sdist.getmembers()
                   if member.isfile() and "/" in member.name}
    expected = SDIST_FILES | {path for top in SDIST_TREES for path in project_files(ROOT / top)}
    assert sorted(expected - members) == []
    assert "tests/__snapshots__" in {path.rsplit("/", 2)[0] for path in members}
    assert [path for path in members if path.endswith((".pyc", ".db", ".mo"))] == []


def test_the_wheel_holds_the_package_and_says_what_it_needs(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(wheel.read(f"{info}/METADATA"))
        scripts = wheel.read(f"{info}/entry_points.txt").decode()
    assert set(project_files(ROOT / "raci")) <= names  # modules, schemas, samples, styles
    assert names >= COMPILED_CATALOGUES
    assert {name.split("/")[0] for name in names} == {"raci", info}
    assert "raci = raci.cli:main" in scripts
    requires = meta.get_all("Requires-Dist")
    jsonschema = [r for r in requires if r.startswith("jsonschema")]
    assert jsonschema == ['jsonschema>=4.23; extra == "test"']
    bounded = {Requirement(r).name: str(Requirement(r).specifier) for r in requires
               if "extra" not in r}
    assert "<9" in bounded["textual"] and "<0.2" in bounded["yaml-rs"]
    assert meta["License-Expression"] == "MIT" and f"{info}/licenses/LICENSE" in names
    assert "Programming Language :: Python :: 3.11" in meta.get_all("Classifier")
    assert "Natural Language :: Dutch" in meta.get_all("Classifier")


def test_the_changelog_names_no_version_the_package_is_not() -> None:
    """The newest heading is `## Unreleased` (no number the package does not
    carry) or the package's version; each release's sections come once."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.split(r"^## ", text, flags=re.M)[1:]
    assert releases[0].split("\n", 1)[0] in ("Unreleased", version)
    for release in releases:
        sections = re.findall(r"^### (.+)$", release, flags=re.M)
        assert len(sections) == len(set(sections)), sections
        assert not {"Commands", "Command line"} <= set(sections)


def test_the_docs_install_what_exists_on_a_python_the_package_names() -> None:
    """No public package: no doc says `pip install raci`; the CI recipe's Python
    is one the classifiers name (the one the tests run on), and allowed."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tested = f"{sys.version_info.major}.{sys.version_info.minor}"
    named = {c.rsplit(" :: ", 1)[1] for c in project["classifiers"]
             if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert tested in named and SpecifierSet(project["requires-python"]).contains(tested)
    assert "urls" not in project  # nothing public to point at yet (getting-started.md)
    pages = [ROOT / "README.md", ROOT / "README.nl.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"pip install '?raci(?![-\w.])", text), page.name
        for version in re.findall(r"python-version: \"([\d.]+)\"", text):
            assert version in named, f"{page.name}: Python {version}"


# ---- the wheel, installed outside the repository ---------------------------------------------


@dataclass
class Installed:
    """A fresh environment holding the wheel, and the commands run in it."""

    venv: Path
    work: Path
    env: dict[str, str]
    ran: list[tuple[str, ...]] = field(default_factory=list)

    def raci(self, *args: str | Path, codes: tuple[int, ...] = (0,), answers: str = "") -> str:
        """Run the installed `raci` in the work folder, `answers` its standard
        input; what it printed."""
        words = tuple(map(str, args))
        done = subprocess.run([str(self.venv / "bin" / "raci"), *words], cwd=self.work,
                              env=self.env, capture_output=True, text=True, timeout=300,
                              input=answers)
        assert done.returncode in codes, f"raci {' '.join(words)}: exit {done.returncode}: " \
                                         f"{done.stderr[-2000:]}"
        self.ran.append(words)
        return done.stdout

    @property
    def samples(self) -> Path:
        return self.site_packages / "raci" / "sample_orgs"

    @property
    def site_packages(self) -> Path:
        version = f"python{sys.version_info.major}.{sys.version_info.minor}"
        return self.venv / "lib" / version / "site-packages"


def runtime_distributions(requirements: list[str]) -> dict[str, metadata.Distribution]:
    """The installed distributions `requirements` need, and what those need
    (extras only where asked for), each checked against its bounds."""
    found: dict[str, metadata.Distribution] = {}
    seen: set[tuple[str, str]] = set()
    todo = [(Requirement(text), "") for text in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        dist = found.get(name) or metadata.distribution(requirement.name)
        assert requirement.specifier.contains(dist.version, prereleases=True), \
            f"{requirement} is not met by the installed {dist.version}"
        found[name] = dist
        for wanted in ("", *requirement.extras):
            if (name, wanted) not in seen:
                seen.add((name, wanted))
                todo += [(Requirement(text), wanted) for text in dist.requires or []]
    return found


def link_distributions(dists: list[metadata.Distribution], folder: Path) -> None:
    """Link each distribution's packages, modules and metadata into `folder`."""
    folder.mkdir()
    for dist in dists:
        base = Path(str(dist.locate_file("")))
        for top in {file.parts[0] for file in dist.files or [] if file.parts[0] != ".."}:
            if not (folder / top).exists():
                (folder / top).symlink_to(base / top)


@pytest.fixture(scope="session")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    home = tmp_path_factory.mktemp("installed")
    venv, work = home / "venv", home / "work"
    work.mkdir()
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    with zipfile.ZipFile(built.wheel) as wheel:
        info = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        requires = email.message_from_bytes(wheel.read(info)).get_all("Requires-Dist")
    link_distributions(list(runtime_distributions(requires).values()), home / "dependencies")
    path = [p for p in os.environ["PATH"].split(os.pathsep) if str(ROOT) not in p]
    env = {**{k: v for k, v in os.environ.items()
              if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")},
           "PATH": os.pathsep.join([str(venv / "bin"), *path]), "COLUMNS": "100"}
    place = Installed(venv, work, env)
    (place.site_packages / "dependencies.pth").write_text(f"{home / 'dependencies'}\n")
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python")]
    done = subprocess.run([*pip, "install", "--no-index", "--no-deps", str(built.wheel)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    checked = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return place


def test_the_installed_wheel_is_alone_with_its_dependencies(installed: Installed) -> None:
    where = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c",
         "import raci, importlib.util as u; print(raci.__file__); "
         "print(u.find_spec('jsonschema'), u.find_spec('pytest'))"],
        cwd=installed.work, env=installed.env, capture_output=True, text=True, check=True)
    module, missing = where.stdout.splitlines()
    assert Path(module).is_relative_to(installed.site_packages)
    assert missing == "None None"  # the test extra is not there
    assert installed.raci("--version").strip().endswith(metadata.version("raci"))
    dutch = installed.raci("--lang", "nl", "--help")
    assert "raci: governance modelleren, controleren en tekenen." in dutch
    assert "Opdrachten:" in dutch and "Toon deze hulptekst en stop." in dutch


def test_the_installed_wheel_runs_every_documented_command(installed: Installed) -> None:
    run_model_commands(installed)
    run_review_commands(installed)
    run_edits(installed)
    run_scenarios(installed)
    run_the_app(installed)
    documented = {f"{words[0]} {words[1]}" if words[0] == "scenario" else words[0]
                  for words in installed.ran}
    assert listed_commands(installed) <= documented


def listed_commands(installed: Installed) -> set[str]:
    """Every command `raci --help` lists, and every `raci scenario` subcommand."""
    def commands(text: str) -> list[str]:
        listing = text.split("Commands:", 1)[1].splitlines()
        return [line.split()[0] for line in listing if line.startswith("  ") and line.split()]

    top = set(commands(installed.raci("--help"))) - {"scenario"}  # a group: its commands count
    return {*top, *(f"scenario {name}" for name in commands(installed.raci("scenario", "--help")))}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_readme_example_prints_what_it_shows_from_the_installed_wheel(
        installed: Installed) -> None:
    """The console block of the README's "What it does", run line by line in
    an empty folder with the installed raci: each command prints (on stdout
    and stderr) the lines shown under it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## What it does", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    steps = re.split(r"^\$ ", block, flags=re.M)[1:]
    assert len(steps) >= 2
    folder = installed.work / "readme"
    folder.mkdir()
    for step in steps:
        command, *shown = step.rstrip("\n").split("\n")
        words = shlex.split(command, comments=True)
        assert words[0] == "raci", command
        done = subprocess.run([str(installed.venv / "bin" / "raci"), *words[1:]], cwd=folder,
                              env=installed.env, capture_output=True, text=True, timeout=300)
        assert done.returncode in (0, 1), done.stderr
        assert (done.stderr + done.stdout).splitlines() == shown, command


def run_model_commands(installed: Installed) -> None:
    raci, samples = installed.raci, installed.samples
    raci("new", "leeg.db", "--name", "Leeg")
    raci("import", samples / "energietransitie.yaml", "--into", "vego.db")
    raci("import", samples / "res-noordkust-leden.xlsx", "--into", "res.db")
    raci("import", samples / "res-noordkust-matrix.xlsx", "--into", "res.db")
    raci("export", "vego.db", "-o", "vego.yaml")
    assert (installed.work / "raci-model.schema.json").read_text(encoding="utf-8") == \
        raci("schema")
    raci("export", "res.db", "-o", "res.xlsx")
    assert "ok (129 entities" in raci("validate", "vego.yaml")
    assert raci("generate", "--size", "small", "-o", "small.yaml") == ""  # said on stderr
    assert (installed.work / "small.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=raci-model.schema.json\n")


def run_review_commands(installed: Installed) -> None:
    raci = installed.raci
    findings = json.loads(raci("lint", "vego.db", "--format", "json", codes=(1,)))
    assert findings["summary"]["error"] > 0
    assert "OWN002" in raci("rules") and "OWN002" in raci("rules", "OWN002")
    assert "Findings resolved" not in raci("diff", "vego.yaml", "vego.db")
    raci("diagram", "vego.db", "--view", "bodies", "-o", "bodies.svg")
    assert (installed.work / "bodies.svg").read_text(encoding="utf-8").lstrip().startswith("<")
    assert "Accountable" in raci("matrix", "vego.db", "--layout", "list")
    raci("report", "vego.db", "-o", "review.html")
    assert "<html" in (installed.work / "review.html").read_text(encoding="utf-8")
    assert "findings with suggestions" in raci("lint", "vego.db", "--suggest", codes=(1,))
    minutes = raci("review", "vego.db", "--author", "Tester", "--scenario", "pilot",
                   answers="a\nAccepted for the pilot\n\nq\n")
    assert "Accepted for the pilot" in minutes and "Tester" in minutes
    raci("scenario", "drop", "vego.db", "pilot")
    assert "_raci_completion" in raci("completion", "bash")


def run_edits(installed: Installed) -> None:
    raci = installed.raci
    raci("add", "vego.db", "person", "p.bakker", "--name", "Eva Bakker")
    raci("set", "vego.db", "p.bakker", "capacity_fte=0.8")
    raci("assign", "vego.db", "g.co2-gebouwen", "R", "p.bakker")
    raci("unassign", "vego.db", "g.co2-gebouwen", "p.bakker")
    raci("rename", "vego.db", "p.bakker", "p.bakker-de-vries")
    raci("rm", "vego.db", "p.bakker-de-vries")


def run_scenarios(installed: Installed) -> None:
    raci = installed.raci
    raci("scenario", "new", "vego.db", "een-netoverleg")
    raci("scenario", "merge", "vego.db", "een-netoverleg", "tf-netcongestie",
         "--into", "bo-netcapaciteit", "--chair", "r.gedep-gld")
    raci("scenario", "new", "vego.db", "proef")
    raci("scenario", "move-a", "vego.db", "proef", "g.co2-gebouwen", "r.dg-ke", "--former", "C")
    raci("scenario", "retire", "vego.db", "proef", "tf-netcongestie")
    raci("scenario", "remove-person", "vego.db", "proef", "p.hoekstra")
    raci("scenario", "undo", "vego.db", "proef")
    assert "Findings resolved" in raci("scenario", "show", "vego.db", "een-netoverleg")
    raci("scenario", "compare", "vego.db", "een-netoverleg", "proef")
    raci("scenario", "apply", "vego.db", "een-netoverleg")
    raci("scenario", "drop", "vego.db", "proef")
    assert "has no scenarios" in raci("scenario", "list", "vego.db")


def run_the_app(installed: Installed) -> None:
    """`raci demo` and `raci edit` in a real terminal: the model shows, ctrl+q
    quits; `raci serve` prints its address, ctrl+c stops it."""
    port = free_port()
    server = pexpect.spawn(str(installed.venv / "bin" / "raci"),
                           ["serve", "vego.db", "--port", str(port)], cwd=str(installed.work),
                           env=installed.env, encoding="utf-8", timeout=60)
    server.expect(f"http://127.0.0.1:{port}/")
    server.sendintr()
    server.expect(pexpect.EOF)
    server.close()
    installed.ran.append(("serve", "vego.db"))
    for args in (["demo"], ["edit", "vego.db"]):
        app = pexpect.spawn(str(installed.venv / "bin" / "raci"), args, cwd=str(installed.work),
                            env={**installed.env, "TERM": "xterm-256color"},
                            dimensions=(40, 120), encoding="utf-8", timeout=60)
        app.expect("Energietransitie")
        app.expect("Findings")
        app.sendcontrol("q")
        app.expect(pexpect.EOF)
        app.close()
        assert app.exitstatus == 0
        installed.ran.append(tuple(args))
