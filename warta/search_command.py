"""``warta search``: full-text search of the archive as a table, JSON, or counts per period.

The work is storage.search's; this module turns it into lines, so the benchmark measures the
same path as the command.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

import click

from crawler.extraction.date_vocabulary import zone_label
from storage import Archive
from storage.search import (
    COUNT_BY,
    SORTS,
    CountBy,
    SearchFilters,
    SearchHit,
    SearchResults,
    SearchUnavailableError,
    Sort,
    count_by,
    search,
)
from storage.search_query import SearchQueryError
from storage.search_snippets import Segment
from warta.options import DB_HELP, existing_archive

COLUMNS: Final = ("published", "portal", "views", "title")
_DAY: Final = click.DateTime(formats=["%Y-%m-%d"])


class QueryError(click.ClickException):
    """A query that cannot be read: one line, and the usage-error exit code."""

    exit_code = 2


@click.command("search")
@click.argument("query")
@click.option("--db", help=DB_HELP)
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this portal (repeat).")
@click.option("--since", type=_DAY, help="Published on or after this day (WIB).")
@click.option("--until", type=_DAY, help="Published on or before this day (WIB).")
@click.option("--tag", help="Only articles with this tag (case ignored).")
@click.option("--author", help="Only articles whose author contains this (case ignored).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits.")
@click.option("--exact", is_flag=True, help="Match words as written, without stemming.")
@click.option(
    "--count-by", "by", type=click.Choice(COUNT_BY), help="Matches per month (WIB) or portal."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for scripts.")
def search_command(
    query: str,
    db: str | None,
    site_ids: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    tag: str | None,
    author: str | None,
    sort: Sort,
    limit: int,
    offset: int,
    exact: bool,
    by: CountBy | None,
    as_json: bool,
) -> None:
    """Search titles, bodies and tags: words (all must match), "exact phrase", a OR b,
    -word to exclude, bangun* for a prefix. A word also finds its other forms: bangun finds
    membangun, pembangunan, dibangun; quote it ("bangun") or use --exact for the word alone.
    """
    if since and until and since > until:
        raise click.BadParameter("is before --since", param_hint="--until")
    filters = SearchFilters(
        site_ids=site_ids,
        since=since.date() if since else None,
        until=until.date() if until else None,
        tag=tag,
        author=author,
    )
    archive = existing_archive(db)
    try:
        lines = run(archive, query, filters, sort, limit, offset, not exact, by, as_json)
    finally:
        archive.close()
    for line in lines:
        click.echo(line)


def run(
    archive: Archive,
    query: str,
    filters: SearchFilters,
    sort: Sort = "relevance",
    limit: int = 20,
    offset: int = 0,
    stemmed: bool = True,
    by: CountBy | None = None,
    as_json: bool = False,
) -> list[str]:
    """What ``warta search`` prints, as lines; errors as one-line click exceptions."""
    try:
        if by is not None:
            counts = count_by(archive, query, filters, by, stemmed=stemmed)
            return counts_json(query, by, counts) if as_json else counts_table(by, counts)
        found = search(
            archive, query, filters, sort=sort, limit=limit, offset=offset, stemmed=stemmed
        )
    except SearchQueryError as exc:
        raise QueryError(f"cannot read the query: {exc}") from exc
    except SearchUnavailableError as exc:
        raise click.ClickException(str(exc)) from exc
    return [json.dumps(as_dict(found), ensure_ascii=False, indent=2)] if as_json else table(found)


def table(found: SearchResults) -> list[str]:
    """Date in the portal's zone, portal, views and title; the snippet on the line below."""
    if not found.hits:
        more = f" past the first {found.offset}" if found.offset and found.total else ""
        return [f"No articles match {found.query!r}{more} ({found.total} in all)."]
    first, last = found.offset + 1, found.offset + len(found.hits)
    lines = [
        f"{found.total} articles match {found.query!r}; {first}-{last}, by {found.sort}:",
        "",
    ]
    rows = [
        [local_time(hit.published_at, hit.timezone), hit.site_id, views(hit.view_count)]
        for hit in found.hits
    ]
    widths = [max(len(line[i]) for line in [list(COLUMNS[:3]), *rows]) for i in range(3)]

    def line(cells: list[str], title: str) -> str:
        published, site = cells[0].ljust(widths[0]), cells[1].ljust(widths[1])
        return f"{published}  {site}  {cells[2].rjust(widths[2])}  {title}"

    lines.append(line(list(COLUMNS[:3]), COLUMNS[3]))
    for hit, row in zip(found.hits, rows, strict=True):
        lines.append(line(row, styled(hit.title_marked) + marks(hit)))
        lines.append("    " + styled(hit.snippet))
    if last < found.total:
        lines += ["", f"More: --offset {last}"]
    return lines


def counts_table(by: CountBy, counts: list[tuple[str, int]]) -> list[str]:
    width = max([len(by), *(len(key) for key, _ in counts)])
    total = sum(n for _, n in counts)
    lines = [f"{by.ljust(width)}  articles"]
    lines += [f"{key.ljust(width)}  {n:>8}" for key, n in counts]
    return [*lines, f"{'all'.ljust(width)}  {total:>8}"]


def counts_json(query: str, by: CountBy, counts: list[tuple[str, int]]) -> list[str]:
    rows = [{by: key, "articles": n} for key, n in counts]
    found = {"query": query, "by": by, "total": sum(n for _, n in counts), "counts": rows}
    return [json.dumps(found, ensure_ascii=False, indent=2)]


def as_dict(found: SearchResults) -> dict[str, Any]:
    """Times in ISO 8601 (UTC) and in the portal's zone; highlights as [text, is_match]."""
    hits = [
        {
            "id": hit.article_id,
            "url": hit.url,
            "site_id": hit.site_id,
            "title": hit.title,
            "published_at": hit.published_at.isoformat() if hit.published_at else None,
            "published_local": local_time(hit.published_at, hit.timezone),
            "view_count": hit.view_count,
            "removed": hit.removed,
            "revision_count": hit.revision_count,
            "score": hit.score,
            "title_marked": [list(segment) for segment in hit.title_marked],
            "snippet": "".join(text for text, _ in hit.snippet),
            "snippet_marked": [list(segment) for segment in hit.snippet],
        }
        for hit in found.hits
    ]
    return {
        "query": found.query,
        "total": found.total,
        "sort": found.sort,
        "limit": found.limit,
        "offset": found.offset,
        "hits": hits,
    }


def local_time(instant: datetime | None, timezone: str) -> str:
    """``2025-01-24 13:25 WIB``: the instant on the portal's clock; ``-`` when undated."""
    if instant is None:
        return "-"
    zone = ZoneInfo(timezone)
    return instant.astimezone(zone).strftime(f"%Y-%m-%d %H:%M {zone_label(timezone)}")


def marks(hit: SearchHit) -> str:
    """What a journalist should know at a glance: edited after publication, or taken down."""
    notes = [f"edited: {hit.revision_count} versions"] if hit.revision_count > 1 else []
    notes += ["removed by the portal"] if hit.removed else []
    return f"  [{'; '.join(notes)}]" if notes else ""


def views(count: int | None) -> str:
    """``12.345``, grouped the Indonesian way; ``-`` when unknown."""
    return "-" if count is None else f"{count:,}".replace(",", ".")


def styled(segments: tuple[Segment, ...]) -> str:
    """Matched words in bold; click drops the styling when the output is not a terminal."""
    return "".join(click.style(text, bold=True) if hit else text for text, hit in segments)
