"""Shell completion as bash, zsh and fish run it: the script `raci completion
SHELL` prints, sourced in a real bash (filling COMPREPLY for what a user has
typed), a real zsh (its completion builtins standing in to print what they
are given) or a real fish (asked with ``complete -C``). .ci/run installs the
three shells: under CI a missing one fails its test."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser import require_program
from conftest import SAMPLE
from test_lint_support import run_raci

from raci.lint.rules import RULES

BIN = Path(sys.executable).parent


ZSH_STAND_INS = """
compdef() { : }
_describe() { printf '%s\\n' "${(@P)3}" }
compadd() { printf '%s\\n' "${(@P)5}" }
_path_files() { print '<files>' }
"""
"""zsh's completion system, replaced by functions that print what the
script hands it: "value:description", a bare value, or ``<files>``."""


@functools.cache
def script(shell: str) -> str:
    return subprocess.run([BIN / "raci", "completion", shell], capture_output=True,
                          text=True, check=True).stdout


def completed(line: str, cwd: Path, shell: str = "bash", lang: str = "en") -> list[str]:
    """What `shell` offers at the end of `line` (a trailing space: a new word)."""
    words = line.split() + ([""] if line.endswith(" ") else [])
    quoted = " ".join(f"'{word}'" for word in words)
    if shell == "bash":
        run = (f'{script(shell)}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n'
               '_raci_completion raci; printf "%s\\n" "${COMPREPLY[@]}"')
    elif shell == "fish":
        run = f"{script(shell)}\ncomplete -C '{line}'"
    else:
        run = (f"{ZSH_STAND_INS}\n{script(shell)}\nwords=({quoted}); "
               f"CURRENT={len(words)}\n_raci_completion")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "RACI_LANG": lang}
    result = subprocess.run([require_program(shell), "-c", run], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completes_commands_rule_codes_samples_and_ids(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "org.yaml")
    assert completed("raci li", tmp_path) == ["lint"]
    assert {"lint", "edit", "diagram", "completion"} <= set(completed("raci ", tmp_path))
    assert completed("raci rules OWN00", tmp_path) == [
        r.code for r in RULES if r.code.startswith("OWN00")]
    assert completed("raci lint org.yaml --select OWN001,BOD00", tmp_path) == [
        f"OWN001,{r.code}" for r in RULES if r.code.startswith("BOD00")]
    assert "energietransitie" in completed("raci demo --sample ", tmp_path)
    items = completed("raci assign org.yaml g.w", tmp_path)
    assert items == ["g.wijkaanpak", "g.warmtenetten", "g.waterstof"]
    assert completed("raci diagram org.yaml --view bodies --focus sg-", tmp_path) == ["sg-vego"]
    assert completed("raci matrix --format csv org.yaml --scope sg-", tmp_path) == ["sg-vego"]
    assert completed("raci --deb", tmp_path) == ["--debug"]
    # completing never runs the implicit `raci edit`: no app, no org.db made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


def test_lang_completes_its_languages_anywhere_on_the_line(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "org.yaml")
    assert completed("raci lint org.yaml --lang ", tmp_path) == ["en", "nl"]
    assert completed("raci --lang n", tmp_path) == ["nl"]
    # the language chosen is no MODEL: the ids are still those of org.yaml
    assert completed("raci assign --lang nl org.yaml g.wi", tmp_path) == ["g.wijkaanpak"]


def test_zsh_completes_with_what_each_does_in_the_users_language(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "org.yaml")
    english = completed("raci ", tmp_path, "zsh")
    assert "lint:Lint models for governance weaknesses (see..." in english, english
    assert "lint:Controleer modellen op zwakke plekken in..." in completed(
        "raci ", tmp_path, "zsh", lang="nl")
    assert "--format:Output format." in completed("raci lint org.yaml --f", tmp_path, "zsh")
    dutch = completed("raci lint org.yaml --f", tmp_path, "zsh", lang="nl")
    assert "--format:Uitvoerformaat." in dutch and "--fail-on:Eindig met exitcode 1 bij" \
        " een bevinding op of boven dit niveau (standaard: warning)." in dutch
    assert completed("raci --lang nl scenario c", tmp_path, "zsh")[0].startswith(
        "compare:Vergelijk scenario's A en B")
    assert completed("raci lint ", tmp_path, "zsh") == ["<files>"]
    assert completed("raci assign org.yaml g.wi", tmp_path, "zsh") == ["g.wijkaanpak:goal"]
    assert completed("raci lint org.yaml --lang ", tmp_path, "zsh") == ["en", "nl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


def test_fish_completes_rule_codes_views_and_ids_with_what_each_is(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "org.yaml")
    assert completed("raci rules OWN00", tmp_path, "fish") == [
        f"{r.code}\t{r.name}" for r in RULES if r.code.startswith("OWN00")]
    assert completed("raci lint org.yaml --select OWN001,BOD00", tmp_path, "fish") == [
        f"OWN001,{r.code}\t{r.name}" for r in RULES if r.code.startswith("BOD00")]
    assert "raci" in completed("raci diagram org.yaml --view ", tmp_path, "fish")
    assert completed("raci assign org.yaml g.wi", tmp_path, "fish") == ["g.wijkaanpak\tgoal"]
    assert completed("raci li", tmp_path, "fish") == [
        "lint\tLint models for governance weaknesses (see..."]
    assert completed("raci li", tmp_path, "fish", lang="nl") == [
        "lint\tControleer modellen op zwakke plekken in..."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


def test_completing_ids_of_a_model_that_cannot_be_read_offers_nothing(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("raci: 1\norg: [\n")
    assert completed("raci rm broken.yaml x", tmp_path) == []
    assert completed("raci rm nergens.db x", tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_an_unknown_shell_is_refused_by_the_argument_s_name(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_raci(capsys, "completion", "tcsh")
    assert code == 2
    assert err.startswith("raci: Invalid value for 'SHELL': 'tcsh' is not one of 'bash', "), err
