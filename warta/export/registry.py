"""The export formats by name. Each is imported when used, so ``warta`` starts without
loading pyarrow or py-wacz."""

from __future__ import annotations

from importlib import import_module
from typing import Final, cast

from warta.export.job import Exporter

FORMATS: Final = {
    "jsonl": ("warta.export.to_jsonl", "JsonLines"),
    "csv": ("warta.export.to_csv", "CsvTables"),
    "parquet": ("warta.export.to_parquet", "ParquetFiles"),
    "warc": ("warta.export.to_warc", "WarcCaptures"),
    "wacz": ("warta.export.to_wacz", "WaczPackage"),
}


def exporter(name: str) -> Exporter:
    module, attribute = FORMATS[name]
    return cast(Exporter, getattr(import_module(module), attribute)())
