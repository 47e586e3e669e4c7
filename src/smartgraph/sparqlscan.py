"""What a SPARQL query or update would make the server fetch from the web: its ``SERVICE`` and ``LOAD`` targets.

Oxigraph runs ``SERVICE <url>`` (and ``LOAD <url>`` in an update) by sending an HTTP request from the
server, so an anonymous client could make the server reach internal addresses. The server refuses
them unless the operator allowed the URL. The text is read by a small lexer that follows SPARQL's
tokens (IRIs, strings, comments, prefixed names, variables): a keyword in a string or a comment is
not a keyword, and no spelling (case, prefixed names, ``BASE``, relative IRIs, ``\\u`` escapes) hides
one. Whatever cannot be resolved to an absolute IRI (a variable, an unknown prefix) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urljoin

from smartgraph.errors import SmartgraphError

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\n\r]*)
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
      | (?P<var>[?$]\w+)
      | (?P<word>\w+(?::(?:[\w\-.%:]|\\.)*)?|:(?:[\w\-.%:]|\\.)*)
      | (?P<other>.)""",
    re.X | re.S,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")


class ServiceRefused(SmartgraphError):
    """The query asks the server to fetch a URL the operator did not allow."""


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("ws", "comment"):
            out.append((kind, m.group()))
    return out


def _unescape(text: str) -> str:
    """SPARQL's codepoint escapes (\\uXXXX, \\UXXXXXXXX), which the grammar may see already decoded."""

    def one(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()

    return _ESCAPE.sub(one, text)


def fetch_targets(text: str, base: str = "") -> list[tuple[str, str | None]]:
    """Each ``SERVICE`` and ``LOAD`` in the text: (keyword, absolute IRI, or None where it cannot be resolved)."""
    found: list[tuple[str, str | None]] = []
    for variant in dict.fromkeys((text, _unescape(text))):
        toks = _tokens(variant)
        current_base = base
        prefixes: dict[str, str] = {}
        for i, (kind, value) in enumerate(toks):
            if kind != "word":
                continue
            word = value.upper()
            if word == "BASE" and i + 1 < len(toks) and toks[i + 1][0] == "iri":
                current_base = urljoin(current_base, toks[i + 1][1][1:-1])
            elif word == "PREFIX" and i + 2 < len(toks) and toks[i + 1][0] == "word" and toks[i + 2][0] == "iri":
                prefixes[toks[i + 1][1].rstrip(":")] = urljoin(current_base, toks[i + 2][1][1:-1])
            elif word in ("SERVICE", "LOAD"):
                j = i + 1
                if j < len(toks) and toks[j][1].upper() == "SILENT":
                    j += 1
                target = toks[j] if j < len(toks) else ("other", "")
                found.append((word, _resolve(target, current_base, prefixes)))
    return list(dict.fromkeys(found))


def _resolve(token: tuple[str, str], base: str, prefixes: dict[str, str]) -> str | None:
    kind, value = token
    if kind == "iri":
        iri = urljoin(base, value[1:-1]) if base else value[1:-1]
    elif kind == "word" and ":" in value:
        prefix, local = value.split(":", 1)
        if prefix not in prefixes:
            return None
        iri = prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local)
    else:
        return None
    return iri if re.match(r"^https?://", iri, re.I) else None


def check_fetches(text: str, allowed: Iterable[str], base: str = "") -> None:
    """Raise ServiceRefused when the query or update would fetch anything but the allowed URLs (exact matches)."""
    allow = set(allowed)
    for keyword, iri in fetch_targets(text, base):
        if iri is None:
            raise ServiceRefused(
                f"{keyword} with a target that is not a full http(s) IRI is not allowed on this server",
                hint="write the service's IRI in full (<https://...>); the server's operator must also allow it with --allow-service")
        if iri not in allow:
            what = "federated queries (SERVICE)" if keyword == "SERVICE" else "LOAD from the web"
            raise ServiceRefused(
                f"{keyword} <{iri}> is not allowed: {what} are off on this server unless its operator allows the URL",
                hint=f"run the query without {keyword}, or ask the operator to start the server with --allow-service {iri}")


def strip_trailing_separator(text: str) -> str | None:
    """The update text without a final ``;`` (so another operation can follow it); None when it holds no token at all."""
    last = None
    for m in _TOKEN.finditer(text):
        if m.lastgroup not in ("ws", "comment"):
            last = m
    if last is None:
        return None
    return text[: last.start()] if last.group() == ";" else text
