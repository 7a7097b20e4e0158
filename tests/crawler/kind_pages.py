"""Portal pages for the page-kind tests: a menu, a "Terpopuler" sidebar and a footer around
whatever a test puts in ``<main>``, and the classifier's answer for them."""

from __future__ import annotations

from parsel import Selector

from crawler.generic.page_kind import PageKind, classify, page_signals

BASE = "https://kotauji.go.id"

MENU = """<header><nav><a href="/">Beranda</a> <a href="/berita">Berita</a>
<a href="/profil">Profil</a></nav></header>"""
SIDEBAR = """<aside class="sidebar"><h3>Terpopuler</h3><ul>
<li><a href="/berita/7/warga-antusias-ikuti-senam-pagi-bersama">Warga Antusias Ikuti Senam Pagi
Bersama</a> <span>Senin, 6 Januari 2025</span></li>
<li><a href="/berita/8/lurah-baru-dilantik-di-kecamatan-timur">Lurah Baru Dilantik di Kecamatan
Timur</a> <span>Senin, 6 Januari 2025</span></li></ul></aside>"""
FOOTER = '<footer>&copy; 2025 Pemkot Uji <a href="/unduhan/laporan-2024.pdf">Laporan</a></footer>'
BODY = (
    "<p>KOTA UJI – Pemerintah Kota Uji menggelar pasar murah di 13 kecamatan untuk menekan "
    "harga bahan pokok menjelang Ramadan. Warga dapat membeli beras, minyak goreng dan gula "
    "dengan harga di bawah harga pasar.</p>"
    "<p>Kepala Dinas Perdagangan mengatakan kegiatan ini akan digelar setiap pekan hingga "
    "akhir bulan, dengan kuota 500 paket sembako untuk setiap kecamatan yang ada.</p>"
    "<p>Warga menyambut baik kegiatan tersebut dan berharap pasar murah digelar rutin.</p>"
)
SHORT_BODY = "<p>Pemkot Uji menerima kunjungan kerja DPRD provinsi di balai kota, Senin pagi.</p>"


def page(main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}
<title>Pemkot Uji</title></head><body>{MENU}<main>{main}</main>{SIDEBAR}{FOOTER}</body></html>"""


def kind_of(html: str, path: str, *, listed: bool = False) -> PageKind:
    url = BASE + path
    return classify(page_signals(Selector(text=html, base_url=url), url), listed_as_article=listed)


def headlines(count: int, *, flat: bool) -> str:
    """``count`` teasers: each a linked headline, a date and an excerpt."""
    items = []
    for n in range(1, count + 1):
        href = f"/berita/{n}/kegiatan-warga-kota-uji-ke-{n}"
        headline = f'<h3><a href="{href}">Kegiatan Warga Kota Uji Ke-{n}</a></h3>'
        excerpt = f"<p>Selasa, 7 Januari 2025</p><p>{BODY[3:180]} ...</p>"
        items.append(headline + excerpt if flat else f'<div class="item">{headline}{excerpt}</div>')
    return "".join(items)
