"""Which articles misbehave, and how: the portal's deterministic, always-on faults.

A polite, correct crawler must get through all of them; tests and the lead's end-to-end
checks use these same predicates instead of repeating the numbers.
"""

from __future__ import annotations

DELETED_ARTICLE_ID = 999_999  # linked from listing page 1; answers 404
DELETED_SLUG = "berita-dihapus"


def fails_once(article_id: int) -> bool:
    """HTTP 500 on the first request for this article, 200 afterwards (ids 50, 147, 244 ...)."""
    return article_id % 97 == 50


def is_cp1252(article_id: int) -> bool:
    """Served as ``text/html; charset=windows-1252``, curly quotes in cp1252 bytes (7, 57 ...)."""
    return article_id % 50 == 7


def is_malformed(article_id: int) -> bool:
    """No body paragraph has its ``</p>``, and a stray ``</span>`` follows the lead (23, 83 ...)."""
    return article_id % 60 == 23
