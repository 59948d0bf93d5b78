"""``~`` in the Dari and Pashto pools stands for ZWNJ (U+200C): visible in review,
exact in output."""

from __future__ import annotations

from typing import Any

ZWNJ = "\u200c"


def zwnj(value: Any) -> Any:
    """The value with every ``~`` in its strings turned into ZWNJ, recursively."""
    if isinstance(value, str):
        return value.replace("~", ZWNJ)
    if isinstance(value, list):
        return [zwnj(v) for v in value]
    if isinstance(value, dict):
        return {k: zwnj(v) for k, v in value.items()}
    return value


def zwnj_tree(namespace: dict[str, Any]) -> None:
    """Apply ``zwnj`` to a module's upper-case data names in place."""
    for name in [n for n in namespace if n.isupper()]:
        namespace[name] = zwnj(namespace[name])
