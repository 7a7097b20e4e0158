"""What a URL looks like it leads to, from its path and query alone, before fetching it.

A guess that orders the crawl (articles first, tag pages last) and vetoes the pages that are
never articles (pagination, tags, galleries, files); the page itself has the last word.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from crawler.generic import vocabulary as V

_WORD_SPLIT = re.compile(r"[-_+.]+")
_ID_SLUG = re.compile(r"\d+[-_][a-z]")  # 123-pasar-murah
_SLUG_ID = re.compile(r"[a-z][-_]\d{3,}$")  # pasar-murah-12345
_FIRST_PAGE_PATH = re.compile(rf"/(?:{'|'.join(sorted(V.PAGE_PATH_WORDS))})/1/?$", re.IGNORECASE)


class Shape(StrEnum):
    SKIP = "skip"  # never fetched as a page: a file, admin, search, print, feed, AMP copy
    HOME = "home"  # the portal's front page
    LISTING = "listing"  # the news section, a category, a numbered page, a date archive
    TAXONOMY = "taxonomy"  # a tag's or an author's list of articles
    STATIC = "static"  # under a section that never holds news: profile, gallery, downloads
    ARTICLE = "article"  # a date, an id or a headline slug in the URL
    UNKNOWN = "unknown"


@lru_cache(maxsize=8192)  # menus and sidebars repeat the same links on every page
def url_shape(url: str) -> Shape:
    """The shape of a URL, its path and query read against the vocabulary.

    ``/berita/5/pemkot-raih-opini`` → ARTICLE, ``/berita?page=2`` → LISTING,
    ``/tag/stunting`` → TAXONOMY, ``/galeri/hut-kota`` → STATIC, ``/unduh/perda.pdf`` → SKIP.
    """
    parts = urlsplit(url)
    segments = [unquote(s).lower() for s in parts.path.split("/") if s]
    query = [(k.lower(), v.lower()) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    keys = {k for k, _ in query}
    if _is_skipped(segments, keys):
        return Shape.SKIP
    words = [v for _, v in query if v and not v.isdigit()]  # index.php?page=berita
    segments, paged = _without_page_number(segments)
    paged = paged or any(k in V.PAGE_QUERY_KEYS and v.isdigit() for k, v in query)
    if _is_taxonomy(segments):
        return Shape.TAXONOMY
    if any(s in V.NON_NEWS_SECTIONS for s in [*segments, *words]):
        return Shape.STATIC
    if paged or _is_section(segments):
        return Shape.LISTING
    if any(k in V.ARTICLE_QUERY_KEYS and v.isdigit() for k, v in query):
        return Shape.ARTICLE
    if (segments and _is_news_section(segments[-1])) or any(_is_news_section(w) for w in words):
        return Shape.LISTING
    dated = V.DATE_IN_PATH.search(parts.path + "/")
    if dated:  # /2025/01/22/<slug> is a post, /2025/01/ the month's archive
        return Shape.ARTICLE if parts.path[dated.end() :].strip("/") else Shape.LISTING
    if _is_article_path(segments):
        return Shape.ARTICLE
    if _is_home(segments) and not query:
        return Shape.HOME
    return Shape.UNKNOWN


def _stem(segment: str) -> str:
    """``pasar-murah.html`` → ``pasar-murah``; only page extensions are removed."""
    stem, dot, ext = segment.rpartition(".")
    return stem if dot and ext in V.PAGE_EXTENSIONS else segment


def _is_skipped(segments: list[str], keys: set[str]) -> bool:
    if keys & V.SKIP_QUERY_KEYS or any(s in V.SKIP_SEGMENTS for s in segments):
        return True
    last = segments[-1] if segments else ""
    return "." in last and last.rpartition(".")[2] in V.FILE_EXTENSIONS


def _without_page_number(segments: list[str]) -> tuple[list[str], bool]:
    """``[berita, page, 2]`` → ``([berita], True)``."""
    if len(segments) >= 2 and segments[-2] in V.PAGE_PATH_WORDS and segments[-1].isdigit():
        return segments[:-2], True
    return segments, False


def _is_taxonomy(segments: list[str]) -> bool:
    """A tag or author word with at most its name after it: ``/tag/stunting``."""
    return any(s in V.TAXONOMY_WORDS and len(segments) - i <= 2 for i, s in enumerate(segments))


def _is_section(segments: list[str]) -> bool:
    """``/category/berita/``, ``/kategori/ekonomi/daerah`` — unless a headline slug ends it."""
    if not any(s in V.SECTION_WORDS for s in segments):
        return False
    return not _is_slug(_stem(segments[-1]))


def _is_news_section(segment: str) -> bool:
    """``berita``, ``siaran-pers``, ``indeks-berita``, ``news.php``: news words and modifiers."""
    words = [w for w in _WORD_SPLIT.split(_stem(segment)) if w]
    if not words or not any(w in V.NEWS_WORDS for w in words):
        return False
    return all(w in V.NEWS_WORDS or w in V.SECTION_MODIFIERS for w in words)


def _is_slug(stem: str) -> bool:
    words = [w for w in _WORD_SPLIT.split(stem) if w]
    return len(words) >= V.MIN_SLUG_WORDS and any(w.isalpha() for w in words)


def _is_article_path(segments: list[str]) -> bool:
    """A headline slug, a compact date, or a numeric id beside other segments."""
    if not segments:
        return False
    last = _stem(segments[-1])
    if _is_slug(last) or V.COMPACT_DATE.search(last):
        return True
    if len(segments) > 1 and any(s.isdigit() for s in segments):
        return True  # /berita/5/slug, /news/read/12345, /12345/slug
    return bool(_ID_SLUG.match(last) or _SLUG_ID.search(last))


def _is_home(segments: list[str]) -> bool:
    return not segments or (
        len(segments) == 1 and _stem(segments[0]) in {"index", "default", "home", "beranda"}
    )


def without_first_page(url: str) -> str:
    """A listing's first page under its plain URL, so both forms are fetched once.

    ``/berita?page=1`` → ``/berita``, ``/category/berita/page/1/`` → ``/category/berita/``
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not (k.lower() in V.PAGE_NUMBER_KEYS and v == "1")]
    path = _FIRST_PAGE_PATH.sub("/", parts.path)
    return urlunsplit(parts._replace(path=path, query=urlencode(kept)))
