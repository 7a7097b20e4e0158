"""Copies across portals: the same press release printed by several portals, kept as one cluster.

Each article body becomes a MinHash signature (datasketch) over word 5-shingles of its
normalized text. The signature is cut into the bands datasketch's ``MinHashLSH`` chooses for
the threshold, and each band's key is stored in the band index (``storage.cluster_tables``): a
new article's candidate copies are the articles sharing a band key, found by index lookups, so
the cost per stored article stays flat however large the archive grows, and the index persists
across crawls and processes (several workers writing one PostgreSQL archive share it). A
candidate joins the cluster when the signatures' estimated Jaccard similarity reaches the
threshold.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Final

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, bindparam, delete, func, select, text, union_all, update

from storage.cluster_tables import ArticleBand, ArticleSignature, RecentBand
from storage.models import Article
from storage.writing import Writer, table

NUM_PERM: Final = 128
SHINGLE_WORDS: Final = 5
THRESHOLD: Final = 0.5  # estimated Jaccard of 5-shingles: local edits keep ~0.7+, other texts <0.2
_LSH: Final = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)  # its band ranges only
_SEED: Final = MinHash(num_perm=NUM_PERM)  # permutations built once, shared by every signature
_WORD: Final = re.compile(r"\w+")
MAX_CANDIDATES: Final = 8
RECENT_BANDS: Final = 250_000  # about 10,000 articles' bands: a few MiB, kept in the page cache


def signature(text: str) -> np.ndarray | None:
    """The MinHash of ``text``'s word 5-shingles; None for a text too short to compare."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    minhash = MinHash(num_perm=NUM_PERM, permutations=_SEED.permutations, scheme=_SEED.scheme)
    minhash.update_batch(list(shingles))
    hashvalues: np.ndarray = minhash.hashvalues
    return hashvalues


