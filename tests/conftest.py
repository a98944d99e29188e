"""Shared fixtures: the command line run in process, and model database URLs
for SQLite and PostgreSQL.

`raci` runs `raci.cli.main` with the given arguments and returns the exit code
and what it printed.

`database` is the app's small model (`apphelp.MODEL_FILE`) in a SQLite file,
`body_owns_a_goal` and `fact_not_recorded` the same with one change each;
`vego` is the bundled sample (`SAMPLE`) imported into the current directory
(imported once a worker, `vego_database`, and written for each test);
`in_dutch` has raci and the app's keys speak Dutch for the test.

`ministry` is the generated ministry model (``raci generate --size
ministry``), made once per worker for the tests that read it and never
change it; `ministry_file` the same written to a JSON file.

`sqlite_url` is a file in the test's temporary directory. `postgres_url` is a
fresh, empty database on the server named by RACI_TEST_POSTGRES_URL (start
one with ``eval "$(scripts/start-test-postgres)"``), dropped after the test.
Without that variable the test is skipped, unless CI is set: CI always
starts a server, so there a missing one fails the test. `store_url` runs a
test once on each backend.

`graphviz_ran` lists the programs a test runs, such as Graphviz's, none of
their runs the process keeps (`raci.export.render.GRAPHVIZ_RUNS`) kept from before.
Every other test shares what Graphviz wrote with the other workers of the run
(`SharedGraphvizRuns`).

`forked` lists the children a test forks (`assert_reaped`: the one it forked
is reaped), `wait_statuses` how each child it waited for ended.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pickle
import runpy
import subprocess
import uuid
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from raci.cli import cli, main
from raci.cli.language import subcommands
from raci.i18n import set_language, speak
from raci.model import Model

SAMPLES = Path(__file__).parent.parent / "raci" / "sample_orgs"
SAMPLE = SAMPLES / "energietransitie.yaml"
"""The bundled sample most tests start from (vego: the energy transition)."""


def every_command(group: click.Group = cli, path: tuple[str, ...] = ()
                  ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Each command of click's tree by its words (``("scenario", "new")``), groups too."""
    for name, command in subcommands(group).items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from every_command(command, (*path, name))


COMMANDS = dict(every_command())
"""Every command of `raci`, by its words after ``raci``."""


@dataclass
class Result:
    code: int
    out: str
    err: str


