"""Pure extraction: a page's HTML and URL in, the article record out.

Names are imported lazily so that ``crawler.extraction.date_parsing`` and friends load without
pulling in the HTML stack (lxml, trafilatura) behind ``extract_article``.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.extraction.article import explain_article, extract_article
    from crawler.extraction.decode import decode_html
    from crawler.extraction.record import RECORD_KEYS, Article

_EXPORTS = {
    "extract_article": "crawler.extraction.article",
    "explain_article": "crawler.extraction.article",
    "decode_html": "crawler.extraction.decode",
    "RECORD_KEYS": "crawler.extraction.record",
    "Article": "crawler.extraction.record",
}
__all__ = ["RECORD_KEYS", "Article", "decode_html", "explain_article", "extract_article"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'crawler.extraction' has no attribute {name!r}")
