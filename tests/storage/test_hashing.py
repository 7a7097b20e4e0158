"""content_hash normalizes whitespace, case and Unicode composition, and nothing else."""

import hashlib

from storage import content_hash
from storage.hashing import collapse_whitespace


def test_hash_is_sha256_of_normalized_title_newline_body() -> None:
    expected = hashlib.sha256(b"wali kota resmikan pasar\npasar baru dibuka.").hexdigest()
    assert content_hash("Wali Kota  RESMIKAN Pasar", "Pasar baru\n\ndibuka.") == expected


def test_whitespace_nbsp_and_case_do_not_change_the_hash() -> None:
    base = content_hash("Wali Kota Resmikan Pasar", "Paragraf satu.\nParagraf dua.")
    assert (
        content_hash(" wali\u00a0kota  resmikan PASAR\t", "Paragraf satu.\n\n  Paragraf dua. ")
        == base
    )


def test_composed_and_decomposed_letters_hash_alike() -> None:
    assert content_hash("Caf\u00e9", "isi") == content_hash("Cafe\u0301", "isi")


def test_text_changes_and_title_body_boundary_change_the_hash() -> None:
    base = content_hash("Judul", "Isi berita.")
    assert content_hash("Judul", "Isi berita!") != base
    assert content_hash("Judul Isi", "berita.") != base


def test_collapse_whitespace_keeps_case() -> None:
    assert collapse_whitespace("  Kota\u00a0Tangerang\n\n Bersih ") == "Kota Tangerang Bersih"
