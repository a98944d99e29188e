"""The documentation: the README's quick start is what the Makefile and CI
run, every command and option has help text and is documented, the site builds with
no broken link, and the layers keep to their contracts."""

from __future__ import annotations

import os
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
import yaml
from conftest import COMMANDS

from raci.cli import cli
from raci.cli.language import subcommands

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


def test_the_quick_start_is_what_make_and_ci_run() -> None:
    quick_start = README[README.index("## Quick start"):]
    quick_start = quick_start[:quick_start.index("\n## ")]
    shown = re.findall(r"```sh\n(.*?)\n```", quick_start, re.S)
    assert shown == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: setup\n\tbash scripts/test$", makefile, re.M)
    ci_steps = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_steps[-1] == "make test"


def test_make_demo_installs_what_the_app_needs_and_make_test_the_tests_needs(
        tmp_path: Path) -> None:
    """`make demo` on a fresh checkout installs raci alone, not the tests'
    extra (pytest, mypy, the docs site); `make test` installs that too."""
    for name in ("Makefile", "pyproject.toml"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())

    # As a make of its own, not one inside `make test` (CI's), which would
    # say the folders it enters and take the outer make's flags.
    alone = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}

    def planned(target: str) -> str:
        return subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True,
                              text=True, check=True, env=alone).stdout

    demo = planned("demo")
    assert "pip install -q -e .\n" in demo and "[test]" not in demo
    assert demo.endswith(".venv/bin/raci demo\n")
    test = planned("test")
    assert "pip install -q -e '.[test]'\n" in test and test.endswith("bash scripts/test\n")


def test_the_readme_links_to_pages_that_exist() -> None:
    links = re.findall(r"\]\((docs/[^)#]+)", README)
    assert links, "the README points to the documentation"
    assert [link for link in links if not (ROOT / link).is_file()] == []


def named(page: str) -> set[tuple[str, ...]]:
    """The commands a page names in code, as ``raci lint`` or a console line
    ``$ raci lint …``; ``raci scenario new\\|list`` names both."""
    found: set[tuple[str, ...]] = set()
    spans = re.findall(r"`raci ([^`]+)`", page) + re.findall(r"^\$ raci (.+)$", page, re.M)
    for span in spans:
        group: click.Command = cli
        path: tuple[str, ...] = ()
        for word in span.split():
            if not isinstance(group, click.Group):
                break
            names = [w for w in re.split(r"\\?\|", word) if w in subcommands(group)]
            found.update((*path, name) for name in names)
            if len(names) != 1:
                break
            path, group = (*path, names[0]), subcommands(group)[names[0]]
    return found


PAGES = {page.relative_to(DOCS).as_posix(): page.read_text(encoding="utf-8")
         for page in sorted(DOCS.rglob("*.md"))}
NAMED = {page: named(text) for page, text in PAGES.items()}


def test_a_page_names_the_commands_it_shows() -> None:
    assert named("`raci lint org.db`, `raci scenario new\\|list`, `raci nothing`\n"
                 "$ raci scenario show org.db plan\n") == {
        ("lint",), ("scenario", "new"), ("scenario", "list"), ("scenario",),
        ("scenario", "show")}


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_and_option_is_documented(path: tuple[str, ...]) -> None:
    """Each command `raci --help` lists, and each subcommand, has help and is in
    docs/cli.md; each of its options is on a page that names the command."""
    command, words = COMMANDS[path], " ".join(("raci", *path))
    assert command.help and command.help.strip(), f"{words} has no help text"
    assert path in NAMED["cli.md"], f"{words} is not in docs/cli.md"
    pages = [page for page, paths in NAMED.items() if path in paths]
    for option in command.params:
        if not isinstance(option, click.Option) or option.hidden or "--help" in option.opts:
            continue
        spelt = re.compile("|".join(rf"(?<![\w-]){re.escape(name)}(?![\w-])"
                                    for name in (*option.opts, *option.secondary_opts)))
        assert any(spelt.search(PAGES[page]) for page in pages), (
            f"{words} {option.opts[-1]} is on no page that names {words}: {pages}")


def test_the_site_builds_with_every_page_and_link(tmp_path: Path) -> None:
    """`mkdocs build --strict` fails on a broken link or anchor, and on a page
    that the navigation leaves out (mkdocs.yml's `validation`)."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_part_of_raci_is_in_an_import_contract() -> None:
    """A module no contract names may import anything (Textual, SQLAlchemy) unseen."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    named = {module for contract in contracts["tool"]["importlinter"]["contracts"]
             for module in contract["source_modules"]}
    parts = {f"raci.{module.name}" for module in pkgutil.iter_modules([str(ROOT / "raci")])}
    assert parts - {"raci.__main__"} <= named


def test_the_pre_commit_recipes_name_a_command_that_runs(raci) -> None:
    lint_page = (DOCS / "lint.md").read_text(encoding="utf-8")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    recipe = re.search(r"# \.pre-commit-config\.yaml\n(.*?)```", lint_page, re.S)
    assert recipe is not None, "docs/lint.md shows a .pre-commit-config.yaml"
    local = yaml.safe_load(recipe.group(1))["repos"][0]["hooks"][0]
    for hook in (hooks[0], local):
        assert hook["id"] == "raci-lint"
        words = hook["entry"].split()
        assert words[0] == "raci" and raci(*words[1:], "--help").code == 0
    assert re.compile(local["files"]).search("governance/org.yaml")



def test_the_pre_commit_hooks_point_to_the_recipe() -> None:
    comment = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").split("\n- ", 1)[0]
    pointed = re.search(r"(docs/[\w/.-]+\.md)#([\w-]+)", comment)
    assert pointed, ".pre-commit-hooks.yaml says where the recipe is"
    page, anchor = pointed.groups()
    assert re.search(rf"^#+ {anchor}$", (ROOT / page).read_text(encoding="utf-8"), re.M | re.I)
    assert "# .pre-commit-config.yaml" in (ROOT / page).read_text(encoding="utf-8")


def test_the_unreadable_drawing_warning_in_the_docs_is_what_raci_says(tmp_path: Path) -> None:
    """docs/diagrams.md shows the warning for the sample's goals view: its
    text size follows every change of the drawing, so it is checked here."""
    page = (DOCS / "diagrams.md").read_text(encoding="utf-8")
    shown = re.search(r"^\$ (raci diagram sample_orgs/energietransitie\.yaml --view goals "
                      r"-o goals\.svg)\n(raci: warning: .*)$", page, re.M)
    assert shown is not None
    raci = str(Path(sys.executable).with_name("raci"))
    args = shown[1].split()[1:]
    args[1] = str(ROOT / "raci" / args[1])
    args[-1] = str(tmp_path / "goals.svg")
    done = subprocess.run([raci, *args], capture_output=True, text=True, timeout=300)
    assert done.stderr.strip() == shown[2]