Raci = Callable[..., Result]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the catalogues as the build does, so that a translation just
    written in a ``.po`` is the one the tests read (once, before the workers)."""
    if not hasattr(session.config, "workerinput"):
        setup = runpy.run_path(str(Path(__file__).parent.parent / "setup.py"),
                               run_name="catalogues")
        setup["compile_catalogues"]()


class SharedGraphvizRuns:
    """What Graphviz wrote, kept in the process (`raci.export.render.GraphvizRuns`)
    and in a folder every worker of the run reads: workers lay out the same
    views (a sample's, on the default page) for tests in different files, each
    taking seconds of `dot`. `raci.export.render._run` keys a run on the
    program found, its arguments, its timeout and its input files, and keeps
    only a run that succeeded."""

    def __init__(self, process: Any, folder: Path) -> None:
        self.process = process
        self.folder = folder

    def file(self, ran: Hashable) -> Path:
        return self.folder / hashlib.sha256(repr(ran).encode()).hexdigest()

    def get(self, ran: Hashable) -> dict[str, bytes] | None:
        written: dict[str, bytes] | None = self.process.get(ran)
        if written is None and self.file(ran).exists():
            written = pickle.loads(self.file(ran).read_bytes())
            self.process.keep(ran, written)
        return written

    def keep(self, ran: Hashable, written: dict[str, bytes]) -> None:
        self.process.keep(ran, written)
        unfinished = self.file(ran).with_suffix(f".{os.getpid()}")
        unfinished.write_bytes(pickle.dumps(written))
        unfinished.replace(self.file(ran))  # whole or not at all to a worker reading it


@pytest.fixture(scope="session", autouse=True)
def graphviz_shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`SharedGraphvizRuns` in a folder of the run's temporary folder (xdist
    makes it the parent of each worker's)."""
    render = importlib.import_module("raci.export.render")  # raci.export.render is a function
    run = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run = run.parent
    folder = run / "graphviz"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "GRAPHVIZ_RUNS", SharedGraphvizRuns(render.GRAPHVIZ_RUNS, folder))
        yield


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """raci speaks English in a test unless the test asks for Dutch, whatever
    the machine's locale; the language a test chose does not outlive it."""
    for variable in ("RACI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    speak("en")


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's settings (its theme) in a folder of the test's own, never the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def raci(capsys: pytest.CaptureFixture[str]) -> Raci:
    def run(*args: str | Path) -> Result:
        with pytest.raises(SystemExit) as stopped:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(int(stopped.value.code or 0), captured.out, captured.err)

    return run


@pytest.fixture
def database(tmp_path: Path) -> Path:
    from apphelp import database_of  # the app's helpers import Textual: only when asked

    return database_of(tmp_path)


@pytest.fixture(scope="session")
def vego_database(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The SQLite file `raci import` makes of the sample, made once a worker:
    the same bytes wherever and whenever it is made."""
    from raci.importing import import_file

    database = tmp_path_factory.mktemp("vego") / "vego.db"
    import_file(SAMPLE, str(database))
    return database.read_bytes()


@pytest.fixture
def vego(tmp_path: Path, vego_database: bytes, monkeypatch: pytest.MonkeyPatch) -> str:
    """vego.db holding the sample (`SAMPLE`), in the current directory."""
    monkeypatch.chdir(tmp_path)
    Path("vego.db").write_bytes(vego_database)
    return "vego.db"


@pytest.fixture
def body_owns_a_goal(tmp_path: Path) -> Path:
    """The app's model with the steering group the Accountable of the top goal:
    OWN003 reports the body, with the goal related."""
    from apphelp import MODEL_FILE, database_of

    return database_of(tmp_path, MODEL_FILE.replace("raci: {A: sg-bzk}", "raci: {A: sg-warmte}"))


@pytest.fixture
def fact_not_recorded(tmp_path: Path) -> Path:
    """The app's model, linted with DAT001 on the edge: one initiative of two
    without success criteria is a fact not recorded."""
    from apphelp import FACTS_ON_THE_EDGE, database_of

    return database_of(tmp_path, config=FACTS_ON_THE_EDGE)


@pytest.fixture
def in_dutch() -> Iterator[None]:
    from raci.tui.language import translate_bindings

    set_language("nl")
    translate_bindings()
    yield
    set_language("en")
    translate_bindings()  # the next app's keys in English again


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'org.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    server = os.environ.get("RACI_TEST_POSTGRES_URL")
    if not server:
        reason = 'RACI_TEST_POSTGRES_URL is not set; run eval "$(scripts/start-test-postgres)"'
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a PostgreSQL server: {reason}")
        pytest.skip(reason)
    url = make_url(server)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    name = f"raci_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty database, once on SQLite and once on PostgreSQL."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def graphviz_ran(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The programs the test runs (`subprocess.run`), in order; no Graphviz
    run the process made before is kept for it (`raci.export.render.GRAPHVIZ_RUNS`)."""
    render = importlib.import_module("raci.export.render")  # raci.export.render is a function
    monkeypatch.setattr(render, "GRAPHVIZ_RUNS", render.GraphvizRuns(render.GRAPHVIZ_KEPT))
    ran: list[str] = []
    run = subprocess.run

    def counted(command: list[str], *args: Any, **kwargs: Any) -> Any:
        ran.append(command[0])
        return run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted)
    return ran


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the children the test forks (`os.fork`), in order."""
    forked: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:  # not in the child
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return forked


def assert_reaped(forked: list[int]) -> None:
    """The one child the test forked (`forked`) is reaped: no such child any more."""
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)


@pytest.fixture
def wait_statuses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How each child the test waits for (`os.waitpid`) ended, in order: its
    wait status (`os.WIFSIGNALED`, `os.WTERMSIG`)."""
    statuses: list[int] = []
    waitpid = os.waitpid

    def recorded(pid: int, options: int) -> tuple[int, int]:
        reaped = waitpid(pid, options)
        statuses.append(reaped[1])
        return reaped

    monkeypatch.setattr(os, "waitpid", recorded)
    return statuses


@pytest.fixture(scope="session")
def ministry() -> Model:
    """The generated ministry model, shared: a test must not change it."""
    from raci.generate import generate_model

    return generate_model("ministry")


@pytest.fixture(scope="session")
def ministry_file(ministry: Model, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`ministry` written to ``ministry.json``, shared: a test must not change it."""
    from raci.formats import write_model

    path = tmp_path_factory.mktemp("ministry") / "ministry.json"
    write_model(ministry, path)
    return path


@pytest.fixture(scope="session")
def pseudo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pseudo-language's compiled catalogues (`tests.pseudo_language`)."""
    from tests.pseudo_language import pseudo_catalogues

    return pseudo_catalogues(tmp_path_factory.mktemp("pseudo"))


@pytest.fixture
def pseudo(pseudo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """raci speaks the pseudo-language as ``nl`` (``--lang nl`` on the command
    line): every translated text between markers, see `tests.pseudo_language`."""
    from tests.pseudo_language import speak_pseudo

    speak_pseudo(monkeypatch, pseudo_folder)
