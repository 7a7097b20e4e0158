"""Scrapy settings: polite by default. ``-s NAME=VALUE`` on the command line overrides any."""

from __future__ import annotations

BOT_NAME = "warta"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are and how to reach us, on every request; portals' admins do read their logs.
USER_AGENT = "Warta/0.1 (+https://github.com/warta-archive/warta; news archive crawler)"
ROBOTSTXT_OBEY = True

# Politeness: at most two requests in flight per portal, about half a second apart (Scrapy
# jitters the delay by ±50%), slowed further by AutoThrottle when the portal answers slowly.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Holds CONCURRENT_REQUESTS_PER_DOMAIN even with no delay (crawler/downloader.py says why).
DOWNLOADER = "crawler.downloader.PortalDownloader"
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
# Scrapy's defaults minus 429 and 503: those wait out Retry-After in RetryAfterMiddleware.
RETRY_HTTP_CODES = [500, 502, 504, 522, 524, 408]
# A 429/503 pauses only its portal, for what Retry-After asks (else 5 s, 10 s, 20 s …), at
# most this many seconds at a time ...
WARTA_RETRY_AFTER_MAX = 300
# ... and retries until the portal has been paused this long in one crawl, then gives up.
WARTA_RETRY_AFTER_BUDGET = 1800
# A portal that failed this many times in a row (5xx, timeouts, refused connections) is asked
# at most every WARTA_ERROR_BACKOFF_START seconds (0: never slowed), doubled at each further
# error up to WARTA_ERROR_BACKOFF_MAX, until it answers again; other portals keep their pace.
# One that gave only errors for WARTA_ERROR_GIVE_UP_S seconds ends the crawl (0: never).
WARTA_ERROR_BACKOFF_AFTER = 3
WARTA_ERROR_BACKOFF_START = 1.0
WARTA_ERROR_BACKOFF_MAX = 30.0
WARTA_ERROR_GIVE_UP_S = 300.0
REDIRECT_MAX_TIMES = 5
# Government portals serve multi-megabyte pages with inline images; nothing legitimate is past this.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024

# Scrapy starts this many asyncio tasks for every response's output; an article page yields
# one item and a listing a few dozen requests, so the default 100 is mostly overhead.
CONCURRENT_ITEMS = 8

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robots.RobotsTxtFirst": 100,
    "crawler.middlewares.retry_after.RetryAfterMiddleware": 560,
    "crawler.middlewares.error_backoff.ErrorBackoff": 590,
    "crawler.middlewares.charset.CharsetEvidence": 585,
}

ITEM_PIPELINES = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

# Where articles are stored; the CLI fills it from --db or WARTA_DATABASE_URL.
WARTA_DATABASE_URL = ""
# Articles written per transaction (also flushed every 2 s): a killed crawl loses at most this.
WARTA_STORE_BATCH = 50
# WARC captures: the folder (the CLI fills it: `warta.db` -> `warta-captures/`, --captures DIR,
# $WARTA_CAPTURES_DIR; empty: none), what to keep (articles, all or none), when to start a
# new file.
WARTA_CAPTURES_DIR = ""
WARTA_CAPTURE = "articles"
WARTA_CAPTURE_ROTATE_BYTES = 1 << 30
# After a complete walk of a profile's listings, known articles no listing shows any more are
# fetched again (a 404 confirms the removal), at most this many per crawl.
WARTA_REMOVAL_CHECKS = 500
# Stop once this many articles went to the archive (`warta crawl --limit N`); 0: no limit.
WARTA_LIMIT = 0
# A portal the archive already holds is crawled incrementally: each listing walked newest
# first until WARTA_QUIET_PAGES pages in a row show no new article; known sitemap and feed
# entries skipped unless changed; the articles published within WARTA_REVISIT_DAYS of the
# newest one fetched again, at most WARTA_REVISIT_MAX per run, least recently seen first.
# A profile's [crawl] table may set its own; WARTA_FULL (`--full`) walks everything.
WARTA_FULL = False
# A backfill bounded by a day (YYYY-MM-DD, in the portal's zone; `--since`): every listing is
# walked until a page shows only articles published before it; sitemap entries last modified
# before it, or not saying when, are skipped. Empty: no bound.
WARTA_SINCE = ""
WARTA_QUIET_PAGES = 3
WARTA_REVISIT_DAYS = 14
WARTA_REVISIT_MAX = 100
# The schedule whose service started this crawl (`warta schedule run`); 0: started by hand.
WARTA_SCHEDULE_ID = 0
# A running crawl writes its run's heartbeat_at this often, in seconds (0: never). A `warta`
# command on another host takes a run whose heartbeat is 10 minutes old (or 5 beats, when
# longer) as dead and marks it interrupted; on the crawl's own host its process id tells.
WARTA_HEARTBEAT_S = 60.0

# The run record starts, beats and finishes the crawl's run in the archive, with its health;
# AutoThrottle is replaced by one that keeps each portal's robots.txt Crawl-delay.
EXTENSIONS = {
    "crawler.extensions.run_record.RunRecord": 100,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.middlewares.throttle.PoliteThrottle": 0,
}
# A robots.txt Crawl-delay is obeyed up to this many seconds between requests.
WARTA_CRAWL_DELAY_MAX = 60.0

LOG_LEVEL = "INFO"
TELNETCONSOLE_ENABLED = False
# Scrapy's remote-control HTTP server (on by default since 2.17) leaves job token files in
# the user's home directory when a crawl is killed; Warta never uses it.
REMOTE_CONTROL_ENABLED = False

# Crawls of a portal with no profile (`warta crawl https://portal.go.id/`) follow every
# same-site link, articles first and tag pages last. They stop asking for new pages after
# this many, so a huge portal cannot run away; raise it with -s WARTA_GENERIC_MAX_PAGES=50000.
WARTA_GENERIC_MAX_PAGES = 5000
