"""Bytes to text for saved and crawled pages, by the charset the bytes bear out.

Servers mislabel pages: a CMS writes UTF-8 with ``<meta charset="utf-8">`` while the web
server's default header still says ``charset=shift_jis`` or ``iso-8859-1``. Trusting the
header, as w3lib's ``html_to_unicode`` (and so Scrapy) does, turns every curly quote and
dash into mojibake. :func:`page_encoding` weighs the label against the evidence instead:

1. a byte-order mark wins;
2. the header's charset, if it decodes the body strictly — unless the body is valid UTF-8
   with non-ASCII bytes and ``<meta charset>`` says UTF-8: cp1252 or shift_jis decode almost
   any bytes, so their succeeding proves little, while multi-byte UTF-8 sequences almost
   never occur by chance in legacy-encoded text (the argument of chardet-style detectors);
3. else the ``<meta>``/``http-equiv`` charset if it decodes strictly — unless the body is
   valid UTF-8 with non-ASCII bytes, by the same argument (a page saved or served as UTF-8
   under a stale ``<meta charset="iso-8859-1">``) — else UTF-8 if the bytes are valid UTF-8;
4. else the header's charset (or the meta's, or UTF-8) with replacement characters.

The crawl (``crawler.middlewares.charset``) and ``warta extract`` share this rule.
"""

from __future__ import annotations

from typing import NamedTuple

from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)


class PageEncoding(NamedTuple):
    codec: str  # a Python codec name, as w3lib resolves labels ("shift_jis" → "cp932")
    evidence: str  # what settled it, for logs: "BOM", "header", "meta charset", ...


def page_encoding(body: bytes, header_charset: str | None) -> PageEncoding:
    """The encoding of ``body`` given the charset label its Content-Type header names."""
    bom, _ = read_bom(body)
    if bom is not None:
        return PageEncoding(bom, "BOM")
    header = resolve_encoding(header_charset) if header_charset else None  # None if unknown
    meta = html_body_declared_encoding(body)
    utf8 = _decodes(body, "utf-8")
    if header is not None and _decodes(body, header):
        if utf8 and meta == "utf-8" and header != "utf-8" and not body.isascii():
            return PageEncoding("utf-8", "meta charset")
        return PageEncoding(header, "header")
    if meta is not None and _decodes(body, meta):
        if utf8 and meta != "utf-8" and not body.isascii():
            return PageEncoding("utf-8", "valid UTF-8 under a legacy meta charset")
        return PageEncoding(meta, "meta charset")
    if utf8:
        return PageEncoding("utf-8", "valid UTF-8")
    return PageEncoding(header or meta or "utf-8", "undecodable, with replacement characters")


def decode_html(
    body: bytes, *, content_type: str | None = None, encoding: str | None = None
) -> str:
    """Decode by :func:`page_encoding`, the header's (or given) charset weighed against the page.

    ``b'<meta charset="windows-1252"><p>\\x93Halo\\x94'``
    → ``'<meta charset="windows-1252"><p>“Halo”'``
    """
    header = http_content_type_encoding(content_type) if content_type else encoding
    codec = page_encoding(body, header).codec
    # Decoded as Scrapy's TextResponse.text does: BOM stripped, UTF-16 without BOM as BE.
    _, text = html_to_unicode(f"charset={codec}", body)
    return text


def _decodes(body: bytes, codec: str) -> bool:
    """Whether ``body`` decodes without a single error, as w3lib would decode it."""
    try:
        body.decode(f"{codec}-be" if codec in {"utf-16", "utf-32"} else codec)
    except UnicodeError:
        return False
    return True
