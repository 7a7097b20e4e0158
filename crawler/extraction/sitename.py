"""Cut the site's name off a declared title: ``"Banjir Surut - Kompas.com"`` → ``"Banjir Surut"``.

Titles in ``<title>`` and ``og:title`` carry the portal's name before or after a separator;
the names come from ``og:site_name``, ``application-name``, JSON-LD and the host itself.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

# Where a title splits into parts: " - ", " | ", " — ", " :: ", " » ", and "Name: " (a colon
# only counts when one side is the site's name, see title_core).
SEPARATOR: Final = re.compile(r"\s+(?:[|\-–—»·•~]|::|/)\s+|\s*\|\s*|:{1,2}\s+")
_SPACED_SEPARATOR: Final = re.compile(r"\s+(?:[|\-–—»·•~]|::)\s+")
# Host labels that are registry suffixes, not the site's name ("www.tangerangkota.go.id").
HOST_SUFFIXES: Final = frozenset(
    {"www", "com", "co", "id", "go", "net", "org", "or", "ac", "sch", "web", "my", "biz"}
    | {"info", "news", "desa", "ponpes", "mil", "edu", "gov", "uk", "au", "de", "in", "m"}
)
# Government hosts name the place with the level of government: sumberjayakab, bantenprov,
# tangerangkota, pemkomedan.
_GOVERNMENT_AFFIX: Final = re.compile(r"^(?:pemkab|pemkot|pemko|pemprov)|(?:kab|kota|prov)$")
# A part longer than this is a headline, not a name, whatever words it shares with the site.
MAX_NAME_WORDS: Final = 6
_NOT_ALNUM: Final = re.compile(r"[\W_]+")
_SEPARATORS_AROUND: Final = re.compile(r"^[\s|\-–—»·•~:/]+|[\s|\-–—»·•~:/]+$")


def host_labels(url: str) -> tuple[str, ...]:
    """The host's naming label, and the place in a government one.

    ``https://regional.kompas.com/read/…`` → ``("kompas",)``;
    ``https://www.sumberjayakab.go.id/`` → ``("sumberjayakab", "sumberjaya")``.
    """
    host = (urlsplit(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label and label not in HOST_SUFFIXES]
    if not labels or len(labels[-1]) < 3:
        return ()
    label = labels[-1]
    place = _GOVERNMENT_AFFIX.sub("", label)
    return (label, place) if place != label and len(place) >= 4 else (label,)


def leftover_names(titles: list[str]) -> list[str]:
    """What one declared title adds to another: the site's name, printed only in one of them.

    ``["Banjir Surut", "Banjir Surut | Pemerintah Kota Tangerang"]``
    → ``["Pemerintah Kota Tangerang"]``
    """
    found = []
    for short in titles:
        for long in titles:
            if len(long) <= len(short) + 2:
                continue
            if long.startswith(short):
                rest = long[len(short) :]
            elif long.endswith(short):
                rest = long[: -len(short)]
            else:
                continue
            name = _SEPARATORS_AROUND.sub("", rest)
            if name and name != rest.strip():  # a separator stood between them
                found.append(name)
    return found


def names_beside_heading(titles: list[str], headings: set[str]) -> list[str]:
    """What a title adds around a part the page prints as a heading: the site's name.

    ``(["Banjir Surut - Lembah Hijau Post"], {"banjir surut"})`` → ``["Lembah Hijau Post"]``.
    Only separators with spaces count ("Headline - Site", "Site | Headline", "::", "»"), and
    only one part may be a heading: "Fachmeldungen - Verkündung des … - Zoll online" beside
    both headings is a section and a headline, which this cannot tell apart.
    """
    found = []
    for title in titles:
        title = " ".join(title.split())
        cuts = list(_SPACED_SEPARATOR.finditer(title))
        if not cuts:
            continue
        bounds = [0, *(i for m in cuts for i in m.span()), len(title)]
        parts = [title[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
        shown = [i for i, part in enumerate(parts) if part.casefold() in headings]
        if shown == [0]:
            found.append(title[cuts[0].end() :])
        elif shown == [len(parts) - 1]:
            found.append(title[: cuts[-1].start()])
    return [name for name in found if name and len(name.split()) <= MAX_NAME_WORDS]


def _key(text: str) -> str:
    """Compare names without case or punctuation. ``"KOMPAS.com"`` → ``"kompascom"``."""
    return _NOT_ALNUM.sub("", text.casefold())


def _is_name(part: str, names: tuple[str, ...], trailing: bool = False) -> bool:
    """Whether a title part is the site's name ("Kompas.com Regional" for "KOMPAS.com").

    A trailing part may hold the name anywhere ("Website Resmi Pemerintah Kabupaten
    Sumberjaya"); a leading one must start with it, since headlines start with place names.
    ``("Tempo.Co", ("tempo",))`` → ``True``; ``("Banjir di Tempo Dulu", ("tempo",))`` → ``False``.
    """
    key = _key(part)
    if not key or len(part.split()) > MAX_NAME_WORDS:
        return False
    for name in names:
        name_key = _key(name)
        if len(name_key) < 3:
            continue
        if name_key in key and (
            trailing or key.startswith(name_key) or len(key) <= 2 * len(name_key)
        ):
            return True
        if key in name_key and len(key) >= 0.6 * len(name_key):
            return True
    return False


def title_core(title: str, names: tuple[str, ...]) -> str:
    """The title without the site's name and what stands beyond it.

    ``"Menteri Yuddy Ancam PNS - Kompas.com"`` → ``"Menteri Yuddy Ancam PNS"``;
    ``"Kapanlagi.com: Musik - Bikin Gaduh Kota"`` → ``"Musik - Bikin Gaduh Kota"``.
    """
    title = " ".join(title.split())
    cuts = list(SEPARATOR.finditer(title))
    if not cuts:
        return title
    bounds = [0, *(i for m in cuts for i in m.span()), len(title)]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    for index, (start, end) in enumerate(parts[1:], start=1):
        if _is_name(title[start:end], names, trailing=True):
            return title[: parts[index - 1][1]].strip() or title
    start, end = parts[0]
    if _is_name(title[start:end], names):
        return title[parts[1][0] :].strip() or title
    return title
