"""The source registry: built-in sources, then third-party ones from the `kameng.sources`
entry-point group. Detection asks every source; two sources claiming one file is an error naming
both (never first-match-wins); `--format NAME` settles it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ..errors import UserInputError
from .base import CLAIM, Sample, Source

ENTRY_POINT_GROUP = "kameng.sources"

# "module:attribute" of each built-in source. Payment and chat sources are listed in their packages.
_BUILTIN = (
    "kameng_cli.ingest.sources.image:SOURCE",
    "kameng_cli.ingest.sources.pdf:SOURCE",
    "kameng_cli.ingest.sources.text:SOURCE",
)
_PACKAGES = ("kameng_cli.ingest.payments", "kameng_cli.ingest.chats")

_registry: dict[str, Source] | None = None


class DuplicateSource(RuntimeError):
    pass


def _load(spec: str) -> Source:
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def _builtin_specs() -> list[str]:
    specs = list(_BUILTIN)
    for package in _PACKAGES:
        try:
            specs += list(importlib.import_module(package).SOURCES)
        except ModuleNotFoundError:
            continue
    return specs


def sources() -> dict[str, Source]:
    global _registry
    if _registry is None:
        found: dict[str, Source] = {}

        def register(source: Source, origin: str) -> None:
            if source.name in found:
                raise DuplicateSource(f"source name {source.name!r} registered twice ({origin})")
            found[source.name] = source

        for spec in _builtin_specs():
            register(_load(spec), spec)
        from importlib.metadata import entry_points

        for entry in entry_points(group=ENTRY_POINT_GROUP):
            register(entry.load(), f"entry point {entry.name}")
        _registry = found
    return _registry


def reset() -> None:
    """Forget loaded sources (tests register extra ones)."""
    global _registry
    _registry = None


@dataclass
class Detection:
    source: Source | None
    score: float
    forced: bool = False


def detect(sample: Sample, forced: str | None = None) -> Detection:
    registry = sources()
    if forced:
        if forced not in registry:
            raise UserInputError("format.unknown", name=forced, known=", ".join(sorted(registry)))
        return Detection(registry[forced], 1.0, forced=True)
    scored = [(source.sniff(sample), source) for source in registry.values()]
    claims = [(score, source) for score, source in scored if score >= CLAIM]
    if len(claims) > 1:
        names = sorted(source.name for _, source in claims)
        raise UserInputError("format.ambiguous", file=sample.name, names=", ".join(names), first=names[0])
    if claims:
        return Detection(claims[0][1], claims[0][0])
    fallbacks = sorted(((s, src) for s, src in scored if s > 0), key=lambda pair: -pair[0])
    if fallbacks:
        return Detection(fallbacks[0][1], fallbacks[0][0])
    return Detection(None, 0.0)
