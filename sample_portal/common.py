"""What both themes share: the response type, site settings, escaping, static bytes, feeds.

Pages are built from (site, request) alone; nothing here holds state between requests.
"""

from __future__ import annotations

import html
import json
import struct
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from . import formats
from .site import Site as Site  # re-exported: pages import it from here

HTML_UTF8 = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes
    content_type: str = HTML_UTF8
    headers: tuple[tuple[str, str], ...] = ()
    article_id: int | None = None  # set on article pages, for the fail-once fault


Query = dict[str, str]
Handler = Callable[[Site, dict[str, str], Query], Response]


def text(value: str) -> str:
    """Escape for an HTML text node (quotes left as typed, as CMSs print them)."""
    return html.escape(value, quote=False)


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def html_page(page: str, *, article_id: int | None = None, cp1252: bool = False) -> Response:
    if cp1252:
        # characters cp1252 lacks (the eye emoji of one view style) become references
        body = page.encode("cp1252", errors="xmlcharrefreplace")
        return Response(200, body, "text/html; charset=windows-1252", article_id=article_id)
    return Response(200, page.encode("utf-8"), article_id=article_id)


def malformed(paragraphs: list[str]) -> str:
    """The malformed-page quirk: no ``</p>`` anywhere and a stray ``</span>`` after the lead.

    (An unclosed ``<div>`` was tried too, but libxml2 then ignores ``</article>`` and nests
    the sidebar inside the article, which no profile could scope: not "slightly" malformed.)
    """
    unclosed = [p.removesuffix("</p>") for p in paragraphs]
    unclosed[0] += "</span>"
    return "\n".join(unclosed)


def redirect(location: str, status: int = 301) -> Response:
    return Response(status, b"", HTML_UTF8, (("Location", location),))


def json_response(
    data: Any, headers: tuple[tuple[str, str], ...] = (), status: int = 200
) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, "application/json; charset=UTF-8", headers)


def xml_response(document: str, content_type: str = "application/xml; charset=utf-8") -> Response:
    return Response(200, document.encode("utf-8"), content_type)


def share_links(url: str, title: str) -> str:
    """WhatsApp / Facebook / X share anchors (off-site: a crawler must not follow them)."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'<a class="wa" href="https://api.whatsapp.com/send?text={t}%20{u}" rel="nofollow">'
        "WhatsApp</a> "
        f'<a class="fb" href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="nofollow">'
        "Facebook</a> "
        f'<a class="x" href="https://twitter.com/intent/tweet?url={u}&amp;text={t}" '
        'rel="nofollow">X</a>'
    )


def page_numbers(current: int, last: int) -> list[int | None]:
    """Page links around ``current``; None is an ellipsis: 1 None 4 5 6 7 8 None 20."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    out: list[int | None] = []
    for previous, n in zip([0, *shown], shown, strict=False):
        if previous and n - previous > 1:
            out.append(None)
        out.append(n)
    return out


def listing_ids(site: Site, page: int, per_page: int = 10) -> Sequence[int]:
    """Live article ids on listing page ``page`` (1-based), newest first."""
    return site.edition.listing(page, per_page)


