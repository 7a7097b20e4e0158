"""Template slots of one generated article, each computed on first use from (seed, id).

Every value comes from its own hash (not a shared random stream), so a headline needs only
the two or three slots it names: summaries for sidebars stay cheap.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from . import formats, vocabulary
from .timeline import mix
from .topic import Topic

_KECAMATAN = tuple(vocabulary.KECAMATAN)
_SALTS = (
    "topic", "title", "kec", "kel", "n", "n2", "pct", "pct_low", "rp", "role", "views",
    "style", "wp_style", "author", "image", "modified", "modified_by", "tags", "tag_k",
    "tag_kec", "tag_kota", "body", "lead", "dateline", "dateline_which", "curly",
)  # fmt: skip
SALT = {name: number for number, name in enumerate(_SALTS, start=1)}


class Slots(dict[str, str]):
    """{kec} {kel} {n} ... for one article; {pejabat} is the official in full at first
    mention and by surname afterwards (``mentioned`` tracks which)."""

    def __init__(self, seed: int, article_id: int, topic: Topic, published: datetime) -> None:
        super().__init__()
        self.seed, self.article_id, self.topic, self.published = seed, article_id, topic, published
        self.mentioned = False

    def hash(self, salt: str) -> int:
        return mix(self.seed, self.article_id, SALT[salt])

    def __getitem__(self, key: str) -> str:
        if key == "pejabat":
            key = "short" if self.mentioned else "pejabat_long"
            self.mentioned = True
        return super().__getitem__(key)

    def __missing__(self, key: str) -> str:
        value = self._compute(key)
        self[key] = value
        return value

    def _compute(self, key: str) -> str:
        h = self.hash(key) if key in SALT else 0
        if key == "kec":
            return _KECAMATAN[h % len(_KECAMATAN)]
        if key == "kel":
            kelurahan = vocabulary.KECAMATAN[self["kec"]]
            return kelurahan[h % len(kelurahan)]
        if key == "n":
            return formats.thousands(120 + h % 4680)
        if key == "n2":
            return str(3 + h % 57)
        if key == "pct":
            return f"{60 + h % 390 / 10:.1f}".replace(".", ",")
        if key == "pct_low":
            return f"{4 + h % 210 / 10:.1f}".replace(".", ",")
        if key == "rp":
            if h % 2:
                return f"Rp {50 + (h >> 8) % 37 * 25} juta"
            return f"Rp {1 + (h >> 8) % 85 / 10:.1f} miliar".replace(".", ",")
        # The event is 45 minutes before publication and the lead prints its minute, so no
        # two generated bodies are identical (the archive deduplicates by content hash).
        event = self.published - timedelta(minutes=45)
        if key == "hari":
            return formats.body_mention(event)
        if key == "hari_jam":
            return f"{formats.body_mention(event)} pukul {event:%H.%M} WIB"
        if key == "tahun":
            return str(self.published.year)
        if key in ("pejabat_long", "short"):
            role = self.topic.roles[self.hash("role") % len(self.topic.roles)]
            long_name, short = vocabulary.OFFICIALS[role]
            self["pejabat_long"], self["short"] = long_name, short
            return long_name if key == "pejabat_long" else short
        if key == "camat":
            return f"Camat {self['kec']} {vocabulary.CAMAT[self['kec']]}"
        raise KeyError(key)
