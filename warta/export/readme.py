"""The export's ``README.md``: what a person opening the folder years later needs first.

Written from the datapackage descriptor, so the two always agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from warta.export.fields import ARTICLE_FIELDS

NAME: Final = "README.md"
_READING: Final = {
    "jsonl": [
        "Python: `[json.loads(line) for line in open('articles.jsonl', encoding='utf-8')]`",
        "pandas: `pandas.read_json('articles.jsonl', lines=True)`",
    ],
    "csv": [
        "pandas: `pandas.read_csv('articles.csv')`; Python: `csv.DictReader(open("
        "'articles.csv', encoding='utf-8', newline=''))`",
        'LibreOffice: open the file, character set UTF-8, separated by comma, string delimiter `"`',
        "Lists (`tags`, `aliases`) are JSON arrays in one cell; an empty cell is no value",
    ],
    "parquet": [
        "pandas: `pandas.read_parquet('articles.parquet')` (a folder when partitioned)",
        "DuckDB: `SELECT * FROM 'articles.parquet'`, or "
        "`read_parquet('articles/*/*/*.parquet', hive_partitioning = true)`",
        "Spark: `spark.read.parquet('articles.parquet')` (or the `articles` folder)",
    ],
    "warc": [
        "Any WARC tool: `python -m warcio.cli index warta-export.warc.gz`",
        "pywb: add the WARC to a collection; `warta-export.cdxj` is its sorted CDXJ index",
        "Each article's `metadata` record (target `urn:warta:article:<url>`) holds its "
        "extracted record as JSON and refers (`WARC-Refers-To`) to the capture it came from",
    ],
    "wacz": [
        "ReplayWeb.page: open `warta-export.wacz` at https://replayweb.page",
        "pywb: `wb-manager add <collection> warta-export.wacz`",
        "Check it: `wacz validate -f warta-export.wacz`",
    ],
}


def write(folder: Path, descriptor: dict[str, Any]) -> None:
    (folder / NAME).write_text(text(descriptor), encoding="utf-8", newline="\n")


def text(descriptor: dict[str, Any]) -> str:
    warta = descriptor["warta"]
    cover = warta["coverage"]
    lines = [
        f"# {descriptor['title']}",
        "",
        f"{descriptor['description'].removesuffix(' See README.md.')} Made by Warta "
        f"{warta['version']} with:",
        "",
        f"    {warta['command']}",
        "",
        "## What it covers",
        "",
        f"- {cover['articles']} articles from: {', '.join(cover['site_ids']) or '-'}",
        f"- published {_day(cover['published_first'])} to {_day(cover['published_last'])} "
        f"(UTC), {cover['undated']} undated",
        f"- seen by Warta {_day(cover['first_seen'])} to {_day(cover['last_seen'])} (UTC), "
        f"in {_runs(len(warta['crawl_runs']))} (listed in datapackage.json)",
        "",
        "## Files",
        "",
        "| file | count | bytes | SHA-256 |",
        "|---|---|---|---|",
    ]
    for resource in descriptor["resources"]:
        count = resource.get("rows", resource.get("warta:records"))
        digest = resource["hash"].removeprefix("sha256:")
        lines.append(f"| `{resource['path']}` | {count} | {resource['bytes']} | `{digest}` |")
    lines += ["", *_fields(descriptor), "## Reading it", ""]
    lines += [f"- {line}" for line in _READING[warta["format"]]]
    lines += [
        "",
        "## Checking it",
        "",
        "`datapackage.json` is a Frictionless Data Package: every file's size, SHA-256 and",
        "count, the field types, the filters, the Warta version and the crawl runs. Check the",
        "folder with `warta verify .`, or `frictionless validate datapackage.json`, or",
        "`sha256sum` against the table above. The same archive and the same command give",
        "byte-identical files: nothing in them comes from the clock.",
        "",
        "Instants are ISO 8601 in UTC (`2025-01-22T11:26:00+00:00`); `published_local` is",
        "the same instant on the portal's clock (`2025-01-22T18:26:00+07:00` is WIB).",
        "",
    ]
    return "\n".join(lines)


def _fields(descriptor: dict[str, Any]) -> list[str]:
    """A table per kind of record: articles, revisions, views; for a WARC, the metadata."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for resource in descriptor["resources"]:
        if "schema" in resource:
            tables.setdefault(resource["name"].split("-")[0], resource["schema"]["fields"])
    if not tables:  # WARC, WACZ: the articles are the metadata records' JSON
        fields = [field.schema() for field in ARTICLE_FIELDS]
        tables["the metadata records' JSON (one article each)"] = fields
    lines: list[str] = []
    for table, fields in tables.items():
        lines += [f"## Fields of {table}", "", "| field | type | description |", "|---|---|---|"]
        lines += [f"| `{f['name']}` | {f['type']} | {f['description']} |" for f in fields]
        lines.append("")
    return lines


def _runs(n: int) -> str:
    return f"{n} crawl run{'' if n == 1 else 's'}"


def _day(instant: str | None) -> str:
    return instant[:10] if instant else "-"
