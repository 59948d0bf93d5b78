"""Rendering: articles from and to the house style (sources, PDF, HTML)."""
