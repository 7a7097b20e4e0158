"""A page's bytes and ``<meta charset>`` overrule a Content-Type charset that cannot be right.

Scrapy decodes with the header's charset whenever it names one (w3lib's order: BOM, header,
meta, guess), so a UTF-8 page behind a server that says ``charset=shift_jis`` is parsed as
mojibake. This middleware applies :func:`crawler.extraction.decode.page_encoding`, the rule
``warta extract`` uses too, and pins the response's encoding where the rule disagrees. At
priority 585 it sees responses after HttpCompressionMiddleware (590) has decompressed them.
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse
from scrapy.statscollectors import StatsCollector
from w3lib.encoding import http_content_type_encoding

from crawler.extraction.decode import page_encoding

logger = logging.getLogger(__name__)

STAT = "warta/charset/header_overruled"


class CharsetEvidence:
    def __init__(self, stats: StatsCollector | None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse):
            return response
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        header = http_content_type_encoding(content_type)
        if header is None:  # no usable charset named: Scrapy already reads the page's own
            return response
        chosen = page_encoding(response.body, header)
        if chosen.codec == response.encoding:
            return response
        if self.stats is not None:
            self.stats.inc_value(STAT)
        logger.info(
            "%s: header says %s, page is %s (%s)",
            response.url,
            content_type,
            chosen.codec,
            chosen.evidence,
        )
        return response.replace(encoding=chosen.codec)
