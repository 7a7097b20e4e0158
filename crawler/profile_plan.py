"""The crawl plan for a portal with a profile: its listings, sitemaps and feeds, and, once the
archive holds the portal, only what is new plus the recent articles worth fetching again.

Pure, like :class:`crawler.generic.plan.GenericPlan`: documents in, :class:`Fetch` decisions
out. An incremental crawl walks each listing newest first, by its "next" links where the
profile names them, and stops after ``quiet_pages`` pages in a row that showed no article the
archive lacks; sitemap entries and
feed items it knows are skipped unless the sitemap says the page changed since it was last
seen. Recent articles (see :mod:`storage.crawl_memory`) are fetched again for their view
counts and edits. A backfill (the first crawl of a portal, ``--full``, ``--since``) walks every
listing page, as :class:`crawler.listing_walk.ListingWalk` keeps track of, and resumes the
pages an earlier backfill left unfinished; with ``since``, sitemap entries last modified
before it (or not saying when) are left to the listings, which stop where articles get older.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from urllib.parse import urljoin

from parsel import Selector

from crawler.discovery import feed_links, lastmod_instant, page_links, sitemap_entries
from crawler.fetch import Count, Fetch, FetchKind
from crawler.listing_walk import ListingWalk, WalkProgress
from crawler.profiles import SiteProfile
from crawler.urls import canonicalize_url, dedupe_key
from storage.crawl_memory import Revisit
from storage.listing_progress import ListingProgress

# Articles jump the queue so memory holds few pending listing pages and results arrive early.
ARTICLE_PRIORITY = 10
REVISIT_PRIORITY = 5  # after the new articles, before the next listing pages
DOCUMENT_PRIORITY = 0


class ProfilePlan:
    """What to fetch for ``profile``; ``known`` maps the archive's URLs of the portal to when
    each was last seen (empty for a full crawl); ``resume`` is an unfinished backfill's
    listing pages; ``since`` bounds a backfill."""

    def __init__(
        self,
        profile: SiteProfile,
        *,
        known: dict[str, datetime],
        revisits: tuple[Revisit, ...] = (),
        quiet_pages: int,
        start_url: str = "",
        since: datetime | None = None,
        resume: ListingProgress | None = None,
        count: Count,
    ) -> None:
        self.profile = profile
        self.known = {dedupe_key(url): seen for url, seen in known.items()}
        self.revisits = revisits
        self.quiet_pages = quiet_pages
        self.start_url = start_url
        self.count = count
        self.since = since
        self.resume = resume or ListingProgress()
        self.walk = ListingWalk(since=since, walked=self.resume.walked, count=count)
        self.requested: set[str] = set()  # dedupe keys of the articles asked for

    @property
    def incremental(self) -> bool:
        return bool(self.known)

    @property
    def backfill(self) -> bool:
        """Whether the listings are walked to their last page (or to ``since``)."""
        return not self.incremental or self.since is not None

    def start(self) -> list[Fetch]:
        """Listings, sitemaps and feeds; the start URL when it is an article; the revisits;
        the pages an unfinished backfill had not done."""
        discovery, absolute = self.profile.discovery, self.profile.absolute
        fetches = []
        for url in map(absolute, discovery.start_urls):
            if self.backfill and url not in self.walk.walked:
                fetches += self.walk.admit([self._listing(url, backfill=True)])
            else:  # newest first until quiet, while the backfill goes on deeper down
                fetches.append(self._listing(url))
        pending = [self._listing(url, backfill=True) for url in self.resume.pending]
        resumed = self.walk.admit(pending)
        self.count("backfill/resumed_pages", len(resumed))
        fetches += resumed
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
        if fetch.backfill:
            # Bounded by a date, a listing is followed by "next" alone, newest to oldest.
            chain = links.next_pages if self.since is not None else []
            deeper = [self._listing(url, backfill=True) for url in chain or links.listings]
            fetched = {key for key in keys if key in self.requested}
            return articles + self.walk.parsed(fetch.url, keys, fetched, deeper)
        quiet = 0 if fresh else fetch.quiet + 1
        if quiet >= self.quiet_pages:
            self.count("incremental/listings_stopped", 1)
            return articles
        # Newest first: an incremental walk goes on by "next" alone, not to the last page
        # the pagination also links (where the oldest articles are).
        onward = links.next_pages or links.listings
        return articles + [self._listing(url, quiet=quiet) for url in onward]

    def answered(self, url: str, published: datetime | None) -> list[Fetch]:
        """An article was answered; the listing pages its answer lets the walk go on to."""
        return self.walk.answered(url, published)

    def listing_failed(self, fetch: Fetch) -> list[Fetch]:
        return self.walk.failed(fetch.url) if fetch.backfill else []

    def release(self) -> list[Fetch]:
        """Idle: what the walk held back for answers that will not come."""
        return self.walk.release()

    def progress(self) -> WalkProgress | None:
        return self.walk.progress()

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
            modified = lastmod_instant(lastmod)
            if self.since is not None and (modified is None or modified < self.since):
                self.count("since/sitemap_skipped", 1)
                continue
            urls.append(article)
            seen = self.known.get(dedupe_key(article))
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
        """Only a full walk of every listing page can tell that an article left them."""
        return not self.incremental and self.since is None and not self.resume.unfinished

    def _listing(self, url: str, *, quiet: int = 0, backfill: bool = False) -> Fetch:
        return Fetch(url, "listing", DOCUMENT_PRIORITY, "listing", quiet=quiet, backfill=backfill)

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
