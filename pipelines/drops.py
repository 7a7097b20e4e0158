"""Why an item was dropped: one ``DropItem`` subclass per reason, so Scrapy counts each in
its stats (``item_dropped_reasons_count/<ClassName>``) without any code of ours."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class NotAnArticle(DropItem):
    """The page has neither a headline nor article text: a listing, a form, an error page."""


class MissingTitle(DropItem):
    """Article text but no headline anywhere on the page."""


class MissingBody(DropItem):
    """A headline but too little article text to be an article."""


class DuplicateInRun(DropItem):
    """The same canonical URL was already stored in this run (a redirect or a link variant)."""


class OverLimit(DropItem):
    """``--limit N`` articles were already handed to the archive; the crawl is closing."""
