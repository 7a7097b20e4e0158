"""Tests of ``warta serve``: pages, JSON API, safety, read-only, and a real browser."""

import lxml.html


def html_of(text: str) -> lxml.html.HtmlElement:
    """The page parsed, to ask for elements rather than match substrings."""
    return lxml.html.fromstring(text)
