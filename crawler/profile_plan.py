"""The crawl plan for a portal with a profile: its listings, sitemaps and feeds, and, once the
archive holds the portal, only what is new plus the recent articles worth fetching again.

Pure, like :class:`crawler.generic.plan.GenericPlan`: documents in, :class:`Fetch` decisions
out. An incremental crawl walks each listing newest first, by its "next" links where the
profile names them, and stops after ``quiet_pages`` pages in a row that showed no article the
archive lacks; sitemap entries and
feed items it knows are skipped unless the sitemap says the page changed since it was last
seen. Recent articles (see :mod:`storage.crawl_memory`) are fetched again for their view
counts and edits. A full crawl (the first of a portal, or ``--full``) fetches everything.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from urllib.parse import urljoin

from parsel import Selector

from crawler.discovery import feed_links, lastmod_instant, page_links, sitemap_entries
from crawler.fetch import Count, Fetch, FetchKind
from crawler.profiles import SiteProfile
from crawler.urls import canonicalize_url, dedupe_key
from storage.crawl_memory import Revisit

# Articles jump the queue so memory holds few pending listing pages and results arrive early.
ARTICLE_PRIORITY = 10
REVISIT_PRIORITY = 5  # after the new articles, before the next listing pages
DOCUMENT_PRIORITY = 0


class ProfilePlan:
    """What to fetch for ``profile``; ``known`` maps the archive's URLs of the portal to when
    each was last seen (empty for a full crawl)."""

    def __init__(
        self,
        profile: SiteProfile,
        *,
        known: dict[str, datetime],
        revisits: tuple[Revisit, ...] = (),
        quiet_pages: int,
        start_url: str = "",
        count: Count,
    ) -> None:
        self.profile = profile
        self.known = {dedupe_key(url): seen for url, seen in known.items()}
        self.revisits = revisits
        self.quiet_pages = quiet_pages
        self.start_url = start_url
        self.count = count
        self.requested: set[str] = set()  # dedupe keys of the articles asked for

    @property
    def incremental(self) -> bool:
        return bool(self.known)

    def start(self) -> list[Fetch]:
        """Listings, sitemaps and feeds; the start URL when it is an article; the revisits."""
        discovery, absolute = self.profile.discovery, self.profile.absolute
        fetches = [self._listing(absolute(url), quiet=0) for url in discovery.start_urls]
        fetches += [_document(absolute(url), "sitemap") for url in discovery.sitemaps]
        fetches += [_document(absolute(url), "feed") for url in discovery.feeds]
        if self.start_url and self.profile.is_article_url(self.start_url):
            fetches += self._articles([self.start_url], "start", fresh_only=False)
        if self.incremental:
            for revisit in self.revisits:
                for fetch in self._articles([revisit.url], "revisit", fresh_only=False):
                    asked = replace(fetch, etag=revisit.etag, last_modified=revisit.last_modified)
                    fetches.append(asked)
                    self.count("incremental/revisits", 1)
        return fetches

    def listing(self, fetch: Fetch, page: Selector) -> list[Fetch]:
        """The page's new articles, and its listing links unless the walk has gone quiet.

        A page is quiet when it names no article that neither the archive nor this crawl had
        seen: the newest articles a sidebar repeats on every page count once, on the first.
        """
        links = page_links(page, fetch.url, self.profile)
        keys = [dedupe_key(url) for url in links.articles]
        fresh = any(key not in self.known and key not in self.requested for key in keys)
        articles = self._articles(links.articles, "listing")
        quiet = 0 if fresh or not self.incremental else fetch.quiet + 1
        if quiet >= self.quiet_pages:
            self.count("incremental/listings_stopped", 1)
            return articles
        # Newest first: an incremental walk goes on by "next" alone, not to the last page
        # the pagination also links (where the oldest articles are).
        onward = links.next_pages if self.incremental and links.next_pages else links.listings
        return articles + [self._listing(url, quiet=quiet) for url in onward]

    def sitemap(self, url: str, body: bytes) -> list[Fetch]:
        """An index leads to its sitemaps; a urlset to the articles new or changed since seen."""
        kind, entries = sitemap_entries(body)
        if kind == "sitemapindex":
            return [_document(canonicalize_url(_join(url, loc)), "sitemap") for loc, _ in entries]
        urls, changed = [], []
        for loc, lastmod in entries:
            article = canonicalize_url(_join(url, loc))
            if not self.profile.is_article_url(article):
                continue
            urls.append(article)
            seen = self.known.get(dedupe_key(article))
            modified = lastmod_instant(lastmod)
            if seen is not None and modified is not None and modified > seen:
                changed.append(article)
        self.count("incremental/changed_in_sitemap", len(changed))
        fetches = self._articles(urls, "sitemap")
        return fetches + self._articles(changed, "sitemap", fresh_only=False)

    def feed(self, url: str, text: str) -> list[Fetch]:
        links = [canonicalize_url(_join(url, link)) for link in feed_links(text)]
        return self._articles([u for u in links if self.profile.is_article_url(u)], "feed")

    @property
    def complete_walk_possible(self) -> bool:
        """Only a full walk of the listings can tell that an article left them."""
        return not self.incremental

    def _listing(self, url: str, *, quiet: int) -> Fetch:
        return Fetch(url, "listing", DOCUMENT_PRIORITY, "listing", quiet=quiet)

    def _articles(self, urls: list[str], source: str, *, fresh_only: bool = True) -> list[Fetch]:
        """Each article once per crawl; in an incremental crawl, known ones only when asked."""
        fetches = []
        for url in urls:
            key = dedupe_key(url)
            if key in self.requested:
                self.count("links/duplicate_variant", 1)
                continue
            if fresh_only and key in self.known:
                self.count("incremental/known_skipped", 1)
                continue
            self.requested.add(key)
            priority = REVISIT_PRIORITY if source == "revisit" else ARTICLE_PRIORITY
            fetches.append(Fetch(url, "article", priority, source))
        return fetches


def _document(url: str, kind: FetchKind) -> Fetch:
    return Fetch(url, kind, DOCUMENT_PRIORITY, "start" if kind == "feed" else "sitemap")


def _join(base: str, link: str) -> str:
    return urljoin(base, link.strip())
