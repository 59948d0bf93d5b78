"""Site profiles: a portal's house style as data (TOML), so a second portal needs no code.

The built-in profile is ``profiles/afgazad.toml``; ``load_profile(path)`` reads another.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ganjina.errors import ProfileError

DEFAULT_PROFILE = "afgazad"


@dataclass(frozen=True)
class SectionSpec:
    id: str
    labels: tuple[str, ...]
    match: tuple[str, ...]
    language_hint: str | None


@dataclass(frozen=True)
class Profile:
    id: str
    name: str | None
    name_variants: tuple[str, ...] = ()
    tag: str | None = None
    url: str | None = None
    email: str | None = None
    motto: tuple[str, ...] = ()
    sections: tuple[SectionSpec, ...] = ()
    author_prefixes: tuple[str, ...] = ()
    translator_prefixes: tuple[str, ...] = ()
    joiners: tuple[str, ...] = (" and ", ", ")
    attribution_prefixes: tuple[str, ...] = ()
    render: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def section_for(self, text: str) -> SectionSpec | None:
        """The section a printed label line names, if any."""
        key = _fold(text)
        for spec in self.sections:
            if any(_fold(m) == key for m in spec.match):
                return spec
        return None

    def sections_in_line(self, text: str) -> tuple[SectionSpec, list[str]] | None:
        """A section whose labels all stand on one line (a conversion joined them), with
        the labels in the order printed."""
        folded = _fold(text)
        for spec in self.sections:
            found = []
            rest = folded
            for label in spec.labels:
                key = _fold(label)
                at = folded.find(key)
                if not key or at < 0:
                    break
                found.append((at, label))
                rest = rest.replace(key, " ", 1)
            else:
                if len(found) > 1 and not rest.strip():
                    return spec, [label for _, label in sorted(found)]
        return None

    def section(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == section_id), None)


def _fold(text: str) -> str:
    """Compare labels and furniture loosely: case, spacing, ZWNJ, dashes."""
    text = text.replace("\u200c", "").replace("–", "-").replace("—", "-").casefold()
    return " ".join(text.replace("-", " ").split())


def _tuple(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"profile: {what} must be a list of strings")
    return tuple(value)


def profile_from_dict(data: dict[str, Any], origin: str = "profile") -> Profile:
    site = data.get("site")
    if not isinstance(site, dict):
        raise ProfileError(f"{origin}: missing [site] table")
    sections = []
    for sid, spec in (data.get("sections") or {}).items():
        if not isinstance(spec, dict):
            raise ProfileError(f"{origin}: [sections.{sid}] must be a table")
        labels = _tuple(spec.get("labels"), f"sections.{sid}.labels")
        sections.append(
            SectionSpec(
                id=sid,
                labels=labels,
                match=_tuple(spec.get("match"), f"sections.{sid}.match") or labels,
                language_hint=spec.get("language_hint") or None,
            )
        )
    byline = data.get("byline") or {}
    return Profile(
        id=str(site.get("id") or origin),
        name=site.get("name"),
        name_variants=_tuple(site.get("name_variants"), "site.name_variants"),
        tag=site.get("tag"),
        url=site.get("url"),
        email=site.get("email"),
        motto=_tuple(site.get("motto"), "site.motto"),
        sections=tuple(sections),
        author_prefixes=_tuple(byline.get("author_prefixes"), "byline.author_prefixes"),
        translator_prefixes=_tuple(byline.get("translator_prefixes"), "byline.translator_prefixes"),
        joiners=_tuple(byline.get("joiners"), "byline.joiners") or (" and ", ", "),
        attribution_prefixes=_tuple(
            (data.get("attribution") or {}).get("prefixes"), "attribution.prefixes"
        ),
        render=dict(data.get("render") or {}),
        raw=data,
    )


def load_profile(path: str | Path) -> Profile:
    """Load a site profile from a TOML file (one clear ProfileError if it is not one)."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{p}: no such profile file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ProfileError(f"{p}: not a valid TOML profile ({err})") from None
    return profile_from_dict(data, origin=p.stem)


@lru_cache(maxsize=8)
def builtin_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """A profile shipped with Ganjina, by name."""
    try:
        text = resources.files("ganjina.house").joinpath(f"profiles/{name}.toml").read_text("utf-8")
    except FileNotFoundError:
        raise ProfileError(f"no built-in profile named {name!r}") from None
    return profile_from_dict(tomllib.loads(text), origin=name)


def fold_label(text: str) -> str:
    return _fold(text)


@lru_cache(maxsize=4096)
def loose_key(text: str) -> str:
    """The letters and digits of a label, folded: how a printed label is matched to the
    profile's (spacing, punctuation, dashes and spelling variants aside). Cached: the
    profile's names and labels are folded again for every line they are matched with."""
    return "".join(ch for ch in fold_label(text) if ch.isalnum())


def is_site_name(text: str, profile: Profile) -> bool:
    """Whether the line is the site's name (or a variant), matched loosely."""
    key = loose_key(text)
    names = (profile.name or "", *profile.name_variants)
    if key and any(loose_key(n) == key for n in names if n):
        return True
    # the two halves of a bilingual masthead may be printed apart or swapped
    if profile.name and "–" in profile.name:
        halves = [loose_key(h) for h in profile.name.split("–")]
        return all(h and h in key for h in halves) and len(key) <= sum(map(len, halves)) + 4
    return False
