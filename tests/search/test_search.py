"""Search over an archive filled through the save path: morphology, the query language,
ranking, filters, counts, highlights, and an index that follows edits."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from storage import Archive, ArticleData
from storage.search import SearchFilters, count_by, month_site_counts, search
from storage.search_query import SearchQueryError
from tests.search.conftest import FETCHED_AT, Save

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def titles(archive: Archive, query: str, filters: SearchFilters | None = None) -> list[str]:
    return [hit.title for hit in search(archive, query, filters).hits]


@pytest.fixture
def news(save: Save) -> dict[str, int]:
    """Articles on three portals, each written for what the tests below look for."""
    return {
        "jembatan": save(
            "jembatan",
            "Pemkot Membangun Jembatan Gantung",
            "Jembatan gantung di Kelurahan Poris dibangun dengan dana kelurahan. "
            "Warga bergotong royong.",
            published_at=datetime(2025, 1, 1, 0, 30, tzinfo=WIB),
            tags=("Infrastruktur",),
            author="Yoga Pratama",
        ),
        "musrenbang": save(
            "musrenbang",
            "Musrenbang Kecamatan Karawaci",
            "Usulan pembangunan drainase dan bantuan sosial menjadi prioritas warga.",
            published_at=datetime(2024, 12, 31, 23, 50, tzinfo=WIB),
            tags=("Perencanaan",),
            author="Siti Rahma",
        ),
        "bangunan": save(
            "bangunan",
            "Bangunan Liar di Bantaran Kali Ditertibkan",
            "Satpol PP menertibkan 30 bangunan liar. Pemilik sudah diberi surat peringatan.",
            site_id="kota_makassar",
            published_at=datetime(2025, 2, 1, 3, 0, tzinfo=WITA),  # 2025-02-01 02:00 WIB
            tags=("Ketertiban",),
        ),
        "banjir_judul": save(
            "banjir-judul",
            "Banjir Rob Rendam Pesisir",
            "Air laut pasang merendam permukiman nelayan sejak pagi hari.",
            site_id="kota_jayapura",
            published_at=datetime(2025, 1, 31, 23, 30, tzinfo=WIB),
            tags=("Bencana",),
        ),
        "banjir_isi": save(
            "banjir-isi",
            "Warga Kerja Bakti Bersihkan Saluran",
            "Kerja bakti digelar agar saluran tidak tersumbat dan banjir tidak terulang.",
            published_at=datetime(2025, 1, 20, 8, 0, tzinfo=WIB),
            tags=("Lingkungan Hidup",),
        ),
        "sosial": save(
            "sosial",
            "Dinas Sosial Data Ulang Penerima",
            "Pendataan bantuan dilakukan dari rumah ke rumah untuk program sosial.",
            tags=("Sosial",),
        ),
        "vaksin": save(
            "vaksin",
            "Vaksinasi Lanjutan untuk Lansia",
            "Puskesmas membuka layanan vaksin setiap Sabtu.",
            published_at=datetime(2025, 3, 2, 9, 0, tzinfo=WIB),
            tags=("Kesehatan",),
        ),
    }


def test_bangun_finds_every_form_and_quotes_find_the_word_alone(
    archive: Archive, news: dict[str, int]
) -> None:
    found = {hit.article_id for hit in search(archive, "bangun").hits}
    assert found == {news["jembatan"], news["musrenbang"], news["bangunan"]}
    assert search(archive, '"bangun"').total == 0  # no article has the bare word
    assert titles(archive, '"bangunan"') == ["Bangunan Liar di Bantaran Kali Ditertibkan"]
    assert search(archive, "pembangunan", stemmed=False).total == 1


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(
    archive: Archive, news: dict[str, int]
) -> None:
    assert titles(archive, "banjir") == [
        "Banjir Rob Rendam Pesisir",
        "Warga Kerja Bakti Bersihkan Saluran",
    ]


def test_the_form_as_typed_ranks_above_forms_found_by_stem(
    archive: Archive, news: dict[str, int]
) -> None:
    hits = search(archive, "pembangunan").hits
    assert hits[0].article_id == news["musrenbang"]  # the only one that says "pembangunan"
    assert len(hits) == 3


def test_phrase_or_exclude_and_prefix(archive: Archive, news: dict[str, int]) -> None:
    # "bantuan sosial" in that order is in one article; the other has both words apart.
    assert titles(archive, '"bantuan sosial"') == ["Musrenbang Kecamatan Karawaci"]
    assert {hit.article_id for hit in search(archive, "bantuan sosial").hits} == {
        news["musrenbang"],
        news["sosial"],
    }
    assert {hit.article_id for hit in search(archive, "rob OR jembatan").hits} == {
        news["banjir_judul"],
        news["jembatan"],
    }
    assert titles(archive, "banjir -saluran") == ["Banjir Rob Rendam Pesisir"]
    assert titles(archive, "vaksin*") == ["Vaksinasi Lanjutan untuk Lansia"]
    assert titles(archive, "vaksin") == ["Vaksinasi Lanjutan untuk Lansia"]  # the body's word


def test_tags_are_searched(archive: Archive, news: dict[str, int]) -> None:
    assert titles(archive, "ketertiban") == ["Bangunan Liar di Bantaran Kali Ditertibkan"]


def test_dates_filter_on_wib_days_both_ends_included(
    archive: Archive, news: dict[str, int]
) -> None:
    # jembatan: 2025-01-01 00:30 WIB; musrenbang: 2024-12-31 23:50 WIB.
    new_year = SearchFilters(since=date(2025, 1, 1))
    assert {hit.article_id for hit in search(archive, "bangun", new_year).hits} == {
        news["jembatan"],
        news["bangunan"],
    }
    old_year = SearchFilters(until=date(2024, 12, 31))
    assert titles(archive, "bangun", old_year) == ["Musrenbang Kecamatan Karawaci"]
    # bangunan: 2025-02-01 03:00 WITA is 02:00 WIB, on February 1st in WIB too.
    january = SearchFilters(since=date(2025, 1, 1), until=date(2025, 1, 31))
    assert titles(archive, "bangun", january) == ["Pemkot Membangun Jembatan Gantung"]


def test_site_tag_and_author_filters(archive: Archive, news: dict[str, int]) -> None:
    assert titles(archive, "bangun", SearchFilters(site_ids=("kota_makassar",))) == [
        "Bangunan Liar di Bantaran Kali Ditertibkan"
    ]
    both = SearchFilters(site_ids=("kota_makassar", "kota_jayapura"))
    assert search(archive, "bangun OR banjir", both).total == 2
    assert titles(archive, "banjir", SearchFilters(tag="lingkungan hidup")) == [
        "Warga Kerja Bakti Bersihkan Saluran"
    ]
    assert titles(archive, "bangun", SearchFilters(author="yoga")) == [
        "Pemkot Membangun Jembatan Gantung"
    ]
    assert search(archive, "bangun", SearchFilters(author="%")).total == 0  # not a wildcard


def test_sort_by_date_is_newest_first_with_undated_last(
    archive: Archive, news: dict[str, int]
) -> None:
    found = search(archive, "bangun OR bantuan", sort="date").hits
    assert [hit.article_id for hit in found] == [
        news["bangunan"],  # 2025-02-01
        news["jembatan"],  # 2025-01-01
        news["musrenbang"],  # 2024-12-31
        news["sosial"],  # no date
    ]
    assert all(hit.score is None for hit in found)


def test_pages_and_total(archive: Archive, news: dict[str, int]) -> None:
    first = search(archive, "bangun", sort="date", limit=2)
    second = search(archive, "bangun", sort="date", limit=2, offset=2)
    assert first.total == second.total == 3
    assert [hit.article_id for hit in first.hits + second.hits] == [
        news["bangunan"],
        news["jembatan"],
        news["musrenbang"],
    ]


def test_counts_by_wib_month_and_by_portal(archive: Archive, news: dict[str, int]) -> None:
    # banjir_judul: 2025-01-31 23:30 WIB (January, though already February in Jayapura).
    assert count_by(archive, "bangun OR banjir OR bantuan", by="month") == [
        ("2024-12", 1),
        ("2025-01", 3),
        ("2025-02", 1),
        ("undated", 1),
    ]
    assert count_by(archive, "bangun OR banjir", by="site") == [
        ("kota_tangerang", 3),
        ("kota_jayapura", 1),
        ("kota_makassar", 1),
    ]


def test_month_and_portal_counts_in_one_pass(archive: Archive, news: dict[str, int]) -> None:
    assert month_site_counts(archive, "bangun OR banjir OR bantuan") == [
        ("2024-12", "kota_tangerang", 1),
        ("2025-01", "kota_jayapura", 1),
        ("2025-01", "kota_tangerang", 2),
        ("2025-02", "kota_makassar", 1),
        ("undated", "kota_tangerang", 1),
    ]
    # A page that counted already passes its total; the hits are the same.
    counted = search(archive, "bangun", total=3)
    assert counted.total == 3
    assert counted.hits == search(archive, "bangun").hits


def test_hits_carry_the_portal_zone_views_and_marked_words(
    archive: Archive, news: dict[str, int]
) -> None:
    [hit] = search(archive, "jembatan dibangun").hits
    assert hit.timezone == "Asia/Jakarta"
    assert hit.published_at == datetime(2024, 12, 31, 17, 30, tzinfo=UTC)
    # "Membangun" shares the stem of "dibangun": marked, and joined with its neighbour.
    assert hit.title_marked == (
        ("Pemkot ", False),
        ("Membangun Jembatan", True),
        (" Gantung", False),
    )
    assert ("dibangun", True) in hit.snippet
    assert hit.snippet[0] == ("Jembatan", True)
    [bangunan] = search(archive, "bangun", SearchFilters(site_ids=("kota_makassar",))).hits
    assert bangunan.timezone == "Asia/Makassar"


def test_a_long_body_is_cut_around_the_matches(archive: Archive, save: Save) -> None:
    filler = " ".join(f"kalimat{n}" for n in range(60))
    save("panjang", "Laporan Tahunan", f"{filler} anggaran banjir naik {filler}")
    [hit] = search(archive, "banjir").hits
    text = "".join(piece for piece, _ in hit.snippet)
    assert text.startswith("… ")
    assert text.endswith(" …")
    assert "anggaran banjir naik" in text
    assert len(text.split()) <= 30


def test_an_edit_reindexes_the_article(archive: Archive, news: dict[str, int]) -> None:
    edited = ArticleData(
        url=archive.history(news["banjir_judul"]).article["url"],
        site_id="kota_jayapura",
        title="Banjir Rob Rendam Pesisir Hamadi",
        body_text="Air laut pasang merendam permukiman. Tanggul darurat dipasang BPBD.",
        fetched_at=FETCHED_AT.replace(day=2),
        tags=("Bencana", "BPBD"),
    )
    archive.save_articles([edited])
    assert titles(archive, "tanggul") == ["Banjir Rob Rendam Pesisir Hamadi"]
    assert titles(archive, "nelayan") == []  # only the old revision said it
    assert titles(archive, "bpbd") == ["Banjir Rob Rendam Pesisir Hamadi"]
    assert search(archive, "banjir").total == 2  # one row per article, not per revision


def test_a_reextraction_reindexes_the_article(archive: Archive, news: dict[str, int]) -> None:
    stored = archive.history(news["vaksin"]).article
    again = ArticleData(
        url=stored["url"],
        site_id="kota_tangerang",
        title="Vaksinasi Lanjutan untuk Lansia dan Balita",
        body_text="Puskesmas membuka layanan imunisasi setiap Sabtu.",
        fetched_at=FETCHED_AT,
    )
    archive.apply_reextraction(news["vaksin"], again)
    assert titles(archive, "imunisasi") == ["Vaksinasi Lanjutan untuk Lansia dan Balita"]
    assert search(archive, "vaksin").total == 0  # the body's word is gone
    assert search(archive, "vaksin*").total == 1  # the title still says vaksinasi


def test_a_malformed_query_raises_one_line(archive: Archive, news: dict[str, int]) -> None:
    with pytest.raises(SearchQueryError, match="not closed"):
        search(archive, '"banjir')
