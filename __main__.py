"""The `unterm` command's entry point (and `python -m unterm`): signals first, then the
command line.

SIGINT (Ctrl-C), SIGTERM and SIGHUP stop a run the same way: the output being written is
removed (outputs.write_file), one line says so, and the status is 128 + the signal's
number. The handlers are installed before anything heavy is imported, so that Ctrl-C
during start-up gives no traceback either.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


class Interrupted(BaseException):
    """A signal that stops a run: a BaseException, so that nothing on the way (the
    command-line library included) mistakes it for an error it handles."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Entry point of the `unterm` console script."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        from unterm.cli import main as run

        run()
    except Interrupted as stop:
        signal.signal(stop.signum, signal.SIG_DFL)
        name = signal.Signals(stop.signum).name
        print(f"unterm: stopped by {name}; nothing was left half-written", file=sys.stderr)
        sys.exit(128 + stop.signum)


if __name__ == "__main__":
    main()
