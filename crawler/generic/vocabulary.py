"""The words and URL shapes that generic discovery reads a portal by, Indonesian and English.

Data only; the logic is in ``url_shape``, ``links`` and ``page_kind``. A portal that names its
news section ``/kabar-daerah`` or numbers pages ``?hal=2`` is taught here, in one place.
Words are lower-case; path segments are compared whole or split on ``-``, ``_`` and ``.``.
Month, day and zone words are not here: dates are read with the extractor's vocabulary,
:mod:`crawler.extraction.date_vocabulary`, so both read the same spellings.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    """``"berita news"`` → ``{"berita", "news"}``: long word lists stay readable as data."""
    return frozenset(text.split())


# A menu entry or section path made of these words leads to the news: "Berita", "Siaran Pers",
# ``/kabar-daerah``, ``/news``.
NEWS_WORDS: Final = _words(
    "berita news kabar warta artikel article articles informasi info pers press rilis "
    "release releases liputan publikasi blog posts"
)
# Words that may stand beside a news word in a section name without making it something else:
# "Berita Terkini", "Indeks Berita", "Siaran Pers", "Berita Daerah", "All News".
SECTION_MODIFIERS: Final = _words(
    "siaran terkini terbaru utama daerah kota kabupaten provinsi pemerintahan umum semua "
    "lainnya indeks index arsip archive daftar list all latest dan and kegiatan opd nasional "
    "lihat selengkapnya"
)

# Pagination anchors, compared after trimming arrows: "Selanjutnya »", "Berikutnya", "»".
NEXT_PAGE_TEXTS: Final = frozenset(
    {
        *_words("selanjutnya berikutnya lanjut next » › > >> →"),
        "next page",
        "halaman berikutnya",
        "older posts",
        "older entries",
        "berita lama",
        "berita sebelumnya",
    }
)
# Containers whose numbered links are page numbers (``<ul class="pagination">`` and kin).
PAGINATION_CONTAINERS: Final = (
    "[class*='pagination']",
    "[class*='pager']",
    "[class*='page-numbers']",
    "[class*='paging']",
    "[class*='nav-links']",
    "nav.navigation",
)

# Path segments of sections that never hold news, with everything under them: a gallery item
# has a date and a caption, a PPID document page a date and a long text; neither is an article.
NON_NEWS_SECTIONS: Final = _words(
    "profil profile tentang tentang-kami about about-us kontak kontak-kami contact contact-us "
    "hubungi-kami visi-misi struktur-organisasi sejarah galeri gallery galeri-foto foto photo "
    "video videos album unduhan download downloads dokumen documents ppid kebijakan-privasi "
    "privacy-policy disclaimer peta-situs faq redaksi pedoman-media-siber tautan"
)
# ``/tag/<name>``, ``/author/<name>``: lists of articles, weak as link sources because what
# they list is in the news listing too. Followed last.
TAXONOMY_WORDS: Final = _words("tag tags label labels topik topic author penulis user pengguna")
# ``/category/<name>``, ``/kategori/<name>``, ``/kanal/<name>``: a section of the news.
SECTION_WORDS: Final = _words("category kategori kanal rubrik rubrikasi section archives arsip")

# Never fetched as pages: admin, search, print and share views, feeds and APIs (read by their
# own parsers), AMP copies of articles, and the CMS's file folders.
SKIP_SEGMENTS: Final = _words(
    "wp-admin wp-login.php wp-json wp-content wp-includes xmlrpc.php admin administrator "
    "login logout register cari search pencarian print cetak share feed rss amp cdn-cgi "
    "assets static uploads upload files storage"
)
SKIP_QUERY_KEYS: Final = _words("s q search keyword print replytocom share amp ical format")
# Files, not pages: the documents a portal offers for download and the media it embeds.
FILE_EXTENSIONS: Final = _words(
    "pdf doc docx xls xlsx ppt pptx odt ods csv zip rar 7z gz jpg jpeg png gif webp svg bmp "
    "ico mp3 mp4 avi mov mkv webm xml json txt css js woff woff2 ttf apk"
)
# Page extensions a slug may carry: ``/berita/pasar-murah-digelar.html``.
PAGE_EXTENSIONS: Final = _words("html htm php asp aspx jsp")

# Query keys that number a listing's pages (``?page=2``, ``?halaman=3``) or offset them
# (``?start=20``), and path words before a page number (``/page/2``, ``/halaman/3``).
PAGE_NUMBER_KEYS: Final = _words("page halaman hal paged pg")
PAGE_QUERY_KEYS: Final = PAGE_NUMBER_KEYS | _words("start offset per_page")
PAGE_PATH_WORDS: Final = _words("page halaman hal")
# Query keys that name one article: ``index.php?page=berita&id=5``, ``/?p=123`` (WordPress).
ARTICLE_QUERY_KEYS: Final = _words("id p news_id berita_id artikel_id idb")

# A date in a path: ``/2025/01/22/``, ``/2025/01/``; compact in a slug: ``20250122``.
DATE_IN_PATH: Final = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?/"
)
COMPACT_DATE: Final = re.compile(
    r"(?:^|[/_-])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
# A headline slug has this many words at least: ``pemkot-raih-opini-ombudsman``.
MIN_SLUG_WORDS: Final = 4

# JSON-LD ``@type`` values that say what a page is.
ARTICLE_LD_TYPES: Final = _words(
    "NewsArticle Article BlogPosting ReportageNews AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle Report"
)
LISTING_LD_TYPES: Final = _words(
    "CollectionPage ItemList SearchResultsPage ProfilePage ContactPage AboutPage"
)

# Feeds in ``<link rel=alternate>`` of these types, unless the title or URL says "comments".
FEED_TYPES: Final = _words("application/rss+xml application/atom+xml")
COMMENT_FEED_WORDS: Final = ("comment", "komentar")
# Child sitemaps of tags, authors and categories (Yoast, WordPress core) list no article.
TAXONOMY_SITEMAP_WORDS: Final = ("tag", "author", "category", "kategori", "user", "taxonom")

# Blocks whose text and links belong to the portal, not to the page: menus, sidebars, related
# lists, comments. Tags, or whole words of an element's class or id (``widget populer``).
BOILERPLATE_BLOCK_TAGS: Final = _words(
    "nav aside footer script style noscript template iframe select"
)
BOILERPLATE_BLOCK_WORDS: Final = _words(
    "sidebar widget menu navbar breadcrumb breadcrumbs comment comments komentar related "
    "terkait populer popular terpopuler share sharedaddy footer cookie"
)
