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


def _expand(token: tuple[str, str], prefixes: dict[str, str], base: str = "") -> str | None:
    """The IRI an IRI token or a prefixed name stands for (relative IRIs joined to ``base`` when given); None otherwise."""
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    if kind == "word" and ":" in value:
        prefix, local = value.split(":", 1)
        return prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local) if prefix in prefixes else None
    return None


def _resolve(token: tuple[str, str], base: str, prefixes: dict[str, str]) -> str | None:
    iri = _expand(token, prefixes, base)
    return iri if iri is not None and re.match(r"^https?://", iri, re.I) else None


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


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*$")


def _graph_term(token: tuple[str, str], prefixes: dict[str, str]) -> str | None:
    iri = _expand(token, prefixes)
    return iri if iri is not None and _ABSOLUTE.match(iri) else None  # a relative IRI is left to the full check: no guess


def _data_graphs(op: list[tuple[str, str]], prefixes: dict[str, str]) -> list[str] | None:
    """The graphs of an INSERT DATA / DELETE DATA block made only of ``GRAPH <g> { ... }`` (None if it holds anything else)."""
    if len(op) < 2 or op[0][1] != "{" or op[-1][1] != "}":
        return None
    graphs = []
    i = 1
    while i < len(op) - 1:
        if op[i][0] != "word" or op[i][1].upper() != "GRAPH" or i + 2 >= len(op) or op[i + 2][1] != "{":
            return None  # a triple for the default graph, or something not understood
        g = _graph_term(op[i + 1], prefixes)
        if g is None:
            return None
        graphs.append(g)
        depth, i = 1, i + 3
        while i < len(op) - 1 and depth:
            depth += {"{": 1, "}": -1}.get(op[i][1], 0) if op[i][0] == "other" else 0
            i += 1
        if depth:
            return None
    return graphs


def touched_graphs(text: str) -> list[str] | None:
    """The named graphs an update changes, when it is made only of operations that name every graph they change and
    read nothing else: INSERT DATA / DELETE DATA into ``GRAPH <g>`` blocks, CREATE / CLEAR / DROP GRAPH <g>, and
    ADD / MOVE / COPY between named graphs. None for anything else (a WHERE clause, the default graph, ALL, NAMED,
    a relative IRI...): the caller then re-makes the whole union."""
    ops: list[list[tuple[str, str]]] = [[]]
    depth = 0
    for kind, value in _tokens(text):
        if kind == "other" and value in "{}":
            depth += 1 if value == "{" else -1
        if kind == "other" and value == ";" and depth == 0:
            ops.append([])
        else:
            ops[-1].append((kind, value))
    prefixes: dict[str, str] = {}
    graphs: list[str] = []
    for op in ops:
        i = 0
        while i < len(op) and op[i][0] == "word" and op[i][1].upper() in ("PREFIX", "BASE"):
            if op[i][1].upper() == "PREFIX":
                if i + 2 >= len(op) or op[i + 1][0] != "word" or not op[i + 1][1].endswith(":") or op[i + 2][0] != "iri":
                    return None
                prefixes[op[i + 1][1][:-1]] = op[i + 2][1][1:-1]
                i += 3
            else:
                i += 2
        rest = op[i:]
        if not rest:
            continue
        words = [v.upper() if k == "word" else v for k, v in rest]
        found: list[str | None] | None
        if words[:2] in (["INSERT", "DATA"], ["DELETE", "DATA"]):
            found = list(_data_graphs(rest[2:], prefixes) or []) or None
        elif words[0] in ("CREATE", "CLEAR", "DROP"):
            j = 2 if len(words) > 1 and words[1] == "SILENT" else 1
            found = [_graph_term(rest[j + 1], prefixes)] if len(rest) == j + 2 and words[j] == "GRAPH" else None
        elif words[0] in ("ADD", "MOVE", "COPY"):
            j = 2 if len(words) > 1 and words[1] == "SILENT" else 1
            found = []
            for k in range(2):
                if j < len(words) and words[j] == "GRAPH":
                    j += 1
                if j >= len(rest):
                    return None
                found.append(_graph_term(rest[j], prefixes))
                j += 1
                if k == 0:
                    if j >= len(words) or words[j] != "TO":
                        return None
                    j += 1
            if j != len(rest):
                return None
        else:
            return None
        if found is None or None in found:
            return None
        graphs += [g for g in found if g is not None]
    return list(dict.fromkeys(graphs))


