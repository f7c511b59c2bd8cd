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

from unterm.outputs import Stopped, request_stop, stop_requested


def _stop(signum: int, frame: FrameType | None) -> None:
    request_stop(signum)


def _unraisable(args: sys.UnraisableHookArgs) -> None:
    """A stop that struck inside a finaliser (a library's `__del__`) is lost there, and
    Python would print it as "Exception ignored" with a traceback. Its note is kept
    (outputs.request_stop), so the run stops at its next output, which it never renames
    into place; nothing needs printing."""
    if not isinstance(args.exc_value, Stopped):
        sys.__unraisablehook__(args)


def main() -> None:
    """Entry point of the `unterm` console script."""
    sys.unraisablehook = _unraisable
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        from unterm.cli import main as run

        run()
    except (Stopped, SystemExit) as end:
        signum = stop_requested()
        if signum is None:
            raise
        if isinstance(end, SystemExit) and end.code in (0, 1):
            raise  # the run was complete when the signal came: its outputs are whole
        signal.signal(signum, signal.SIG_IGN)
        name = signal.Signals(signum).name
        print(f"unterm: stopped by {name}; nothing was left half-written", file=sys.stderr)
        sys.exit(128 + signum)


if __name__ == "__main__":
    main()
