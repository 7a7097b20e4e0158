"""Syndicated press releases and near misses: which ones a portal prints, and its copy.

The pool (``POOL``: 6 Banten provincial, 6 national releases) does not depend on the seed.
A portal prints 3-6 of them, chosen by seed; seeds 1 and 2 share 'banten-pangan-murah' and
'banten-cek-kesehatan'. Each portal's copy has small local edits chosen by (seed, release):
its own dateline city, one added paragraph about Kota Tangerang, and its own closing credit.
A portal also prints 2 near misses (``NEAR_MISSES``): odd seeds the first two, even seeds
the last two, so seeds 1 and 2 print different ones (portals of one parity print the same
near misses, verbatim). ``editions`` publishes all of them at edition 2.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from . import corpus, vocabulary
from .release import NearMiss, Release
from .releases_banten import BANTEN_RELEASES
from .releases_near import NEAR_MISSES
from .releases_pusat import NATIONAL_RELEASES
from .timeline import mix

POOL: tuple[Release, ...] = BANTEN_RELEASES + NATIONAL_RELEASES
RELEASES: dict[str, Release] = {r.key: r for r in POOL}
NEAR: dict[str, NearMiss] = {n.key: n for n in NEAR_MISSES}
_PICK, _LOCAL = 104, 105  # salts; 104 is the first that gives seeds 1 and 2 two shared

LOCAL_NOTES = (
    "Di Kota Tangerang, informasi lebih lanjut dapat diperoleh warga di kantor Kecamatan {kec} "
    "dan Kelurahan {kel} pada hari kerja.",
    "Pemerintah Kota Tangerang menyatakan siap menindaklanjuti kebijakan tersebut hingga "
    "tingkat kelurahan, dimulai dari Kecamatan {kec}.",
    "Warga Kota Tangerang yang mengalami kendala dapat menyampaikan pengaduan melalui aplikasi "
    "Tangerang LIVE atau datang langsung ke Kantor Kelurahan {kel}, Kecamatan {kec}.",
    "Sosialisasi kepada warga Kota Tangerang akan dilakukan melalui camat dan lurah, salah "
    "satunya di Kelurahan {kel}, Kecamatan {kec}, pekan ini.",
)
CLOSINGS = ("(rls/hms)", "(rls/red)", "Sumber: Siaran Pers {issuer}", "Editor: {editor}")
_KECAMATAN = tuple(vocabulary.KECAMATAN)


def printed_releases(seed: int) -> tuple[str, ...]:
    """Keys of the pool releases the portal of ``seed`` prints (3-6 of them)."""
    count = 3 + mix(seed, 0, _PICK) % 4
    order = sorted(range(len(POOL)), key=lambda r: mix(seed, r + 1, _PICK))
    return tuple(POOL[r].key for r in order[:count])


def printed_near_misses(seed: int) -> tuple[str, ...]:
    """Keys of the near misses the portal of ``seed`` prints (2 of them)."""
    start = 0 if seed % 2 else 2
    return tuple(n.key for n in NEAR_MISSES[start : start + 2])


def local_copy(seed: int, key: str) -> tuple[str, tuple[str, ...], str]:
    """(dateline city, paragraphs, credit) of release ``key`` as this portal prints it."""
    release = RELEASES[key]
    h = mix(seed, POOL.index(release) + 1, _LOCAL)
    city = (release.dateline, "TANGERANG", "KOTA TANGERANG")[h % 3]
    kec = _KECAMATAN[(h >> 8) % len(_KECAMATAN)]
    kelurahan = vocabulary.KECAMATAN[kec]
    note = LOCAL_NOTES[(h >> 16) % len(LOCAL_NOTES)].format(
        kec=kec, kel=kelurahan[(h >> 24) % len(kelurahan)]
    )
    paragraphs = [f"{city} \u2013 {release.paragraphs[0]}", *release.paragraphs[1:]]
    paragraphs.insert(2 + (h >> 32) % (len(paragraphs) - 1), note)
    credit = CLOSINGS[(h >> 40) % len(CLOSINGS)].format(
        issuer=release.issuer, editor=vocabulary.EDITORS[(h >> 48) % len(vocabulary.EDITORS)]
    )
    return city, tuple(paragraphs), credit


@lru_cache(maxsize=64)
def article(seed: int, article_id: int, key: str) -> corpus.Article:
    """Release or near miss ``key`` printed as article ``article_id``.

    Dates, sidebars and comments come from the generated article it stands in for.
    """
    skeleton = corpus.article(seed, article_id)
    if key in RELEASES:
        release = RELEASES[key]
        _, paragraphs, credit = local_copy(seed, key)
        title, caption, tags = release.title, release.caption, ("siaran pers", *release.tags)
        image = f"{key}.jpg"  # the issuer's photo, the same on every portal
    else:
        near = NEAR[key]
        title, paragraphs, credit = near.title, near.paragraphs, near.credit
        caption, tags = near.caption, near.tags
        image = f"{corpus.slugify(title)[:48].rstrip('-')}.jpg"
    s = skeleton.summary
    head = replace(
        s,
        title=title,
        slug=corpus.slugify(title),
        modified=s.published,
        tags=tags,
        author="Redaksi",
        image_name=image,
    )
    return replace(
        skeleton,
        summary=head,
        paragraphs=paragraphs,
        caption=caption,
        baca_juga=None,
        baca_juga_after=1,
        credit=credit,
    )