def page_count(site: Site, per_page: int = 10) -> int:
    return max(1, -(-site.edition.live_count // per_page))


def rss(
    *, title: str, link: str, self_url: str, description: str, items: Iterable[dict[str, str]]
) -> str:
    """An RSS 2.0 document; each item has title, link, guid, pubDate, description, category*."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{xml_escape(title)}</title>\n<link>{xml_escape(link)}</link>\n"
        f'<atom:link href="{xml_escape(self_url)}" rel="self" type="application/rss+xml"/>\n'
        f"<description>{xml_escape(description)}</description>\n<language>id</language>\n"
    ]
    for item in items:
        cats = "".join(
            f"<category><![CDATA[{c}]]></category>"
            for c in item.get("categories", "").split("|")
            if c
        )
        creator = (
            f"<dc:creator><![CDATA[{item['creator']}]]></dc:creator>" if "creator" in item else ""
        )
        parts.append(
            f"<item>\n<title>{xml_escape(item['title'])}</title>\n"
            f"<link>{xml_escape(item['link'])}</link>\n"
            f'<guid isPermaLink="false">{xml_escape(item["guid"])}</guid>\n'
            f"<pubDate>{item['pubDate']}</pubDate>\n{creator}{cats}\n"
            f"<description><![CDATA[{item['description']}]]></description>\n</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


def urlset(entries: Iterable[tuple[str, datetime | None]]) -> str:
    """A sitemap ``<urlset>`` of (absolute URL, lastmod)."""
    rows = []
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{xml_escape(loc)}</loc>{mod}</url>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(rows)
        + "</urlset>\n"
    )


def sitemap_index(entries: Iterable[tuple[str, datetime | None]]) -> str:
    rows = []
    for loc, lastmod in entries:
        mod = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        rows.append(f"<sitemap><loc>{xml_escape(loc)}</loc>{mod}</sitemap>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(rows)
        + "</sitemapindex>\n"
    )


def robots(site: Site, disallow: Iterable[str], sitemap_path: str) -> Response:
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in disallow), ""]
    # a second group that must not apply to other agents
    lines += ["User-agent: GPTBot", "Disallow: /", "", f"Sitemap: {site.url(sitemap_path)}", ""]
    return Response(200, "\n".join(lines).encode(), "text/plain; charset=utf-8")


def _jpeg() -> bytes:
    """The smallest valid baseline JPEG: 1x1 grey (one all-zero block, one Huffman code)."""

    def seg(marker: int, payload: bytes) -> bytes:
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload

    return (
        b"\xff\xd8"
        + seg(0xDB, b"\x00" + b"\x01" * 64)
        + seg(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
        + seg(0xC4, b"\x00\x01" + b"\x00" * 15 + b"\x00")
        + seg(0xC4, b"\x10\x01" + b"\x00" * 15 + b"\x00")
        + seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + b"\x3f\xff\xd9"
    )


def _pdf(title: str) -> bytes:
    """A one-page PDF with a correct xref table, titled ``title``."""
    stream = f"BT /F1 16 Tf 72 770 Td ({title}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png() -> bytes:
    """A 1x1 transparent PNG, chunks checksummed here rather than pasted as hex."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00\x00\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


JPEG = _jpeg()
PDF = _pdf("RPJMD Kota Tangerang 2025-2029")
PNG = _png()
CSS = b"body{font-family:sans-serif;margin:0}.container{max-width:1140px;margin:auto}\n"
JS = b"document.documentElement.classList.add('js');\n"

# Inline analytics as real portals carry (never page text for an extractor)
ANALYTICS = (
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-CONTOH123"></script>\n'
    "<script>window.dataLayer = window.dataLayer || [];"
    "function gtag(){dataLayer.push(arguments);}gtag('js', new Date());"
    "gtag('config', 'G-CONTOH123');</script>"
)
COOKIE_NOTICE = (
    '<div id="cookie-notice" class="cookie-notice" role="dialog"><p>Situs ini menggunakan '
    "cookie untuk meningkatkan pengalaman Anda. Dengan melanjutkan, Anda menyetujui "
    '<a href="/kebijakan-privasi">kebijakan privasi</a> kami.</p>'
    '<button type="button" onclick="this.parentNode.remove()">Setuju</button></div>\n'
    "<script>if (localStorage.getItem('cookie_ok')) {"
    "document.getElementById('cookie-notice').style.display = 'none';}</script>"
)


def static_asset(path: str) -> Response | None:
    """Images, scripts and styles any page may reference."""
    if path.endswith((".jpg", ".jpeg")):
        return Response(200, JPEG, "image/jpeg")
    if path.endswith(".png"):
        return Response(200, PNG, "image/png")
    if path.endswith(".css"):
        return Response(200, CSS, "text/css")
    if path.endswith(".js"):
        return Response(200, JS, "application/javascript")
    return None


def rss_date(dt: datetime) -> str:
    return formats.rfc822(dt)
