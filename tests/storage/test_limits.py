"""Values fitted to what the archive can hold before a write, so one cannot sink a batch."""

import pytest

from storage.limits import MAX_PLAUSIBLE_VIEWS, Unstorable, fit_for_storage
from tests.storage.conftest import make_data


def test_an_ordinary_article_is_left_alone() -> None:
    data = make_data()
    fitted = fit_for_storage(data)
    assert fitted.data == data
    assert fitted.changes == ()


def test_an_implausible_view_count_becomes_null_with_its_text_kept() -> None:
    fitted = fit_for_storage(make_data(view_count=99_999_999_999_999))
    assert fitted.data.view_count is None
    assert fitted.data.view_count_raw == "99999999999999"
    assert fitted.changes == ("view_count_implausible",)


def test_the_printed_count_wins_over_the_number_when_extraction_kept_it() -> None:
    data = make_data(view_count=3_000_000_000, view_count_raw="Dibaca: 3.000.000.000 kali")
    assert fit_for_storage(data).data.view_count_raw == "Dibaca: 3.000.000.000 kali"


def test_the_largest_plausible_count_is_kept() -> None:
    assert fit_for_storage(make_data(view_count=MAX_PLAUSIBLE_VIEWS)).data.view_count == (
        2_000_000_000
    )


def test_an_over_long_url_refuses_the_article() -> None:
    url = "https://sample.go.id/berita/" + "sangat-panjang-" * 140  # 2,128 bytes
    with pytest.raises(Unstorable) as refused:
        fit_for_storage(make_data(url=url))
    assert refused.value.reason == "url_too_long"
    assert "2128 bytes" in str(refused.value)


def test_an_over_long_tag_is_dropped_and_the_rest_kept_in_order() -> None:
    paragraph = "Tag ini sebenarnya sebuah paragraf " * 10  # 350 characters
    fitted = fit_for_storage(make_data(tags=("Pemkot", paragraph, "Pasar")))
    assert fitted.data.tags == ("Pemkot", "Pasar")
    assert fitted.changes == ("tag_too_long",)


def test_nul_and_lone_surrogates_are_removed_from_text() -> None:
    fitted = fit_for_storage(make_data(title="Pasar\x00 Baru", body_text="Isi \ud800berita"))
    assert fitted.data.title == "Pasar Baru"
    assert fitted.data.body_text == "Isi ?berita"
    assert fitted.changes == ("text_cleaned",)
