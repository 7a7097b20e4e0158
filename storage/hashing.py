"""The content hash behind exact-duplicate and change detection (design.md, dedup rules 1 and 2).

Changing the normalization changes every stored hash, so it needs a migration that rehashes.
"""

import hashlib
import unicodedata


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace (newlines, tabs, NBSP) to one space and strip the ends.

    "  Kota\u00a0Tangerang\n\n Bersih " -> "Kota Tangerang Bersih"
    """
    return " ".join(text.split())


def normalize_for_hash(text: str) -> str:
    """NFC-normalize, collapse whitespace and case-fold, so re-wrapped or re-cased text is equal.

    "  Wali Kota\u00a0TANGERANG\n\n Resmikan Pasar " -> "wali kota tangerang resmikan pasar"
    """
    return collapse_whitespace(unicodedata.normalize("NFC", text)).casefold()


def content_hash(title: str, body_text: str) -> str:
    """SHA-256 hex of the normalized title, a newline, and the normalized body.

    content_hash("Wali Kota  RESMIKAN Pasar", "Pasar baru\n\ndibuka.") is the SHA-256 of
    "wali kota resmikan pasar\npasar baru dibuka."
    """
    payload = f"{normalize_for_hash(title)}\n{normalize_for_hash(body_text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
