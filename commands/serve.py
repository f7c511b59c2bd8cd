"""`unterm serve`: search a memory from a browser on this computer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unterm.commands.common import fail, read_termbase_at
from unterm.errors import UntermError


def serve(
    memory: Annotated[Path, typer.Argument(help="A memory `unterm index` made.", show_default=False)],
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="The port on 127.0.0.1 (0: any free one).")
    ] = 8029,
    termbase: Annotated[
        Path | None, typer.Option("--termbase", help="A termbase whose entries give the query's equivalents.")
    ] = None,
) -> None:
    """Serve a memory's search page to a browser on this computer only.

    At http://127.0.0.1:PORT/: the page `unterm search -o results.html` writes, with a
    search form on top. Ctrl-C stops it."""
    from unterm.memory.serve import HOST, server

    try:
        terms = read_termbase_at(termbase) if termbase else None
        httpd = server(memory, port, terms)
    except UntermError as err:
        fail(str(err))
    except OSError as err:
        fail(f"{HOST}:{port}: cannot be served on ({err.strerror})")
    typer.echo(
        f"unterm: searching {memory} at http://{HOST}:{httpd.server_address[1]}/ (Ctrl-C stops)", err=True
    )
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
