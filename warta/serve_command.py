"""``warta serve``: the archive as a web page for journalists, read-only, on this machine.

It listens on 127.0.0.1 unless told otherwise, opens the archive so that it cannot write
(warta/web/readonly.py), and keeps answering while a crawl writes to the same file.
"""

from __future__ import annotations

import click

from storage import StorageError, display_url
from warta.options import DB_HELP, existing_archive_url


@click.command("serve")
@click.option("--db", help=DB_HELP)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; another than 127.0.0.1 shows the archive to the network.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="TCP port."
)
def serve_command(db: str | None, host: str, port: int) -> None:
    """Serve a read-only web page over the archive: search with filters and a chart per
    month, each article with its revisions, views, captures and copies, each portal with
    its crawl runs, and the same as JSON under /api/."""
    import uvicorn

    from warta.web.app import create_app
    from warta.web.readonly import open_readonly

    database_url = existing_archive_url(db)
    try:
        archive = open_readonly(database_url)
    except StorageError as exc:
        raise click.ClickException(str(exc)) from exc
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(
        f"Serving {display_url(database_url)} read-only at http://{shown_host}:{port}/ "
        "(Ctrl-C stops)"
    )
    try:
        uvicorn.run(
            create_app(archive),
            host=host,
            port=port,
            proxy_headers=False,
            server_header=False,
            log_level="info",
        )
    finally:
        archive.close()
