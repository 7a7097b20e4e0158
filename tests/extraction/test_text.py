"""Tests for `normalize_space` and `clean_body` on paragraphs as Indonesian portals print them."""

from __future__ import annotations

import pytest

from crawler.extraction.text import clean_body, is_boilerplate, normalize_space

SPACES = [
    ("", ""),
    ("   ", ""),
    ("Kota  Tangerang", "Kota Tangerang"),
    ("\tKota\nTangerang\r\n", "Kota Tangerang"),
    ("Kota\xa0Tangerang", "Kota Tangerang"),  # NBSP from &nbsp;
    ("Kota\u2009Tangerang\u3000Selatan", "Kota Tangerang Selatan"),  # thin and ideographic
    ("Kota \xa0 \n Tangerang", "Kota Tangerang"),
    ("\u200bKota Tangerang\u200b", "Kota Tangerang"),  # zero-width spaces around
    ("Jaka\u200brta", "Jakarta"),  # zero-width inside a word is dropped, not a break
    ("\ufeffBerita", "Berita"),  # byte-order mark at the start of a field
    ("Pe\u00admerintah", "Pemerintah"),  # soft hyphen
    ("Kota \u200b Tangerang", "Kota Tangerang"),
    ("a\u2028b\u2029c", "a b c"),  # line and paragraph separators
]


@pytest.mark.parametrize(("text", "expected"), SPACES, ids=repr)
def test_normalize_space(text: str, expected: str) -> None:
    assert normalize_space(text) == expected


BOILERPLATE = [
    "Baca juga: Banjir Rendam Ciledug, Warga Mengungsi",
    "BACA JUGA: Wali Kota Tinjau Pasar",
    "Baca Juga : Jadwal Samsat Keliling Hari Ini",
    "Baca juga Pemkot Tangerang Gelar Operasi Pasar",
    "Simak juga: Video Peresmian Jembatan",
    "Editor: Rina Suryani",
    "Editor : Rina Suryani",
    "Penulis: Humas Pemkot",
    "Pewarta: Achmad Irfan",  # antaranews credit
    "Sumber: ANTARA",
    "Reporter: Dira Derby",
    "Penulis : Dira Derby | Editor : Rangga",
    "Foto: Dok. Humas Pemkot Tangerang",
    "(adv)",
    "(ADV)",
    "ADVERTISEMENT",
    "Advertisement",
    "SCROLL TO CONTINUE WITH CONTENT",  # detik
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",  # detik, both in one node
    "Scroll untuk melanjutkan",
    "Scroll untuk melanjutkan membaca",
    "Bagikan:",
    "Bagikan",
    "Bagikan artikel ini",
    "Bagikan artikel ini: Facebook Twitter WhatsApp",
    "Share this:",
    "Share: Facebook Twitter",
    "Pastikan Google Captcha Sudah Tercentang !!!",  # regional CMS comment form
]


@pytest.mark.parametrize("paragraph", BOILERPLATE, ids=repr)
def test_boilerplate_paragraphs_are_dropped(paragraph: str) -> None:
    assert is_boilerplate(paragraph)
    assert clean_body(["TANGERANG - Isi berita.", paragraph, "Penutup berita."]) == [
        "TANGERANG - Isi berita.",
        "Penutup berita.",
    ]


PROSE = [
    "Sumber air bersih di desa itu mengering sejak Agustus.",
    "Editor senior itu mengatakan redaksi akan meralat berita tersebut.",
    "Penulis buku itu hadir dalam peluncuran di Perpustakaan Daerah.",
    "Reporter televisi lokal juga meliput acara tersebut.",
    "Bagikan pengalaman Anda melalui kanal pengaduan resmi Pemkot.",
    "Share saham perusahaan daerah naik dua persen.",
    "Iklan rokok dilarang dipasang di sekitar sekolah.",
    "Warga diminta membaca juga papan pengumuman di kelurahan.",
    "Scroll media sosial menjadi kebiasaan remaja, kata psikolog itu.",
    # antaranews-style dateline with an en dash
    "TANGERANG \u2013 Pemerintah Kota Tangerang meresmikan jembatan baru, Rabu (22/1/2025).",
    "TANGERANG, (ANTARA) - Wali Kota Tangerang meninjau lokasi banjir di Ciledug.",
    # A long paragraph that opens like a credit line is prose, not a credit.
    "Sumber: menurut Kepala Dinas Pekerjaan Umum, perbaikan jalan sepanjang 12 kilometer "
    "itu dikerjakan dalam tiga tahap mulai Februari hingga Agustus, dengan anggaran dari APBD "
    "dan bantuan provinsi yang sudah disetujui DPRD sejak akhir tahun lalu.",
]


@pytest.mark.parametrize("paragraph", PROSE, ids=repr)
def test_prose_is_kept(paragraph: str) -> None:
    assert not is_boilerplate(paragraph)
    assert clean_body([paragraph]) == [paragraph]


def test_clean_body_keeps_order_and_normalizes() -> None:
    paragraphs = [
        "  TANGERANG\xa0\u2013 Hujan deras mengguyur\nKota Tangerang sejak pagi. ",
        "",
        "BACA JUGA: Banjir di Ciledug",
        "\u200b",
        "Sejumlah ruas jalan tergenang  hingga 50 sentimeter.",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Warga diminta waspada.",
        "Editor: Rina",
        "Bagikan:",
    ]
    assert clean_body(paragraphs) == [
        "TANGERANG \u2013 Hujan deras mengguyur Kota Tangerang sejak pagi.",
        "Sejumlah ruas jalan tergenang hingga 50 sentimeter.",
        "Warga diminta waspada.",
    ]


def test_clean_body_of_nothing() -> None:
    assert clean_body([]) == []
    assert clean_body(["", " ", "\n\t", "\xa0"]) == []


def test_clean_body_does_not_modify_its_input() -> None:
    paragraphs = ["  Satu. ", "Baca juga: Dua"]
    clean_body(paragraphs)
    assert paragraphs == ["  Satu. ", "Baca juga: Dua"]
