"""Scrapy extensions: what a crawl does around its pages and items, driven by signals."""
