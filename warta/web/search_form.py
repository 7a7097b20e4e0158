"""A search as the page's address holds it: read from the query string, written back as links.

``/?q=banjir&site=kota_a&since=2025-01-01&until=2025-01-31&tag=…&author=…&sort=date&page=2``:
a search is a link a journalist can share. What cannot be read is one line for the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final, cast
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from storage.search import SORTS, SearchFilters, Sort

PER_PAGE: Final = 20
MAX_PAGE: Final = 1000
MAX_SITES: Final = 50


class FormError(ValueError):
    """A parameter that cannot be read; the message is one line for the reader."""


@dataclass(frozen=True)
class SearchForm:
    query: str = ""
    site_ids: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    tag: str = ""
    author: str = ""
    sort: Sort = "relevance"
    page: int = 1
    exact: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * PER_PAGE

    def filters(self) -> SearchFilters:
        return SearchFilters(
            site_ids=self.site_ids,
            since=self.since,
            until=self.until,
            tag=self.tag or None,
            author=self.author or None,
        )

    def link(self, **changes: Any) -> str:
        """This search's address with some fields changed: ``form.link(page=3)``."""
        form = replace(self, **changes)
        pairs: list[tuple[str, str]] = [("q", form.query)]
        pairs += [("site", site_id) for site_id in form.site_ids]
        pairs += [("since", form.since.isoformat())] if form.since else []
        pairs += [("until", form.until.isoformat())] if form.until else []
        pairs += [(name, value) for name, value in (("tag", form.tag), ("author", form.author))]
        pairs += [("sort", form.sort)] if form.sort != "relevance" else []
        pairs += [("exact", "1")] if form.exact else []
        pairs += [("page", str(form.page))] if form.page != 1 else []
        return "/?" + urlencode([(name, value) for name, value in pairs if value])


def read_form(params: QueryParams) -> SearchForm:
    """The search the query string asks for; FormError names the parameter that is wrong."""
    site_ids = tuple(dict.fromkeys(s.strip() for s in params.getlist("site") if s.strip()))
    if len(site_ids) > MAX_SITES:
        raise FormError(f"at most {MAX_SITES} portals at once")
    sort = _text(params, "sort") or "relevance"
    if sort not in SORTS:
        raise FormError(f"sort is one of {', '.join(SORTS)}, not {sort!r}")
    since, until = _day(params, "since"), _day(params, "until")
    if since and until and since > until:
        raise FormError("until is before since")
    return SearchForm(
        query=_text(params, "q"),
        site_ids=site_ids,
        since=since,
        until=until,
        tag=_text(params, "tag"),
        author=_text(params, "author"),
        sort=cast(Sort, sort),
        page=_page(params),
        exact=_text(params, "exact") not in ("", "0"),
    )


def _text(params: QueryParams, name: str) -> str:
    return (params.get(name) or "").strip()


def _day(params: QueryParams, name: str) -> date | None:
    value = _text(params, name)
    if not value:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise FormError(f"{name} is a day written 2025-01-31, not {value!r}") from None


def _page(params: QueryParams) -> int:
    value = _text(params, "page") or "1"
    if not (value.isascii() and value.isdigit() and len(value) <= 4) or not (
        1 <= int(value) <= MAX_PAGE
    ):
        raise FormError(f"page is a number from 1 to {MAX_PAGE}, not {value!r}")
    return int(value)


def page_numbers(current: int, pages: int, around: int = 2) -> list[int | None]:
    """The page links to show, None for a gap: (7, 20) -> [1, None, 5, 6, 7, 8, 9, None, 20]."""
    shown = {1, pages, *range(current - around, current + around + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= pages)
    out: list[int | None] = []
    for n in numbers:
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out
