"""``warta search`` as a person and a script use it: the table, JSON, counts, bad input."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from storage import Archive
from tests.search.conftest import Save
from warta.cli import main

WIB = ZoneInfo("Asia/Jakarta")


def warta(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(archive: Archive, save: Save, db_path: Path) -> str:
    save(
        "pasar",
        "Revitalisasi Pasar Anyar Dimulai",
        "Pembangunan los pedagang dimulai pekan ini. Pedagang dipindah sementara.",
        published_at=datetime(2025, 1, 22, 18, 26, tzinfo=WIB),
        view_count=12345,
        tags=("Pasar",),
    )
    save(
        "jalan",
        "Jalan Poros Dibangun Ulang",
        "Jalan poros kecamatan dibangun ulang dengan beton.",
        site_id="kota_makassar",
        published_at=datetime(2025, 2, 3, 9, 15, tzinfo=ZoneInfo("Asia/Makassar")),
    )
    save("tanpa-tanggal", "Pengumuman Seleksi", "Seleksi perangkat kelurahan dibuka.")
    return str(db_path)


def test_table_shows_local_time_zone_label_portal_views_and_snippet(db: str) -> None:
    result = warta("search", "bangun", "--db", db, "--sort", "date")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "2 articles match 'bangun'; 1-2, by date:"
    assert lines[2].split() == ["published", "portal", "views", "title"]
    assert lines[3].startswith("2025-02-03 09:15 WITA  kota_makassar")
    assert lines[3].endswith("Jalan Poros Dibangun Ulang")
    assert lines[4].strip() == "Jalan poros kecamatan dibangun ulang dengan beton."
    assert lines[5].startswith("2025-01-22 18:26 WIB   kota_tangerang")
    assert "12.345  Revitalisasi Pasar Anyar Dimulai" in lines[5]


def test_json_for_scripts(db: str) -> None:
    result = warta("search", "pasar", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["total"] == 1
    [hit] = found["hits"]
    assert hit["published_at"] == "2025-01-22T11:26:00+00:00"
    assert hit["published_local"] == "2025-01-22 18:26 WIB"
    assert hit["view_count"] == 12345
    assert hit["site_id"] == "kota_tangerang"
    assert ["Pasar", True] in hit["title_marked"]


def test_counts_by_month_and_site(db: str) -> None:
    result = warta("search", "bangun OR seleksi", "--db", db, "--count-by", "month")
    assert result.output.splitlines() == [
        "month    articles",
        "2025-01         1",
        "2025-02         1",
        "undated         1",
        "all             3",
    ]
    as_json = json.loads(
        warta("search", "bangun", "--db", db, "--count-by", "site", "--json").output
    )
    assert as_json["counts"] == [
        {"site": "kota_makassar", "articles": 1},
        {"site": "kota_tangerang", "articles": 1},
    ]


def test_filters_reach_the_search(db: str) -> None:
    result = warta("search", "bangun", "--db", db, "--site", "kota_makassar", "--json")
    assert [hit["title"] for hit in json.loads(result.output)["hits"]] == [
        "Jalan Poros Dibangun Ulang"
    ]
    result = warta("search", "bangun", "--db", db, "--since", "2025-02-01", "--json")
    assert json.loads(result.output)["total"] == 1
    result = warta("search", "bangun", "--db", db, "--exact")
    assert result.output.startswith("No articles match 'bangun'")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (['"banjir'], 'Error: cannot read the query: a quote " is not closed'),
        (["banjir", "--since", "2025-13-01"], "Invalid value for '--since'"),
        (["banjir", "--since", "2025-02-01", "--until", "2025-01-01"], "is before --since"),
    ],
)
def test_bad_input_is_one_line_and_a_usage_error(db: str, args: list[str], message: str) -> None:
    result = warta("search", *args, "--db", db)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_no_archive_is_an_error_not_an_empty_file(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.db"
    result = warta("search", "banjir", "--db", str(missing))
    assert result.exit_code == 1
    assert "no archive at" in result.output
    assert not missing.exists()


def test_an_edited_article_says_so(archive: Archive, save: Save, db_path: Path) -> None:
    url = "https://kota_tangerang.go.id/berita/77/tarif-parkir"
    save("tarif", "Tarif Parkir Naik", "Tarif parkir naik menjadi Rp5.000.", url=url)
    save("tarif", "Tarif Parkir Naik", "Tarif parkir naik menjadi Rp3.000.", url=url)
    result = warta("search", "parkir", "--db", str(db_path))
    assert result.output.splitlines()[3].endswith("Tarif Parkir Naik  [edited: 2 versions]")
    as_json = json.loads(warta("search", "parkir", "--db", str(db_path), "--json").output)
    assert as_json["hits"][0]["revision_count"] == 2
    assert "Rp3.000" in as_json["hits"][0]["snippet"]
