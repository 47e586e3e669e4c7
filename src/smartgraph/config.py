"""Settings: base IRI, store path, endpoint. Environment beats defaults; only entry points read the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from smartgraph.errors import ConfigError

DEFAULT_BASE_IRI = "https://w3id.org/smartgraph/id/"
DEFAULT_STORE = Path(".smartgraph/store")
DEFAULT_INPUT = Path("data/press-releases")

ENV_BASE_IRI = "SMARTGRAPH_BASE_IRI"
ENV_STORE = "SMARTGRAPH_STORE"


@dataclass(frozen=True)
class Settings:
    base_iri: str = DEFAULT_BASE_IRI
    store: Path = DEFAULT_STORE

    def __post_init__(self) -> None:
        check_base_iri(self.base_iri)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def check_base_iri(iri: str) -> None:
    if not (iri.startswith(("http://", "https://")) and iri.endswith(("/", "#"))):
        raise ConfigError(
            f"base IRI {iri!r} is not an http(s) IRI ending in '/' or '#'",
            hint="pass e.g. --base-iri https://data.example.org/smartgraph/",
        )
    if any(c in iri for c in ' <>"{}|\\^`'):
        raise ConfigError(f"base IRI {iri!r} holds a character that IRIs forbid", hint="percent-encode it")


def from_env(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    return Settings(
        base_iri=env.get(ENV_BASE_IRI, DEFAULT_BASE_IRI),
        store=Path(env[ENV_STORE]) if env.get(ENV_STORE) else DEFAULT_STORE,
    )


def settle_base_iri(given: str | None, source: str, stored: str | None, store: Path) -> str:
    """The base IRI to use: the one given (``source`` says where: a flag or the environment), else the one the
    store remembers, else the default. Given and remembered must agree: a store's IRIs are minted under one base."""
    if given is not None:
        check_base_iri(given)
    if given is not None and stored is not None and given != stored:
        raise ConfigError(
            f"the store at {store} was built with base IRI {stored}, but {source} says {given}",
            hint=f"leave {source} out (the store's base IRI is used), or build into another --store with the new base IRI",
        )
    return given or stored or DEFAULT_BASE_IRI
