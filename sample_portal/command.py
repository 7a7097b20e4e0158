"""``warta sample-portal``: serve the sample portal until Ctrl-C or SIGTERM.

The base URL is the first line of stdout, flushed at once, so a parent process can
read it and start crawling (``--port 0`` picks a free port).
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

import click

from .app import THEMES
from .editions import MAX_EDITIONS
from .server import SamplePortalServer
from .timeline import MAX_ARTICLES

# Each theme on the port its bundled profile names, so both can run side by side.
DEFAULT_PORTS = {"pemkot": 8321, "wordpress": 8322}


@click.command("sample-portal")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one. [default: 8321 pemkot, 8322 wordpress,"
    " the ports the bundled profiles name]",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--articles",
    type=click.IntRange(1, MAX_ARTICLES),
    default=200,
    show_default=True,
    help="Number of articles the portal serves.",
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Content seed; the same seed always gives the same pages.",
)
@click.option(
    "--theme",
    type=click.Choice(sorted(THEMES)),
    default="pemkot",
    show_default=True,
    help="Site layout: city-government CMS or WordPress.",
)
@click.option(
    "--edition",
    type=click.IntRange(1, MAX_EDITIONS),
    metavar="K",
    default=1,
    show_default=True,
    help="Serve the portal K-1 steps later: new articles on top, views grown, some "
    "articles edited or removed, syndicated press releases (from edition 2).",
)
@click.option("--access-log", is_flag=True, help="Log every request to stderr.")
def sample_portal(
    port: int | None,
    host: str,
    articles: int,
    seed: int,
    theme: str,
    edition: int,
    access_log: bool,
) -> None:
    """Serve a realistic Indonesian municipal news portal of N articles.

    For demos, end-to-end tests and benchmarks: deterministic pages, robots.txt,
    sitemaps, feeds, and the faults a polite crawler must survive. Editions (--edition)
    give the same portal later on, with changes known in advance, to test archive history.
    """
    if port is None:
        port = DEFAULT_PORTS[theme]
    try:
        server = SamplePortalServer(
            articles=articles,
            seed=seed,
            theme=theme,
            host=host,
            port=port,
            access_log=access_log,
            edition=edition,
        )
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() waits for serve_forever, which runs in this (the signalled) thread
        threading.Thread(target=server.shutdown, daemon=True).start()

    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, stop) for sig in handled}
    try:
        click.echo(server.base_url)
        sys.stdout.flush()
        # edition 1's line stays as it always was
        at = f", edition {edition}" if edition > 1 else ""
        click.echo(
            f"Sample portal ({theme} theme, {articles:,} articles, seed {seed}{at}); "
            "stop with Ctrl-C.",
        )
        sys.stdout.flush()
        server.serve_forever(poll_interval=0.2)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
