"""The `unterm` command: the commands of commands/ put together, the exit statuses, and
no traceback for the user.

Every command exits with one of the statuses of `Status` (README "Exit status"). Set
UNTERM_DEBUG=1 to see a traceback for an unexpected failure.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from unterm.commands import align, index, qa, revision, search, serve, terms
from unterm.commands.common import Status
from unterm.version import __version__

__all__ = ["Status", "app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Align, mine terms from and check Chinese-English United Nations documents.",
)
app.command("align")(align.align)
app.command("terms")(terms.terms)
app.command("qa")(qa.qa)
app.command("revision")(revision.revision)
app.command("index")(index.index)
app.command("search")(search.search)
app.command("serve")(serve.serve)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unterm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Align, mine terms from and check Chinese-English United Nations documents."""


def _flags_take_no_value() -> None:
    """typer's help shows a type after every option, `<bool>` after a flag too, as if it
    took one: a flag shows none."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display  # type: ignore[method-assign]


_flags_take_no_value()  # as the app is built, so that every way of running it shows the same help


def main() -> None:
    """Run the command line (the console script enters through unterm.__main__, which
    handles signals first). The command line runs outside click's standalone mode, which
    would end a run whose reader went away (`unterm align ... -f tmx | head`) with status 1
    and no word: here that is status 0, the reader having what it wanted."""
    from unterm.outputs import ReaderGone

    try:
        status = app(standalone_mode=False)
        sys.stdout.flush()  # (text the reader may no longer want)
    except (BrokenPipeError, ReaderGone):  # `unterm align ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(Status.DONE)
    except typer.TyperException as err:  # a usage error: the usage and one line, status 2
        show = getattr(err, "show", None)
        if show is not None:
            show()
        else:
            typer.echo(f"unterm: {err.format_message()}", err=True)
        sys.exit(err.exit_code)
    except typer.Abort:
        typer.echo("unterm: stopped", err=True)
        sys.exit(Status.UNUSABLE)
    except Exception as err:  # never a traceback for the user; one line and a status
        if os.environ.get("UNTERM_DEBUG"):
            raise
        typer.echo(
            f"unterm: internal error: {type(err).__name__}: {err} (set UNTERM_DEBUG=1 for details)", err=True
        )
        sys.exit(Status.INTERNAL)
    sys.exit(status if isinstance(status, int) else Status.DONE)
