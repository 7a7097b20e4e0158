"""The tables behind clusters of copies: signatures, and the LSH band index in two tiers.

Band keys are random, so inserting them one article at a time into a large index touches a
different page per key, and that cost grows with the archive. New bands therefore go to the
small ``article_bands_recent``, which stays in the page cache, and are moved into
``article_bands`` in key order once it holds enough of them: each page of the large index is
then written once per move, not once per key.
"""

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class ArticleSignature(Base):
    """An article's MinHash signature (datasketch), kept to compare it with later articles."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class ArticleBand(Base):
    """One LSH band of a signature: articles sharing a band key are candidate copies."""

    __tablename__ = "article_bands"
    __table_args__ = (Index(None, "article_id"),)

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class RecentBand(Base):
    """A band not yet moved into ``article_bands``; looked up together with them."""

    __tablename__ = "article_bands_recent"
    __table_args__ = (Index(None, "article_id"),)

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
