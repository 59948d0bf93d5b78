"""Site profiles are data: another portal reads with its own TOML and no new code."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.cli.main import cli
from ganjina.errors import ProfileError
from ganjina.house.profile import builtin_profile, load_profile
from ganjina.reader import parse_bytes

OTHER_PORTAL = """
[site]
id = "kabulpost"
name = "Kabul Post"
tag = "KP"
url = "www.kabulpost.example"
email = "desk@kabulpost.example"
motto = []

[sections.world]
labels = ["World", "جهان"]

[byline]
author_prefixes = ["By "]
translator_prefixes = ["Translated by"]
joiners = [" and ", ", "]

[attribution]
prefixes = ["Source:"]
"""

ARTICLE = """# Kabul Post

KP

www.kabulpost.example

desk@kabulpost.example

World

جهان

By Lena Vogt and Samir Azizi

03.05.2024

## ***Rail link talks resume***

Negotiators met again on Friday to discuss the northern rail corridor.

Source: Asia Rail Weekly 02.05.2024
"""


def test_another_portal_with_its_own_profile(tmp_path: Path) -> None:
    profile_file = tmp_path / "kabulpost.toml"
    profile_file.write_text(OTHER_PORTAL, encoding="utf-8")
    article = parse_bytes(ARTICLE.encode(), "a.md", profile=load_profile(profile_file))
    assert article.site is not None and article.site.name == "Kabul Post"
    assert article.section is not None and article.section.id == "world"
    assert article.section.labels == ["World", "جهان"]
    assert article.authors == ["Lena Vogt", "Samir Azizi"]
    assert article.date == "2024-05-03"
    assert article.title == "Rail link talks resume"
    assert article.source is not None and article.source.name == "Asia Rail Weekly"
    assert article.source.date == "2024-05-02"
    assert article.warnings == []


def test_the_builtin_profile_does_not_know_that_masthead(tmp_path: Path) -> None:
    article = parse_bytes(ARTICLE.encode(), "a.md", profile=builtin_profile())
    # generic fallback: still a title and a body, with a warning, never a failure
    assert article.title == "Rail link talks resume"
    assert any("no known masthead" in w for w in article.warnings)
    assert article.body_text()
    # labels the profile does not know are never read as author names
    assert article.authors == ["Lena Vogt", "Samir Azizi"]
    # a line nothing claims is never dropped: it stays in the body, and the record says so
    assert "unrecognised line before the title kept in the body: 'World'" in article.warnings


def test_profile_option_on_the_command_line(tmp_path: Path) -> None:
    profile_file = tmp_path / "kabulpost.toml"
    profile_file.write_text(OTHER_PORTAL, encoding="utf-8")
    article_file = tmp_path / "a.md"
    article_file.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["parse", "--json", "--profile", str(profile_file), str(article_file)]
    )
    assert result.exit_code == 0, result.output
    assert '"name": "Kabul Post"' in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [("[site\nname=", "not a valid TOML profile"), ("[other]\nx = 1\n", r"missing \[site\] table")],
)
def test_bad_profiles_are_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(path)
