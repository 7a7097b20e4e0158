"""Bytes to text for saved pages, honouring the declared charset like a browser does."""

from __future__ import annotations

from w3lib.encoding import html_to_unicode


def decode_html(
    body: bytes, *, content_type: str | None = None, encoding: str | None = None
) -> str:
    """Decode with the HTTP header's (or given) charset, else ``<meta charset>``, else a guess.

    ``b'<meta charset="windows-1252"><p>\\x93Halo\\x94'``
    → ``'<meta charset="windows-1252"><p>“Halo”'``
    """
    header = content_type or (f"text/html; charset={encoding}" if encoding else None)
    _, text = html_to_unicode(header, body)
    return text
