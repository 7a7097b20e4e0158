"""What a URL's shape says before the page is fetched: home, listing, article, taxonomy,
static, or not worth fetching.
"""

from __future__ import annotations

import pytest

from crawler.generic.url_shape import Shape, url_shape, without_first_page
from tests.crawler.kind_pages import (
    BASE,
)


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/", Shape.HOME),
        ("/index.php", Shape.HOME),
        ("/berita", Shape.LISTING),
        ("/berita/page/3", Shape.LISTING),
        ("/berita?page=2", Shape.LISTING),
        ("/index.php?page=berita", Shape.LISTING),
        ("/siaran-pers", Shape.LISTING),
        ("/category/berita/page/2/", Shape.LISTING),
        ("/kategori/ekonomi", Shape.LISTING),
        ("/2025/01/", Shape.LISTING),
        ("/berita/5/pemkot-raih-opini", Shape.ARTICLE),
        ("/berita/detail/35123", Shape.ARTICLE),
        ("/news/read/12345/wali-kota-resmikan", Shape.ARTICLE),
        ("/index.php?page=berita&id=12", Shape.ARTICLE),
        ("/?p=123", Shape.ARTICLE),
        ("/2025/01/22/pemkot-raih-opini/", Shape.ARTICLE),
        ("/pemkot-raih-penghargaan-ombudsman-2025/", Shape.ARTICLE),
        ("/berita/pasar-murah-digelar-di-kecamatan.html", Shape.ARTICLE),
        ("/12345-judul-berita", Shape.ARTICLE),
        ("/tag/stunting/", Shape.TAXONOMY),
        ("/tag/stunting/page/2/", Shape.TAXONOMY),
        ("/author/redaksi/", Shape.TAXONOMY),
        ("/profil", Shape.STATIC),
        ("/profil/sejarah-kota-uji-dari-masa-ke-masa", Shape.STATIC),
        ("/galeri/festival-budaya-kota-uji-2025", Shape.STATIC),
        ("/tentang-kami/", Shape.STATIC),
        ("/dokumen/perda-nomor-5-tahun-2024.pdf", Shape.SKIP),
        ("/wp-content/uploads/2025/01/foto.jpg", Shape.SKIP),
        ("/wp-json/wp/v2/posts", Shape.SKIP),
        ("/feed/", Shape.SKIP),
        ("/cari?q=banjir", Shape.SKIP),
        ("/?s=banjir", Shape.SKIP),
        ("/admin/login", Shape.SKIP),
        ("/berita/5/pemkot-raih-opini/amp", Shape.SKIP),
        ("/berita/5/pemkot-raih-opini?replytocom=12", Shape.SKIP),
        ("/pengumuman", Shape.UNKNOWN),
        ("/layanan", Shape.UNKNOWN),
    ],
)
def test_url_shape(path: str, shape: Shape) -> None:
    assert url_shape(BASE + path) is shape


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/berita?page=1", "/berita"),
        ("/index.php?mod=berita&halaman=1", "/index.php?mod=berita"),
        ("/category/berita/page/1/", "/category/berita/"),
        ("/berita?page=2", "/berita?page=2"),
        ("/berita?start=1", "/berita?start=1"),
        ("/page/10/", "/page/10/"),
        ("/berita/1/pemkot-raih-opini", "/berita/1/pemkot-raih-opini"),
    ],
)
def test_without_first_page(path: str, expected: str) -> None:
    assert without_first_page(BASE + path) == BASE + expected
