"""What each step between editions does, as a small plan cached per (seed, articles, step).

Step s's plan is built from step s-1's (edition 1's is empty), so edition K costs O(K)
once, after which serving asks only set and dict look-ups. Every pick is a hash of (seed,
step, pick number), so the plan is a pure function of (seed, articles, edition).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from . import corpus, edits, faults, syndication
from .timeline import FIRST_GENERATED, mix

EDITS_PER_STEP = 4  # plus, from edition 3, the fix of the previous step's title typo
REMOVALS_PER_STEP = 2  # plus, at edition 2, the takedown that is back at edition 3
RECENT_SHARE = 0.3  # picks come from the newest 30% of ids ...
RECENT_ODDS = 8  # ... 8 times in 10
_SALT_SPECIAL, _SALT_TAKEDOWN, _SALT_TYPO = 1001, 1002, 1003
_SALT_REMOVE, _SALT_EDIT, _SALT_KIND, _SALT_WHEN = 1100, 1200, 1300, 1400


@dataclass(frozen=True)
class Edit:
    """One change to a published article, first served at edition ``edition``."""

    article_id: int
    edition: int
    paragraph: int | None  # index into Article.paragraphs; None: the title changed
    kind: str  # 'typo' (a title typo fixed), 'number' (a figure corrected), 'update' (a note)
    before: str
    after: str
    when: datetime  # the article's modified time from then on

    @property
    def field(self) -> str:
        return "title" if self.paragraph is None else "paragraph"


@dataclass(frozen=True)
class Step:
    number: int
    top: int  # highest id published
    edited: Mapping[int, Edit]  # made at this step
    newly_removed: frozenset[int]
    returned: frozenset[int]
    typo: int | None  # the new article published with a title typo at this step
    removed: frozenset[int]  # as of this step
    removed_sorted: tuple[int, ...]
    edits: Mapping[int, Edit]  # every edit in force
    typos: Mapping[int, str]  # id -> title with a typo, until fixed
    touched: frozenset[int]  # edited or typo'd once: never picked again


NEW_PER_STEP_MAX = 50  # what a busy portal publishes between two crawls, whatever its size


def new_per_step(articles: int) -> int:
    """New articles at each step (edition 2 adds the syndicated ones and near misses): a
    twentieth of the portal, at most ``NEW_PER_STEP_MAX``, so a large portal's next edition
    changes as much as a mid-sized one's and an incremental crawl's cost can be compared."""
    return min(max(2, articles // 20), NEW_PER_STEP_MAX)


def plain(article_id: int) -> bool:
    """Generated and free of faults: the only articles a step may pick."""
    return article_id >= FIRST_GENERATED and not (
        faults.fails_once(article_id) or faults.is_cp1252(article_id)
        or faults.is_malformed(article_id)
    )  # fmt: skip


@lru_cache(maxsize=256)
def _edition_two(seed: int, articles: int) -> tuple[dict[int, str], int]:
    """(special id -> release or near-miss key, edition 2's top)."""
    keys = syndication.printed_releases(seed) + syndication.printed_near_misses(seed)
    count = new_per_step(articles) + len(keys)
    while True:  # room for every special and the step's typo on plain ids
        eligible = [i for i in range(articles + 1, articles + count + 1) if plain(i)]
        if len(eligible) > len(keys):
            break
        count += 1
    chosen = sorted(eligible, key=lambda i: mix(seed, i, _SALT_SPECIAL))[: len(keys)]
    return dict(zip(chosen, keys, strict=True)), articles + count


def specials(seed: int, articles: int) -> dict[int, str]:
    """Syndicated and near-miss articles (published at edition 2): id -> key."""
    return _edition_two(seed, articles)[0]


def top_of(seed: int, articles: int, edition: int) -> int:
    """The highest id published at ``edition`` (0 before edition 1)."""
    if edition <= 1:
        return articles if edition == 1 else 0
    return _edition_two(seed, articles)[1] + (edition - 2) * new_per_step(articles)


def born(seed: int, articles: int, article_id: int) -> int:
    """The edition that first published ``article_id``."""
    if article_id <= articles:
        return 1
    second = top_of(seed, articles, 2)
    per = new_per_step(articles)
    return 2 if article_id <= second else 2 + -(-(article_id - second) // per)


def _recent(top: int) -> int:
    """The lowest id of the newest 30% of ``top`` ids."""
    return max(FIRST_GENERATED, top - max(10, int(top * RECENT_SHARE)) + 1)


def _pick(seed: int, salt: int, key: int, top: int, ok: Callable[[int], bool]) -> int | None:
    """An id <= top that ``ok`` accepts: recent with odds RECENT_ODDS in 10, else any."""
    for attempt in range(64):
        h = mix(seed, key * 64 + attempt, salt)
        lo = _recent(top) if h % 10 < RECENT_ODDS else FIRST_GENERATED
        if top >= lo:
            i = lo + (h >> 8) % (top - lo + 1)
            if ok(i):
                return i
    return None


@lru_cache(maxsize=256)
def takedown(seed: int, articles: int) -> int | None:
    """The article removed at edition 2 and back, unchanged, from edition 3."""
    return _pick(seed, _SALT_TAKEDOWN, 0, articles, plain)


def _when(seed: int, article_id: int, prev_top: int, top: int) -> datetime:
    """A time between the two editions' newest articles, after the article's last change."""
    t0, t1 = (corpus.summary(seed, i).published for i in (prev_top, top))
    span = int((t1 - t0).total_seconds() // 60)
    when = t0 + timedelta(minutes=mix(seed, article_id, _SALT_WHEN) % max(1, span))
    return max(when, corpus.summary(seed, article_id).modified + timedelta(minutes=10))


def _edit(seed: int, article_id: int, number: int, when: datetime) -> Edit:
    """A figure corrected in the title (3 in 10) or a paragraph (4 in 10), else a note."""
    a = corpus.article(seed, article_id)
    h = mix(seed, article_id, _SALT_KIND + number)
    title, paragraphs = a.summary.title, a.paragraphs
    if h % 10 < 3 and (after := edits.corrected_number(title, h >> 4)) is not None:
        return Edit(article_id, number, None, "number", title, after, when)
    with_figures = [k for k in range(1, len(paragraphs)) if edits.figures(paragraphs[k])]
    if h % 10 < 7 and with_figures:
        k = with_figures[(h >> 4) % len(with_figures)]
        after = edits.corrected_number(paragraphs[k], h >> 12)
        assert after is not None
        return Edit(article_id, number, k, "number", paragraphs[k], after, when)
    k = len(paragraphs) - 1
    after = edits.update_note(paragraphs[k], when, h >> 4)
    return Edit(article_id, number, k, "update", paragraphs[k], after, when)


@lru_cache(maxsize=1024)
def step(seed: int, articles: int, number: int) -> Step:
    """The plan of edition ``number`` (its own changes and what is in force)."""
    if number == 1:
        empty: frozenset[int] = frozenset()
        return Step(1, articles, {}, empty, empty, None, empty, (), {}, {}, empty)
    prev = step(seed, articles, number - 1)
    top = top_of(seed, articles, number)
    special, back = specials(seed, articles), takedown(seed, articles)
    removed, newly = set(prev.removed), set()
    returned: frozenset[int] = frozenset()
    if back is not None and number == 2:
        newly.add(back)
    if back is not None and number == 3:
        removed.discard(back)
        returned = frozenset({back})

    def ok(i: int) -> bool:
        return (
            plain(i) and i not in special and i != back and i not in prev.typos
            and i not in removed and i not in newly
        )  # fmt: skip

    for k in range(REMOVALS_PER_STEP):
        if (i := _pick(seed, _SALT_REMOVE, 16 * number + k, prev.top, ok)) is not None:
            newly.add(i)
    removed |= newly
    edited: dict[int, Edit] = {}
    if prev.typo is not None:
        i = prev.typo
        fixed, when = corpus.summary(seed, i).title, _when(seed, i, prev.top, top)
        edited[i] = Edit(i, number, None, "typo", prev.typos[i], fixed, when)
    for k in range(EDITS_PER_STEP):
        pick = _pick(
            seed,
            _SALT_EDIT,
            16 * number + k,
            prev.top,
            lambda i: ok(i) and i not in prev.touched and i not in edited,
        )
        if pick is not None:
            edited[pick] = _edit(seed, pick, number, _when(seed, pick, prev.top, top))
    typos = {i: t for i, t in prev.typos.items() if i not in edited}
    typo = None
    for attempt in range(64):
        i = prev.top + 1 + mix(seed, 64 * number + attempt, _SALT_TYPO) % (top - prev.top)
        if plain(i) and i not in special:
            typo = i
            typos[i] = edits.typo(corpus.summary(seed, i).title, mix(seed, i, _SALT_TYPO))
            break
    touched = prev.touched | edited.keys() | typos.keys()
    return Step(
        number=number,
        top=top,
        edited=edited,
        newly_removed=frozenset(newly),
        returned=returned,
        typo=typo,
        removed=frozenset(removed),
        removed_sorted=tuple(sorted(removed)),
        edits={**prev.edits, **edited},
        typos=typos,
        touched=frozenset(touched),
    )
