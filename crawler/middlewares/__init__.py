"""Scrapy downloader middlewares Warta adds: robots.txt first, Retry-After, charset evidence."""
