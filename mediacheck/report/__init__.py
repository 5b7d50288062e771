"""Comparison reports across outlets: tables, statistics and the HTML report."""
