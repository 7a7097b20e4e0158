"""``warta profile draft``: a site profile and its fixtures drafted from a few pages, for review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from crawler.profile_draft import DraftError, draft_profile, load_inputs, write_draft
from crawler.profile_draft.draft import check_site_id
from crawler.profile_draft.inputs import InputError, PoliteFetcher
from crawler.profiles import SITES_DIR, sites_dirs

# Our own profiles' fixtures live in the repository's tests; a user's beside their profiles.
_REPO_FIXTURES = SITES_DIR.parent.parent / "tests" / "fixtures" / "sites"


def _fail(message: str, code: int) -> NoReturn:
    """One line on stderr: 2 for a bad argument, 1 for input that cannot be used."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


@click.group("profile")
def profile() -> None:
    """Site profiles: draft one from a few pages of a portal."""


@profile.command("draft")
@click.argument("inputs", nargs=-1, required=True, metavar="URL_OR_SAVED_PAGE...")
@click.option("--site-id", required=True, metavar="ID", help="The new profile's id (file stem).")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for ID.toml (fixtures go to OUT/fixtures/ID/); default: the first of "
    "$WARTA_SITES_DIR, else Warta's own profiles.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing profile of that id.")
@click.option(
    "--delay",
    type=click.FloatRange(min=1.0),
    default=1.0,
    show_default=True,
    help="Seconds between requests when fetching URLs.",
)
def draft_command(
    inputs: tuple[str, ...], site_id: str, out: Path | None, force: bool, delay: float
) -> None:
    """Draft crawler/sites/ID.toml from article and listing pages of one portal.

    Each input is an http(s) URL (fetched politely: robots.txt obeyed, DELAY seconds apart),
    a saved page as URL=FILE, a saved page with a meta.json beside it, or a folder of those.
    Each field gets the simplest selector that gives generic extraction's value on every
    article page; a field with none is left to generic extraction, with a comment saying why.
    """
    try:
        check_site_id(site_id)
    except DraftError as exc:
        _fail(str(exc), 2)
    folder = out or sites_dirs()[0]
    fixtures = _REPO_FIXTURES if folder == SITES_DIR else folder / "fixtures"
    if (folder / f"{site_id}.toml").exists() and not force:
        _fail(f"{folder / f'{site_id}.toml'} exists; use --force to overwrite it", 1)
    try:
        fetcher = PoliteFetcher(delay_s=delay)
        pages = load_inputs(list(inputs), fetcher)
        draft = draft_profile(site_id, pages, sitemaps=fetcher.sitemaps())
        path = write_draft(draft, folder, fixtures, force=force)
    except (InputError, DraftError, OSError) as exc:
        _fail(str(exc), 1)
    click.echo(f"{len(draft.articles)} article and {len(draft.listings)} listing page(s)")
    for page, why in draft.ignored:
        click.echo(f"  ignored {page.source}: {why}")
    for result in draft.results:
        if result.selector:
            click.echo(f"  {result.field}: {result.selector}")
        else:
            click.echo(
                f"  {result.field}: no selector ({result.reason}); generic extraction fills it"
            )
    click.echo(
        f"wrote {path} and fixtures in {fixtures / site_id}; "
        f"review them, then: warta crawl {site_id}"
    )