def band_keys(hashvalues: np.ndarray) -> list[int]:
    """One 63-bit key per LSH band: the band's number and values, hashed."""
    keys = []
    for band, (start, end) in enumerate(_LSH.hashranges):
        digest = hashlib.blake2b(
            hashvalues[start:end].tobytes(), digest_size=8, person=b"band%d" % band
        )
        keys.append(int.from_bytes(digest.digest(), "big") >> 1)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity the two signatures estimate."""
    return float(np.count_nonzero(a == b)) / len(a)


# Built once: every stored article runs them. Copies share many bands (a 0.7 reprint about 4
# of 25, a 0.3 look-alike one in 17), so the candidates sharing the most are compared first,
# and never more than MAX_CANDIDATES: a corpus of look-alike texts cannot make every new
# article cost more.
_SHARED = func.count().label("shared")
_SHARING = union_all(
    *(
        select(band.article_id).where(band.key.in_(bindparam("keys", expanding=True)))
        for band in (ArticleBand, RecentBand)
    )
).subquery()
_CANDIDATES = (
    select(ArticleSignature.article_id, ArticleSignature.signature, Article.cluster_id)
    .join(Article, Article.id == ArticleSignature.article_id)
    .where(
        ArticleSignature.article_id.in_(
            select(_SHARING.c.article_id)
            .group_by(_SHARING.c.article_id)
            .order_by(_SHARED.desc(), _SHARING.c.article_id.desc())
            .limit(MAX_CANDIDATES)
            .scalar_subquery()
        )
    )
)
_FORGET = [
    delete(model).where(model.article_id == bindparam("article"))
    for model in (ArticleBand, RecentBand, ArticleSignature)
]
_INSERT_SIGNATURE, _INSERT_BAND = table(ArticleSignature).insert(), table(RecentBand).insert()
_COUNT_RECENT = select(func.count()).select_from(RecentBand)
# Moving the recent bands in key order. SQLite has one writer at a time, so a copy and a
# delete suffice; on PostgreSQL another writer may add bands between two statements, so the
# rows are deleted and inserted by one statement, and a concurrent move of the same rows is
# a no-op.
_MOVE_RECENT = {
    "sqlite": (
        text(
            "INSERT INTO article_bands (key, article_id) SELECT key, article_id "
            "FROM article_bands_recent ORDER BY key, article_id"
        ),
        text("DELETE FROM article_bands_recent"),
    ),
    "postgresql": (
        text(
            "WITH moved AS (DELETE FROM article_bands_recent RETURNING key, article_id) "
            "INSERT INTO article_bands (key, article_id) "
            "SELECT key, article_id FROM moved ORDER BY key, article_id ON CONFLICT DO NOTHING"
        ),
    ),
}
_SET_CLUSTER = (
    update(Article)
    .where(Article.id == bindparam("article"))
    .values(cluster_id=bindparam("cluster"))
)
_MERGE = (
    update(Article)
    .where(Article.cluster_id.in_(bindparam("merged", expanding=True)))
    .values(cluster_id=bindparam("cluster"))
)


def assign_cluster(conn: Connection, article_id: int, body_text: str, *, new: bool = False) -> int:
    """Index the article's signature and put it in the cluster of its copies; returns the id.

    An article seen before (its text changed) has its old signature and bands replaced.
    """
    if not new:
        for forget in _FORGET:
            conn.execute(forget, {"article": article_id})
    hashvalues = signature(body_text)
    clusters: set[int] = set()
    if hashvalues is not None:
        keys = band_keys(hashvalues)
        for row in conn.execute(_CANDIDATES, {"keys": keys}):
            seen = np.frombuffer(row.signature, dtype=hashvalues.dtype)
            if similarity(hashvalues, seen) >= THRESHOLD:
                clusters.add(row.cluster_id or row.article_id)
        conn.execute(
            _INSERT_SIGNATURE, {"article_id": article_id, "signature": hashvalues.tobytes()}
        )
        conn.execute(_INSERT_BAND, [{"key": key, "article_id": article_id} for key in keys])
        _recent_bands_added(conn, len(keys))
    cluster = min(clusters, default=article_id)
    conn.execute(_SET_CLUSTER, {"article": article_id, "cluster": cluster})
    if merged := sorted(clusters - {cluster}):  # one article may join two clusters: they merge
        conn.execute(_MERGE, {"merged": merged, "cluster": cluster})
    return cluster


def _recent_bands_added(conn: Connection, added: int) -> None:
    """Move the recent bands into the large index once there are enough of them.

    Each pooled connection counts the bands it added (after counting the table once); other
    connections' bands only make a move come later.
    """
    recent = conn.info.get("warta_recent_bands")
    recent = conn.execute(_COUNT_RECENT).scalar_one() if recent is None else recent + added
    if recent >= RECENT_BANDS:
        move_recent_bands(conn)
        recent = 0
    conn.info["warta_recent_bands"] = recent


def move_recent_bands(conn: Connection) -> None:
    for statement in _MOVE_RECENT[conn.dialect.name]:
        conn.execute(statement)


class ClusterIndex(Writer):
    """The cluster part of :class:`storage.Archive`."""

    def largest_clusters(self, limit: int = 20) -> list[dict[str, Any]]:
        """Clusters of two or more articles, largest first, with their portals and title."""
        copies = func.count().label("copies")
        query = (
            select(Article.cluster_id, copies)
            .where(Article.cluster_id.is_not(None))
            .group_by(Article.cluster_id)
            .having(copies > 1)
            .order_by(copies.desc(), Article.cluster_id)
            .limit(limit)
        )
        found = []
        with self.engine.connect() as conn:
            for row in conn.execute(query).all():
                members = select(Article.site_id).where(Article.cluster_id == row.cluster_id)
                title = select(Article.title).where(Article.id == row.cluster_id)
                found.append(
                    {
                        "cluster_id": row.cluster_id,
                        "copies": row.copies,
                        "sites": sorted(set(conn.scalars(members))),
                        "title": conn.execute(title).scalar() or "",
                    }
                )
        return found

    def rebuild_clusters(self, chunk: int = 500) -> tuple[int, int]:
        """Every article compared again, oldest first; returns (articles, clusters of 2+)."""
        with self._writing() as (conn, _):
            for model in (ArticleBand, RecentBand, ArticleSignature):
                conn.execute(delete(model))
            conn.execute(update(Article).values(cluster_id=None))
        done, last_id = 0, 0
        while True:
            with self._writing() as (conn, _):
                rows = conn.execute(
                    select(Article.id, Article.body_text)
                    .where(Article.id > last_id)
                    .order_by(Article.id)
                    .limit(chunk)
                ).all()
                for row in rows:
                    assign_cluster(conn, row.id, row.body_text, new=True)
            if not rows:
                break
            done, last_id = done + len(rows), rows[-1].id
        return done, len(self.largest_clusters(limit=1_000_000))
