"""Progress of a long run on stderr, drawn by rich: pairs (or chunks) done with their rate
and the time left, or, for one long step whose length is not known beforehand, what it
does and for how long so far. Only where stderr is a terminal (a log file or a pipe gets
the summary alone) and never with --quiet; the bar is gone when the run ends, so that
the summary line is all that stays on the screen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

T = TypeVar("T")


def shown(stream: TextIO, quiet: bool) -> bool:
    """Whether progress is drawn: not quiet, and the stream a terminal."""
    if quiet:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _console(stream: TextIO) -> Any:
    from rich.console import Console

    return Console(file=stream, stderr=stream is sys.stderr, highlight=False)


class Bar:
    """A bar of `total` items (`unit`: pairs, chunks) with the count, the rate and the
    time left; nothing where progress is not shown."""

    def __init__(
        self, total: int, what: str, unit: str, *, quiet: bool = False, stream: TextIO | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self._live: Any = None
        self._task: Any = None
        if not shown(self.stream, quiet) or total <= 0:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._live = Progress(
            TextColumn("unterm: {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=_console(self.stream),
            transient=True,
        )
        self._unit = unit
        self._live.start()
        self._task = self._live.add_task(what, total=total, rate="")

    def advance(self, n: int = 1) -> None:
        if self._live is None:
            return
        self._live.advance(self._task, n)
        speed = self._live.tasks[0].speed
        self._live.update(self._task, rate=f"{speed:.1f} {self._unit}/s" if speed else "")

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None


class Passes:
    """Term mining's passes over a corpus's chunks: a bar per pass, named as the pass
    (`counting pairs`), over its chunks."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet, self.stream, self.what = quiet, stream or sys.stderr, "mining"

    def say(self, what: str) -> None:
        self.what = what

    def over(self, items: Iterable[T], total: int) -> Iterator[T]:
        bar = Bar(total, self.what, "chunks", quiet=self.quiet, stream=self.stream)
        try:
            for item in items:
                yield item
                bar.advance()
        finally:
            bar.close()


@contextmanager
def working(what: str, *, quiet: bool = False, stream: TextIO | None = None) -> Iterator[None]:
    """One long step whose length is not known beforehand (the checks of one document):
    what it does and the time so far, while it runs."""
    out = stream or sys.stderr
    if not shown(out, quiet):
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("unterm: {task.description}"),
        TimeElapsedColumn(),
        console=_console(out),
        transient=True,
    ) as live:
        live.add_task(what, total=None)
        yield
