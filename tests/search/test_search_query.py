"""The query language: what each form means, and that user text is never FTS5 syntax."""

import re
import sqlite3
from contextlib import closing

import pytest

from storage.search_query import SearchQueryError, Term, parse, to_match

STEMS = "{title_stem body_stem tags_stem}"
EXACT = "{title body tags}"


def test_words_are_all_required_and_matched_by_stem_or_as_written() -> None:
    query = parse("Pembangunan jalan")
    assert query.required == ((Term(("pembangunan",)),), (Term(("jalan",)),))
    assert to_match(query) == (
        f'({STEMS} : "bangun" OR {EXACT} : "pembangunan") AND '
        f'({STEMS} : "jalan" OR {EXACT} : "jalan")'
    )


def test_phrase_prefix_or_and_exclusion() -> None:
    query = parse('"bantuan sosial" banjir OR longsor -jakarta bangun*')
    assert query.required == (
        (Term(("bantuan", "sosial"), exact=True),),
        (Term(("banjir",)), Term(("longsor",))),
        (Term(("bangun",), prefix=True),),
    )
    assert query.excluded == (Term(("jakarta",)),)
    assert to_match(query) == (
        f'({EXACT} : "bantuan sosial" AND '
        f'(({STEMS} : "banjir" OR {EXACT} : "banjir") OR ({STEMS} : "longsor" OR {EXACT} : '
        f'"longsor")) AND {EXACT} : "bangun" *) NOT (({STEMS} : "jakarta" OR {EXACT} : "jakarta"))'
    )


def test_unstemmed_search_matches_words_as_written_only() -> None:
    assert to_match(parse("pembangunan"), stemmed=False) == f'{EXACT} : "pembangunan"'


def test_a_lowercase_or_is_a_word_and_a_hyphen_inside_a_word_splits_it() -> None:
    assert parse("banjir or longsor").required == (
        (Term(("banjir",)),),
        (Term(("or",)),),
        (Term(("longsor",)),),
    )
    assert parse("covid-19").required == ((Term(("covid", "19")),),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"banjir rob', 'a quote " is not closed'),
        ("OR banjir", "OR needs a word on each side"),
        ("banjir OR", "OR needs a word on each side"),
        ("banjir OR OR longsor", "OR needs a word on each side"),
        ("-banjir", "-word only excludes"),
        ("   ", "nothing to search for"),
        ('""', "nothing to search for"),
        ('"!!"', "holds no word to look for"),
        ("b*", "a prefix needs at least 2 letters"),
        ("banjir OR -longsor", "cannot be one side of an OR"),
        ("x" * 501, "the query is too long"),
        (" ".join(f"kata{n}" for n in range(25)), "too many terms"),
    ],
)
def test_malformed_queries_say_what_is_wrong_in_one_line(text: str, message: str) -> None:
    with pytest.raises(SearchQueryError) as raised:
        parse(text)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "hostile",
    [
        "title:banjir",
        "NEAR(banjir longsor)",
        "banjir AND NOT longsor",
        "{title}: banjir",
        "banjir^ ( ) + ",
        'a"b"c',
        "banjir' OR 1=1 --",
        "rowid = 1",
        "* banjir",
    ],
)
def test_fts5_syntax_in_user_text_is_only_ever_words(hostile: str) -> None:
    match = to_match(parse(hostile))
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute(
            "CREATE VIRTUAL TABLE f USING fts5(title, body, tags, title_stem, body_stem, tags_stem)"
        )
        conn.execute("INSERT INTO f VALUES ('title', 'near and not', 'x', 'rowid', 'banjir', 'y')")
        conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (match,)).fetchall()  # no error
    # Every word reaches FTS5 inside double quotes: outside them only operators and columns.
    outside = re.sub(r'"(?:[^"]|"")*"', " ", match).replace(STEMS, " ").replace(EXACT, " ")
    assert set(re.findall(r"[^\s()]+", outside)) <= {"OR", "AND", "NOT", ":", "*"}
