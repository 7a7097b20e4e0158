"""The portal's content as data: determinism, the timeline, curated articles, variety."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from sample_portal import corpus, formats, wordpress_layout
from sample_portal.timeline import MAX_ARTICLES, WIB, generated_time


def test_article_depends_only_on_seed_and_id() -> None:
    first = corpus.article(1, 1234)
    corpus.article.cache_clear()
    corpus.summary.cache_clear()
    assert corpus.article(1, 1234) == first
    assert corpus.article(2, 1234) != first


def test_curated_article_1_is_the_seed_page() -> None:
    a = corpus.article(7, 1)  # curated articles ignore the seed
    s = a.summary
    assert s.title == (
        "Pemkot Tangerang Raih Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik"
    )
    assert formats.meta_date(s.date_style, s.published) == "Rabu, 22 Januari 2025 18:26 WIB"
    assert formats.meta_views(s.date_style, s.view_count) == "Dibaca : 61"
    assert s.published.astimezone(UTC) == datetime(2025, 1, 22, 11, 26, tzinfo=UTC)
    assert s.tags == ("kota tangerang",)
    assert a.paragraphs[0] == (
        "Pemerintah Kota (Pemkot) Tangerang di awal 2025 kembali mendapatkan penghargaan. Kali "
        "ini, Pemkot Tangerang mendapatkan predikat Opini Kualitas Tertinggi pada Kepatuhan "
        "Penyelenggaraan Pelayanan Publik dari Ombudsman RI Perwakilan Provinsi Banten."
    )
    assert len(a.paragraphs) == 6
    assert a.paragraphs[-1].endswith("dan Disdukcapil dengan nilai 93.08.")


def test_curated_articles_come_before_the_generated_ones() -> None:
    dates = [corpus.summary(1, i).published for i in (1, 2, 3, 4)]
    assert dates == sorted(dates)
    assert len(set(dates)) == 4


def test_timeline_increases_and_ends_before_november_2026() -> None:
    previous = corpus.summary(1, 3).published
    for i in range(4, MAX_ARTICLES + 1):
        t = generated_time(1, i)
        assert t - previous >= timedelta(minutes=1), i
        previous = t
    assert previous <= datetime(2026, 11, 1, tzinfo=WIB)


def test_first_thousand_generated_articles_are_1_to_12_hours_apart() -> None:
    steps = [generated_time(1, i + 1) - generated_time(1, i) for i in range(4, 1003)]
    assert min(steps) >= timedelta(hours=1)
    assert max(steps) <= timedelta(hours=12)


def test_generated_articles_are_never_identical() -> None:
    articles = [corpus.article(1, i) for i in range(1, 1500)]
    seen = {(a.summary.title, a.paragraphs) for a in articles}
    assert len(seen) == 1499


def test_generated_articles_look_like_news() -> None:
    articles = [corpus.article(1, i) for i in range(4, 404)]
    lengths = Counter(len(a.paragraphs) for a in articles)
    assert min(lengths) >= 4
    assert max(lengths) <= 9
    datelined = sum(
        a.paragraphs[0].startswith(("TANGERANG", "KOTA TANGERANG", "Tangerang -")) for a in articles
    )
    assert 0.6 < datelined / len(articles) < 0.95
    assert all(0 <= a.summary.view_count <= 50_000 for a in articles)
    assert {a.summary.date_style for a in articles} == set(range(len(formats.DATE_STYLES)))
    assert any(a.baca_juga for a in articles)
    assert {a.credit.split(":")[0] for a in articles if a.credit} == {"Editor", "Pewarta", "(adv)"}


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (0, "Rabu, 22 Januari 2025 18:26 WIB | Dibaca : 1.234"),
        (1, "Rabu, 22 Jan 2025 - 18:26 wib | Dilihat 1.234 kali"),
        (2, "22/01/2025 18.26 WIB | \U0001f441 1.234"),
        (3, "Rabu, 22 Januari 2025 | 18:26 WIB | Dibaca 1.234 kali"),
        (4, "Rabu, 22/01/2025 18:26 WIB | 1.234 Views"),
        (5, "Rabu, 22 Januari 2025, 18:26 WIB | 1.234 kali dibaca"),
    ],
)
def test_meta_line_styles(style: int, expected: str) -> None:
    when = datetime(2025, 1, 22, 18, 26, tzinfo=WIB)
    assert f"{formats.meta_date(style, when)} | {formats.meta_views(style, 1234)}" == expected


def test_friday_and_sunday_spellings() -> None:
    friday = datetime(2025, 1, 17, 13, 30, tzinfo=WIB)
    assert formats.meta_date(3, friday) == "Jum'at, 17 Januari 2025 | 13:30 WIB"
    assert formats.meta_date(5, friday + timedelta(days=2)).startswith("Ahad, 19 Januari 2025")


def test_wordpress_slugs_repeated_within_a_day_get_a_suffix() -> None:
    by_day: dict[tuple[object, str], list[int]] = {}
    for i in range(1004, 12_000):
        s = corpus.summary(1, i)
        by_day.setdefault((s.published.date(), s.slug), []).append(i)
    (day, slug), ids = next((k, v) for k, v in by_day.items() if len(v) > 1)
    first, second = (corpus.summary(1, i) for i in ids[:2])
    assert wordpress_layout.wp_slug(1, first) == slug
    assert wordpress_layout.wp_slug(1, second) == f"{slug}-2"
    assert wordpress_layout.find_article(1, day, f"{slug}-2") == ids[1]  # type: ignore[arg-type]
