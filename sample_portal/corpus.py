"""The portal's articles as data: article i is a pure function of (seed, i), never of N.

``summary`` (title, date, views, tags ...) is what listings and sidebars need; ``article``
adds the body and page furniture. Both replay the same per-article ``random.Random``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache, partial
from itertools import accumulate

from . import faults, formats, vocabulary
from .curated import CURATED, Curated
from .slots import SALT, Slots
from .timeline import FIRST_GENERATED, generated_time, mix
from .topics import TOPICS, Topic


@dataclass(frozen=True, slots=True)
class Summary:
    id: int
    title: str
    slug: str
    published: datetime  # aware, Asia/Jakarta
    modified: datetime
    view_count: int
    tags: tuple[str, ...]
    author: str
    image_name: str  # file name; each theme has its own upload folder
    date_style: int  # formats.DATE_STYLES index used by the pemkot meta line
    wp_date_style: int  # 0: '22 Januari 2025', 1: 'Januari 22, 2025'


@dataclass(frozen=True, slots=True)
class Comment:
    name: str
    posted: datetime
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    summary: Summary
    paragraphs: tuple[str, ...]  # the body: what an extractor should return, in order
    caption: str
    baca_juga: int | None  # a 'Baca juga:' link to this article is printed in the body
    baca_juga_after: int  # ... after this many paragraphs
    credit: str | None  # 'Editor: X', 'Pewarta: X' or '(adv)' closing the body
    related: tuple[int, ...]  # 'Artikel Terkait': 3 older ids (ids <= 10 for the first few)
    popular: tuple[int, ...]  # 'Berita Terpopuler' sidebar: 5 ids, same rule
    comments: tuple[Comment, ...]


_STYLE_CUMULATIVE = tuple(accumulate(formats.DATE_STYLE_WEIGHTS))


def slugify(text: str) -> str:
    """'Jelang Imlek, Disperindag ...' -> 'jelang-imlek-disperindag-...'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _pick(h: int, options: tuple[str, ...]) -> str:
    return options[h % len(options)]


def _head(seed: int, article_id: int) -> tuple[Summary, Topic, Slots]:
    published = generated_time(seed, article_id)
    h = partial(mix, seed, article_id)
    topic = TOPICS[h(SALT["topic"]) % len(TOPICS)]
    slots = Slots(seed, article_id, topic, published)
    title = _pick(h(SALT["title"]), topic.titles).format_map(slots)
    slots.mentioned = False
    start, count = h(SALT["tags"]), 1 + h(SALT["tag_k"]) % 3
    tags = [topic.tags[(start + k) % len(topic.tags)] for k in range(count)]
    if h(SALT["tag_kec"]) % 10 < 3:
        tags.append(f"kecamatan {slots['kec'].lower()}")
    if h(SALT["tag_kota"]) % 10 < 4:
        tags.append("kota tangerang")
    modified = published
    if h(SALT["modified"]) % 10 < 3:
        modified += timedelta(minutes=20 + h(SALT["modified_by"]) % 2860)
    slug = slugify(title)
    if h(SALT["image"]) % 2:
        image = f"{slug[:48].rstrip('-')}.jpg"
    else:
        image = f"IMG-{published:%Y%m%d}-WA{article_id % 10_000:04d}.jpg"
    views_fraction = (h(SALT["views"]) >> 11) / (1 << 53)  # uniform in [0, 1)
    style = bisect_right(_STYLE_CUMULATIVE, h(SALT["style"]) % _STYLE_CUMULATIVE[-1])
    summary = Summary(
        id=article_id,
        title=title,
        slug=slug,
        published=published,
        modified=modified,
        view_count=int(50_000 * views_fraction**6),  # mostly small, a few viral
        tags=tuple(tags),
        author=_pick(h(SALT["author"]), vocabulary.REPORTERS),
        image_name=image,
        date_style=style,
        wp_date_style=1 if h(SALT["wp_style"]) % 4 == 0 else 0,
    )
    return summary, topic, slots


def _curated_summary(article_id: int, c: Curated) -> Summary:
    return Summary(
        id=article_id,
        title=c.title,
        slug=c.slug,
        published=c.published,
        modified=c.published,
        view_count=c.view_count,
        tags=c.tags,
        author=c.author,
        image_name=c.image_name,
        date_style=c.date_style,
        wp_date_style=c.wp_date_style,
    )


@lru_cache(maxsize=8192)
def summary(seed: int, article_id: int) -> Summary:
    """Title, dates, views and tags of article ``article_id`` (cheap; cached, bounded)."""
    if article_id in CURATED:
        return _curated_summary(article_id, CURATED[article_id])
    return _head(seed, article_id)[0]


def _quote(rng: random.Random, quote: str, slots: Slots) -> str:
    text = quote.format_map(slots)
    if slots.mentioned:
        return f"{text} {rng.choice(vocabulary.QUOTE_VERBS)}."
    return f"{text} {rng.choice(('ujar', 'kata', 'ungkap', 'jelas'))} {slots['pejabat']}."


