"""Small house-style Markdown articles written for these tests (PDF-to-Markdown shape)."""

from __future__ import annotations


def markdown_article(title: str, body: str, *, author: str = "Nadia Rahimzai") -> str:
    """An article as the portal's PDF-to-Markdown conversions give it."""
    return (
        "# **افغانستان آزاد – آزاد افغانستان**\n\n"
        "<u>www.afgazad.com</u>\n\n"
        "**European Languages**\n\n"
        "### **زبانهای اروپایی**\n\n"
        f"{author}\n\n"
        "14.02.2023\n\n"
        f"## **_{title}_**\n\n"
        f"{body}\n"
    )


def good_article(n: int) -> str:
    return markdown_article(
        f"Test article number {n} about the irrigation canals of Parwan",
        f"The district council met for the {n}th time to share water between villages. "
        "Farmers said the canal had been cleaned before the spring.",
    )
