"""Crawling a portal Warta has no profile for: find its articles, tell them from other pages.

``url_shape`` guesses from a URL, ``page_kind`` decides from the page, ``links`` sorts a page's
links, ``wordpress`` reads the REST API, ``plan`` puts them together for the spider; the words
they read portals by are data in ``vocabulary``.
"""
