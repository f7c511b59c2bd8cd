"""Writing an output file so that nothing is lost, overwritten or left half-written.

- An output that is one of the inputs (the same file by its resolved path or its inode,
  through a link or another spelling of the path) is refused before anything is read.
- A regular file is written to a temporary file beside it and renamed into place once
  complete, so a failure or a kill leaves the old file untouched; a symbolic link is
  followed and its target replaced, the link kept; an existing file keeps its mode.
- A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written to
  directly: renaming over it would replace the device with a file.
- Temporary files are named `.unterm.PID.RANDOM.part`, whatever the output's name (a
  legal 255-byte name leaves no room for a longer temporary one); a run removes the ones
  a killed run left, whose process is gone.
- Every OS error is an OutputError naming the file and what went wrong (a read-only or
  full disk, a folder where a file is wanted).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from unterm.errors import OutputError

_PART = ".unterm."
_STOP: list[int] = []  # the signal that asked the run to stop, once one has


class Stopped(BaseException):
    """A signal asked the run to stop: a BaseException, so that nothing on the way (the
    command-line library included) takes it for an error it handles."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class ReaderGone(BaseException):
    """Standard output's reader closed it before the end (`unterm align ... | head`): the
    reader has what it wanted, which is no error. A BaseException, so that the
    command-line library does not take it for a failed write (click ends a broken pipe
    with status 1)."""


def request_stop(signum: int) -> None:
    """Note that a signal asked the run to stop, and stop it (the signal handler's work).
    The exception can be lost where it strikes inside a finaliser; the note is not: no
    output is renamed into place after it (`stop_requested`)."""
    _STOP.append(signum)
    raise Stopped(signum)


def stop_requested() -> int | None:
    """The signal that asked the run to stop, if one has."""
    return _STOP[0] if _STOP else None


def _check_stop() -> None:
    if _STOP:
        raise Stopped(_STOP[0])


def write_file(path: Path, write: Callable[[BinaryIO], None], inputs: Iterable[Path | str] = ()) -> None:
    """Call `write` on a stream that ends up as the file `path` (see the module
    docstring); OutputError for an output that is an input or that cannot be written."""
    refuse_inputs(path, inputs)
    target = Path(os.path.realpath(path))  # a symbolic link is followed, the link kept
    existing = _stat(target)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"{path}: is a folder: give a file name to write to")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(path, target, write)  # a device or a pipe: renaming would replace it
        return
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{path}: cannot be written (a part of the path is not a folder)") from None
    except OSError as err:
        raise OutputError(f"{path}: its folder cannot be made ({_reason(err)})") from None
    remove_stale_parts(folder)
    tmp = folder / f"{_PART}{os.getpid()}.{uuid.uuid4().hex[:8]}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # less the umask
        with os.fdopen(fd, "wb") as out:
            write(out)
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))  # an existing file keeps its mode
        _check_stop()
        os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({_reason(err)})") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_files(
    paths: Sequence[Path], write: Callable[[list[BinaryIO]], None], inputs: Iterable[Path | str] = ()
) -> None:
    """Write several files together (a Moses pair and its ids), all or none: each to a
    temporary file beside it, all renamed into place once `write` is done with them."""
    sources = list(inputs)
    targets = []
    for path in paths:
        refuse_inputs(path, sources)
        target = Path(os.path.realpath(path))
        if target.is_dir():
            raise OutputError(f"{path}: is a folder: give a file name to write to")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"{path}: its folder cannot be made ({_reason(err)})") from None
        remove_stale_parts(target.parent)
        targets.append(target)
    temps = [t.parent / f"{_PART}{os.getpid()}.{uuid.uuid4().hex[:8]}.part" for t in targets]
    streams: list[BinaryIO] = []
    try:
        try:
            streams = [open(t, "xb") for t in temps]  # noqa: SIM115 - closed below, all together
            write(streams)
        finally:
            for stream in streams:
                stream.close()
        _check_stop()
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"{paths[0]}: cannot be written ({_reason(err)})") from None
    finally:
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def refuse_inputs(path: Path | str, inputs: Iterable[Path | str]) -> None:
    """OutputError when the output is one of the inputs: writing it would destroy them."""
    out = _stat(Path(path))
    real = os.path.realpath(path)
    for source in inputs:
        if os.path.realpath(source) == real:
            raise OutputError(f"{path}: is one of the inputs; give another output file")
        seen = _stat(Path(source))
        if out is not None and seen is not None and (out.st_dev, out.st_ino) == (seen.st_dev, seen.st_ino):
            raise OutputError(f"{path}: is the same file as the input {source}; give another output file")


def remove_stale_parts(folder: Path) -> None:
    """Remove the temporary files a killed unterm run left in a folder (those whose
    process is gone)."""
    try:
        names = [p for p in folder.iterdir() if p.name.startswith(_PART) and p.name.endswith(".part")]
    except OSError:
        return
    for part in names:
        pid = part.name[len(_PART) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                part.unlink()


def _write_through(path: Path, target: Path, write: Callable[[BinaryIO], None]) -> None:
    try:
        with open(target, "wb") as out:
            write(out)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({_reason(err)})") from None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _alive_on_windows(pid: int) -> bool:
    """Whether a process runs, asked of Windows itself: there `os.kill(pid, 0)` would send
    the process group a Ctrl-C (signal 0 is CTRL_C_EVENT), not test for the process."""
    if sys.platform != "win32":
        raise NotImplementedError
    import ctypes

    kernel = ctypes.windll.kernel32
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if handle:
        kernel.CloseHandle(handle)
        return True
    return bool(kernel.GetLastError() == 5)  # ERROR_ACCESS_DENIED: another user's process


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOENT: "its folder does not exist",
}


def _reason(err: OSError) -> str:
    return _REASONS.get(err.errno or 0, err.strerror or str(err) or type(err).__name__)
