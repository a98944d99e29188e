"""Files written whole, and where a name is no plain file: a link, a pipe, a
device, a descriptor raci holds open. Light (the standard library alone),
so that `raci lint -o` writes its findings as `raci export` writes a model
file without importing the model file readers."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from raci.errors import RaciError
from raci.i18n import _, os_reason

MOST_LINKS = 40
"""Links followed to find what a path names, as Linux follows at most 40."""
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
"""Why a write fails when the disk (or the user's share of it) has no room."""


def write_file_whole(path: Path, content: str | bytes, what: str | None = None) -> None:
    """Replace `path` by `content` (text is written as UTF-8) atomically: a
    temporary file beside it, then a rename, keeping the mode of the file
    replaced; RaciError if it cannot, naming `what` it is (the file).

    A symbolic link is followed: the file it names is replaced, and the link
    stays. A device, pipe or socket (``-o /dev/null``) would be destroyed by
    a rename: it is written to in place, as the shell's ``>`` does. So is a
    descriptor raci was given open (``-o /dev/stdout > out.yaml``): the
    file the shell opened is written through it, where it stands (after
    what ``>> log`` holds), not replaced by another.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if is_special_file(path) or open_descriptor(path) is not None:
            write_in_place(path, data)
        else:
            _replace_whole(path.resolve(), data)
    except BrokenPipeError:  # the reader had what it wanted (`| head`): the caller's to end
        raise
    except OSError as error:
        # Not a ModelFileError: nothing is wrong with a model file, and the
        # command line prefixes this one with "raci:" like its other writers.
        raise RaciError(_("{file}: cannot write {what}: {reason}").format(
            file=path, what=what or _("the file"), reason=os_reason(error))) from None


def write_in_place(path: Path, data: bytes) -> None:
    """Write `data` into `path` as the shell's ``>`` does: through the
    descriptor `path` names if raci holds it open (``-o /dev/stdout >> log``
    writes after what the log holds), else into what is there, emptied."""
    descriptor = open_descriptor(path)
    if descriptor is None:
        path.write_bytes(data)
        return
    with open(descriptor, "wb", closefd=False) as out:
        out.write(data)


def is_special_file(path: Path) -> bool:
    """Whether `path` names (through any links) a device, pipe or socket."""
    try:
        mode = path.stat().st_mode
    except OSError:  # nothing there yet, or a link to nothing: a file is made
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def open_descriptor(path: Path) -> int | None:
    """The descriptor this process holds open that `path` names through its
    links (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``), if any.
    Such a name's last link (``/proc/self/fd/1`` -> ``/home/u/out.yaml``)
    names a file only as it was opened: it may since have moved or gone."""
    descriptors = Path(f"/proc/{os.getpid()}/fd")
    for _link in range(MOST_LINKS):
        folder = Path(os.path.realpath(path.parent))
        if folder == descriptors and path.name.isdigit():
            return int(path.name)
        try:
            path = folder / os.readlink(path)
        except OSError:  # not a link, or nothing there
            return None
    return None


def _replace_whole(path: Path, data: bytes) -> None:
    # mkstemp makes the file private; keep the mode of the file replaced.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError:
        os.unlink(temporary)
        raise


@contextmanager
def temporary_folder(prefix: str, what: str) -> Iterator[Path]:
    """A folder for `what` raci writes for a moment (Graphviz's files, the
    report's page, Chromium's profile), removed afterwards. A full disk where
    it is made (TMPDIR) is the user's to mend: one line, not a traceback."""
    folder = new_temporary_folder(prefix, what)
    try:
        yield folder
    except OSError as error:
        if error.errno not in FULL:
            raise
        raise temporary_folder_error(what, error) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def new_temporary_folder(prefix: str, what: str) -> Path:
    """A new folder in TMPDIR that stays (`raci demo`'s database), or a
    one-line error saying where it could not be made and what to do."""
    try:
        return Path(tempfile.mkdtemp(prefix=prefix))
    except OSError as error:
        raise temporary_folder_error(what, error) from None


def temporary_folder_error(what: str, error: OSError) -> RaciError:
    """Where the temporary files went, why they could not, and the way out."""
    try:
        place = tempfile.gettempdir()
    except OSError:  # no folder raci can write in at all: name the one asked for
        place = os.environ.get("TMPDIR", "/tmp")
    if error.errno in FULL:
        advice = _("free space there or set TMPDIR to a folder with room")
    else:  # missing, or not writable
        advice = _("set TMPDIR to a folder you can write in")
    return RaciError(_("{folder}: cannot write {what}: {reason}; {advice}").format(
        folder=place, what=what, reason=os_reason(error), advice=advice))
