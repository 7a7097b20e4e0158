"""The baseline for bench_crawl: a bare Scrapy spider that walks the same listing pages and
fetches the same article URLs as Warta, and does nothing else (no extraction, no storage)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.crawler import AsyncCrawlerProcess
from scrapy.http import Response

ARTICLE = re.compile(r"^/berita/\d+/[a-z0-9-]+$")


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, base_url: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url

    async def start(self) -> AsyncIterator[Any]:
        yield scrapy.Request(self.base_url + "berita", self.parse_listing)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href.split("#")[0].split("?")[0])
            path = url.removeprefix(self.base_url[:-1])
            if ARTICLE.match(path):
                yield scrapy.Request(url, self.parse_article, priority=10)
        for href in response.css("a.next::attr(href), a[rel=next]::attr(href)").getall():
            yield scrapy.Request(response.urljoin(href), self.parse_listing)

    def parse_article(self, response: Response) -> None:
        return None


def main() -> None:
    base_url, settings_json = sys.argv[1], sys.argv[2]
    process = AsyncCrawlerProcess({**json.loads(settings_json), "LOG_LEVEL": "ERROR"})
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, base_url=base_url)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    print(json.dumps({k: v for k, v in stats.items() if isinstance(v, int | float)}))


if __name__ == "__main__":
    main()
