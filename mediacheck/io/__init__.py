"""Input and output: read articles from folders, text/HTML, JSONL, CSV/TSV or Parquet; write result records."""
from __future__ import annotations

from .base import InputError, ReadStats
from .decode import DecodeError, decode_bytes
from .readers import FORMATS, detect_format, read_articles
from .writers import OUTPUT_FORMATS, OutputError, RecordSink, neutralise_cell, output_format, write_records

__all__ = [
    "FORMATS", "OUTPUT_FORMATS", "DecodeError", "InputError", "OutputError", "RecordSink", "ReadStats", "decode_bytes",
    "detect_format", "neutralise_cell", "output_format", "read_articles", "write_records",
]