def split_prologue(text: str) -> tuple[str, str]:
    """The text cut after its leading ``PREFIX`` and ``BASE`` declarations: (prologue, the rest).

    Oxigraph accepts a prologue only at the start of an update request, not after a ``;``, so a statement
    put before an update goes after its prologue."""
    toks = [m for m in _TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")]
    i = 0
    while i < len(toks) and toks[i].lastgroup == "word" and toks[i].group().upper() in ("PREFIX", "BASE"):
        i += 3 if toks[i].group().upper() == "PREFIX" else 2
    if i == 0:
        return "", text
    end = toks[i - 1].end() if i - 1 < len(toks) else len(text)
    return text[:end], text[end:]


class DatasetConflict(SmartgraphError):
    """The protocol names a dataset for an update that names its own (USING, WITH)."""


def with_using(text: str, default: list[str], named: list[str]) -> str:
    """The update with ``USING <g>`` (``using-graph-uri``) and ``USING NAMED <g>`` (``using-named-graph-uri``) clauses
    put before the WHERE of each of its DELETE/INSERT operations, as the SPARQL 1.1 Protocol asks. An operation that
    names its own dataset (USING, WITH) is a conflict (DatasetConflict); operations without a WHERE clause are left
    as they are. The IRIs must be checked by the caller (no ``<``, ``>``, spaces)."""
    if not default and not named:
        return text
    clause = " ".join([f"USING <{g}>" for g in default] + [f"USING NAMED <{g}>" for g in named]) + " "
    toks = [m for m in _TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")]
    inserts: list[int] = []
    depth, start = 0, 0
    ends: list[re.Match[str] | None] = [*toks, None]
    for i, m in enumerate(ends):
        if m is not None and m.lastgroup == "other" and m.group() in "{}":
            depth += 1 if m.group() == "{" else -1
        if m is None or (depth == 0 and m.group() == ";"):
            op = [t for t in toks[start:i] if t.lastgroup == "word"]
            words = [t.group().upper() for t in op]
            while words and words[0] in ("PREFIX", "BASE"):  # (the IRIs are not words: PREFIX p: is two, BASE one)
                skip = 2 if words[0] == "PREFIX" else 1
                words, op = words[skip:], op[skip:]
            if words and words[0] in ("DELETE", "INSERT", "WITH") and (len(words) < 2 or words[1] != "DATA"):
                if "USING" in words or "WITH" in words:
                    raise DatasetConflict("the update names its own dataset (USING or WITH) and the request names one too "
                                          "(using-graph-uri / using-named-graph-uri)", hint="name the graphs in one place only")
                where = _depth0_where(toks[start:i])
                if where is None:
                    raise DatasetConflict("using-graph-uri / using-named-graph-uri cannot apply to DELETE WHERE { ... }",
                                          hint="write the operation as DELETE { ... } WHERE { ... }, or name the graphs in it")
                inserts.append(where)
            start = i + 1
    for at in sorted(inserts, reverse=True):
        text = text[:at] + clause + text[at:]
    return text


def _depth0_where(toks: list[re.Match[str]]) -> int | None:
    """Where the operation's own WHERE keyword starts (not DELETE WHERE's, not one inside braces)."""
    depth = 0
    previous = ""  # the token before, whatever it is: DELETE WHERE is DELETE right before WHERE
    for m in toks:
        if m.lastgroup == "other" and m.group() in "{}":
            depth += 1 if m.group() == "{" else -1
        elif depth == 0 and m.lastgroup == "word" and m.group().upper() == "WHERE":
            return None if previous == "DELETE" else m.start()
        previous = m.group().upper()
    return None
