"""The full-text index kept in step with ``articles``: written in the transaction that saves.

``search_fts`` (FTS5, made by migration 0012; SQLite only) holds one row per article, its
rowid the article's id: ``title``, ``body``, ``tags`` as written and ``title_stem``,
``body_stem``, ``tags_stem`` with each word replaced by its stem. Stems are Python's work
(Sastrawi), which is why the save path writes the index, not SQL triggers. Only an article's
latest content is indexed; its earlier revisions are not searched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from sqlalchemy import Connection, bindparam, text

from storage.hashing import collapse_whitespace
from storage.search_text import stem_text

SEARCH_TABLE: Final = "search_fts"
COLUMNS: Final = ("title", "body", "tags", "title_stem", "body_stem", "tags_stem")
# FTS5 keeps a virtual table's data in these ordinary tables beside it.
SEARCH_TABLES: Final = (
    SEARCH_TABLE,
    *(f"{SEARCH_TABLE}_{part}" for part in ("data", "idx", "content", "docsize", "config")),
)
REBUILD_CHUNK: Final = 2000

_INSERT = text(
    f"INSERT INTO {SEARCH_TABLE} (rowid, {', '.join(COLUMNS)}) "
    f"VALUES (:article_id, {', '.join(':' + name for name in COLUMNS)})"
)
_DELETE = text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_ARTICLES = text(
    "SELECT id, title, body_text FROM articles WHERE id IN :ids ORDER BY id"
).bindparams(bindparam("ids", expanding=True))
_ARTICLE_TAGS = text(
    "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
    "WHERE at.article_id IN :ids ORDER BY at.article_id, at.position"
).bindparams(bindparam("ids", expanding=True))
_ALL_IDS = text("SELECT id FROM articles ORDER BY id")


def enabled(conn: Connection) -> bool:
    """Search is SQLite's FTS5: on PostgreSQL the index is neither made nor written."""
    return conn.dialect.name == "sqlite"


def document(article_id: int, title: str, body: str, tags: Iterable[str]) -> dict[str, Any]:
    """The index row of one article: its text as written and as stems."""
    tag_text = "\n".join(dict.fromkeys(filter(None, map(collapse_whitespace, tags))))
    return {
        "article_id": article_id,
        "title": title,
        "body": body,
        "tags": tag_text,
        "title_stem": stem_text(title),
        "body_stem": stem_text(body),
        "tags_stem": stem_text(tag_text),
    }


def add(conn: Connection, article_id: int, title: str, body: str, tags: Iterable[str]) -> None:
    """Index a new article, as saving stores it."""
    if enabled(conn):
        conn.execute(_INSERT, document(article_id, title, body, tags))


def refresh(conn: Connection, article_ids: Sequence[int]) -> None:
    """Index these articles again from what the archive now holds (after an edit)."""
    if enabled(conn) and article_ids:
        conn.execute(_DELETE, {"ids": list(article_ids)})
        rows = list(stored_documents(conn, article_ids))
        if rows:
            conn.execute(_INSERT, rows)


def stored_documents(conn: Connection, article_ids: Sequence[int]) -> Iterator[dict[str, Any]]:
    """The index rows of these articles, read from ``articles`` and their tags."""
    tags: dict[int, list[str]] = defaultdict(list)
    for article_id, name in conn.execute(_ARTICLE_TAGS, {"ids": list(article_ids)}):
        tags[article_id].append(name)
    for row in conn.execute(_ARTICLES, {"ids": list(article_ids)}):
        yield document(row.id, row.title, row.body_text, tags[row.id])


def rebuild(conn: Connection) -> int:
    """Index every article afresh (a newer stemmer, or a repair); returns how many."""
    if not enabled(conn):
        return 0
    conn.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
    ids = list(conn.scalars(_ALL_IDS))
    for start in range(0, len(ids), REBUILD_CHUNK):
        rows = list(stored_documents(conn, ids[start : start + REBUILD_CHUNK]))
        conn.execute(_INSERT, rows)
    optimize(conn)
    return len(ids)


def optimize(conn: Connection) -> None:
    """Merge the index's segments into one: queries read fewer b-trees after a bulk load."""
    conn.execute(text(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('optimize')"))
