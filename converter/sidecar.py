"""Sidecar ``seeds/<id>.json``: metadata, entity authority and notes, checked by JSON Schema.

Errors name the file, the line of the bad value when it can be found, and its JSON path
(``$.entities[3].type``), so an editor can go straight to it.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from converter.errors import InputError

from converter.resources import schema_file

SCHEMA_PATH = schema_file("sidecar.schema.json")


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def json_path(parts) -> str:
    """``$.a[2].b`` from a jsonschema absolute path."""
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def _line_of(raw: str, parts) -> int | None:
    """Best-effort source line of the value at ``parts`` (the last key named in it)."""
    keys = [p for p in parts if isinstance(p, str)]
    if not keys:
        return None
    m = re.search(r'"%s"\s*:' % re.escape(keys[-1]), raw)
    return raw.count("\n", 0, m.start()) + 1 if m else None


def check(data, raw: str, source: str) -> None:
    """Raise InputError for the first schema violation or a duplicate entity id."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        parts = list(err.absolute_path)
        raise InputError(f"{json_path(parts)}: {err.message}", source, _line_of(raw, parts))
    _check_characters(data, [], raw, source)
    seen: set[str] = set()
    for i, ent in enumerate(data.get("entities", [])):
        if ent["id"] in seen:
            raise InputError(f"$.entities[{i}].id: entity id {ent['id']!r} is used twice",
                             source, _line_of_value(raw, ent["id"], 2))
        seen.add(ent["id"])


# What XML 1.0 cannot hold (as in converter.reader): a JSON "\u0000" escape would reach the
# TEI as a character lxml refuses, so it is an error at its JSON path instead.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_characters(value, parts: list, raw: str, source: str) -> None:
    if isinstance(value, str):
        bad = _XML_ILLEGAL.search(value)
        if bad:
            raise InputError(f"{json_path(parts)}: contains U+{ord(bad.group()):04X}, a control "
                             "character XML cannot hold", source, _line_of(raw, parts))
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_characters(v, parts + [k], raw, source)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_characters(v, parts + [i], raw, source)


def _line_of_value(raw: str, value: str, nth: int) -> int | None:
    hits = [m.start() for m in re.finditer(r'"id"\s*:\s*"%s"' % re.escape(value), raw)]
    return raw.count("\n", 0, hits[nth - 1]) + 1 if len(hits) >= nth else None


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def load(path: Path) -> dict:
    """Parse and validate the sidecar at ``path``; a missing sidecar is an empty one."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as err:  # e.g. a name too long for the file system: this seed fails
        raise InputError(f"cannot read sidecar: {err.strerror}", str(path)) from None
    data, raw = read_json(path, "sidecar")
    check(data, raw, str(path))
    return data


def read_json(path: Path, what: str):
    """(data, text) of the JSON file at ``path`` (a sidecar or an authority file), read
    like every input (bounded, a folder or a pipe is no hang and no crash); malformed JSON,
    nesting too deep and a key given twice in one object are errors with their line."""
    from converter.xmlio import read_input

    source = str(path)
    try:
        raw = read_input(path).decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{what} is not UTF-8 (byte offset {err.start})", source) from None
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON: {err.msg}", source, err.lineno, err.colno) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply", source, 1, 1) from None
    except _DuplicateKey as err:  # a typo'd copy would silently replace the first value
        hits = [m.start() for m in re.finditer(r'"%s"\s*:' % re.escape(err.args[0]), raw)]
        raise InputError(f"key {err.args[0]!r} appears twice in one object", source,
                         raw.count("\n", 0, hits[1]) + 1 if len(hits) > 1 else None) from None
    return data, raw