def _lead(seed: int, article_id: int, topic: Topic, slots: Slots) -> str:
    h = partial(mix, seed, article_id)
    template = _pick(h(SALT["lead"]), topic.leads)
    lead = template.replace("{hari}", "{hari_jam}", 1).format_map(slots)
    if h(SALT["dateline"]) % 10 < 8:
        lead = _pick(h(SALT["dateline_which"]), vocabulary.DATELINES) + lead
    return lead


def lead(seed: int, article_id: int) -> str:
    """The first body paragraph alone (listing excerpts), without building the article."""
    if article_id in CURATED:
        return CURATED[article_id].paragraphs[0]
    _, topic, slots = _head(seed, article_id)
    return _lead(seed, article_id, topic, slots)


def _body(rng: random.Random, topic: Topic, slots: Slots, seed: int, article_id: int) -> list[str]:
    lead = _lead(seed, article_id, topic, slots)
    details = rng.sample(topic.details, rng.randint(1, 3))
    paragraphs = [lead, details[0].format_map(slots)]
    quotes = rng.sample(topic.quotes, 2)
    paragraphs.append(_quote(rng, quotes[0], slots))
    paragraphs += [d.format_map(slots) for d in details[1:]]
    generic = rng.sample(vocabulary.GENERIC_DETAILS, rng.randint(0, 2))
    paragraphs += [g.format_map(slots) for g in generic]
    if rng.random() < 0.5:
        name, age = rng.choice(vocabulary.WARGA)
        said = rng.choice(vocabulary.WARGA_QUOTES)
        paragraphs.append(f"{said} kata {name} ({age}), warga Kelurahan {slots['kel']}.")
    if rng.random() < 0.6:
        paragraphs.append(rng.choice(vocabulary.GENERIC_CLOSINGS))
    else:
        verb = rng.choice(vocabulary.CLOSING_VERBS).format(short=slots["short"])
        paragraphs.append(f"{quotes[1].format_map(slots)} {verb}.")
    if faults.is_cp1252(article_id) or mix(seed, article_id, SALT["curly"]) % 10 < 3:
        paragraphs = [re.sub(r'"([^"]*)"', "\u201c\\1\u201d", p) for p in paragraphs]
    return paragraphs


def _older(rng: random.Random, article_id: int, window: int, count: int) -> tuple[int, ...]:
    """``count`` distinct ids among the ``window`` before this one (within 1-10 for ids < 11)."""
    if article_id <= 10:
        pool = [i for i in range(1, 11) if i != article_id]
    else:
        pool = list(range(max(1, article_id - window), article_id))
    return tuple(rng.sample(pool, min(count, len(pool))))


def _credit(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.25:
        return f"Editor: {rng.choice(vocabulary.EDITORS)}"
    if roll < 0.4:
        return f"Pewarta: {rng.choice(vocabulary.REPORTERS)}"
    return "(adv)" if roll < 0.5 else None


@lru_cache(maxsize=256)  # a listing's excerpts and the crawl of its articles come close together
def article(seed: int, article_id: int) -> Article:
    """The complete article ``article_id`` (1 <= id): curated for 1-3, generated after."""
    rng = random.Random(mix(seed, article_id, SALT["body"]))
    if article_id in CURATED:
        c = CURATED[article_id]
        head, paragraphs, caption = _curated_summary(article_id, c), list(c.paragraphs), c.caption
        baca_juga, after, credit = c.baca_juga, c.baca_juga_after, c.credit
    else:
        head, topic, slots = _head(seed, article_id)
        paragraphs = _body(rng, topic, slots, seed, article_id)
        slots.mentioned = True
        caption = rng.choice(vocabulary.PHOTO_CAPTIONS).format(
            kec=slots["kec"], kel=slots["kel"], hari=slots["hari"], pejabat_singkat=slots["short"]
        )
        baca_juga = None
        after = rng.randint(1, len(paragraphs) - 1)
        if article_id >= FIRST_GENERATED + 2 and rng.random() < 0.3:
            baca_juga = rng.randrange(max(1, article_id - 30), article_id)
        credit = _credit(rng)
    comments = tuple(
        Comment(
            name=rng.choice(vocabulary.COMMENTERS),
            posted=head.published + timedelta(minutes=rng.randrange(30, 4000)),
            text=rng.choice(vocabulary.COMMENTS),
        )
        for _ in range(rng.choice((0, 0, 1, 2, 3)))
    )
    return Article(
        summary=head,
        paragraphs=tuple(paragraphs),
        caption=caption,
        baca_juga=baca_juga,
        baca_juga_after=after,
        credit=credit,
        related=_older(rng, article_id, 40, 3),
        popular=_older(rng, article_id, 300, 5),
        comments=tuple(sorted(comments, key=lambda c: c.posted)),
    )
