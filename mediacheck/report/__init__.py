"""Comparison reports across outlets: the pipeline, its tables, statistics and the HTML report."""
from mediacheck.report.pipeline import Report, ReportOptions, analyze, build_report

__all__ = ["Report", "ReportOptions", "analyze", "build_report"]
