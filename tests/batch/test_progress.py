"""Progress on stderr: on a terminal a bar with the count, the rate and the time left; on
a file or a pipe nothing but the summary; with --quiet nothing."""

from __future__ import annotations

import io
import time

import regex

from unterm.batch.progress import Passes, working
from unterm.batch.run import Progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr is in a shell."""

    def isatty(self) -> bool:
        return True


def _plain(text: str) -> str:
    return regex.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


def test_a_bar_with_rate_and_time_left_on_a_terminal() -> None:
    stream = Terminal()
    progress = Progress(20, stream=stream)
    for k in range(20):
        time.sleep(0.01)
        progress.step(failed=k == 3)
    assert progress.summary().startswith("19 pair(s) done, 1 failed")
    shown = _plain(stream.getvalue())
    assert regex.search(
        r"unterm: pairs .* (1\d|20)/20 [\d.]+ pairs/s \d:\d\d:\d\d ETA \d:\d\d:\d\d", shown
    ), shown


def test_nothing_on_a_file_or_a_pipe_and_nothing_when_quiet() -> None:
    for stream, quiet in ((io.StringIO(), False), (Terminal(), True)):
        progress = Progress(300, stream=stream, quiet=quiet)
        for _ in range(300):
            progress.step()
        progress.summary()
        assert stream.getvalue() == ""


def test_mining_passes_each_have_a_bar() -> None:
    stream = Terminal()
    passes = Passes(stream=stream)
    passes.say("counting pairs")
    assert list(passes.over(iter(range(5)), 5)) == [0, 1, 2, 3, 4]
    assert "unterm: counting pairs" in _plain(stream.getvalue()) and "5/5" in _plain(stream.getvalue())
    quiet = Terminal()
    assert (
        list(Passes(quiet=True, stream=quiet).over(iter(range(3)), 3)) == [0, 1, 2] and quiet.getvalue() == ""
    )


def test_a_long_step_says_what_it_does_and_for_how_long() -> None:
    stream = Terminal()
    with working("checking 120 pairs", stream=stream):
        time.sleep(0.3)
    assert regex.search(r"unterm: checking 120 pairs \d:\d\d:\d\d", _plain(stream.getvalue()))
    piped = io.StringIO()
    with working("checking 120 pairs", stream=piped):
        pass
    assert piped.getvalue() == ""
