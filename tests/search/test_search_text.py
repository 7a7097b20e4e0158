"""Words as search sees them: the same tokens and stems at index time and at query time."""

import pytest

from storage.search_text import fold, stem, stem_text, tokens


@pytest.mark.parametrize(
    "word", ["bangun", "membangun", "pembangunan", "dibangun", "bangunan", "dibangunnya"]
)
def test_forms_of_bangun_meet_at_one_stem(word: str) -> None:
    assert stem(word) == "bangun"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("kebanjiran", "banjir"),
        ("kesehatan", "sehat"),
        ("pendidikan", "didik"),
        ("pelayanan", "layan"),
        ("kebersihan", "bersih"),
        ("penanaman", "tanam"),
        ("perumahan", "rumah"),
    ],
)
def test_affixes_come_off(word: str, root: str) -> None:
    assert stem(word) == root


def test_pemerintah_is_not_an_order() -> None:
    # Sastrawi would read pemerintah(an) as a form of perintah; in government news that would
    # make every article match a search for "perintah".
    assert stem("pemerintah") == stem("pemerintahan") == "pemerintah"
    assert stem("memerintahkan") == "perintah"


def test_numbers_and_other_scripts_stay_whole() -> None:
    assert stem("2024") == "2024"
    assert stem("covid") == "covid"
    assert stem("日本") == "日本"


def test_tokens_fold_case_and_diacritics_as_the_index_does() -> None:
    assert tokens("Pembangunan Jalan (Tahap-2)") == ["pembangunan", "jalan", "tahap", "2"]
    assert fold("Pérémpuan") == "perempuan"
    assert tokens("COVID-19 di Kota") == ["covid", "19", "di", "kota"]


def test_stem_text_keeps_one_token_per_word() -> None:
    # The stem columns keep word positions, so a phrase of stems still finds the words in order.
    assert stem_text("Jalan dibangun, pembangunan 2 tahap") == "jalan bangun bangun 2 tahap"
