"""The knowledge base as open data: JSON (one file, complete, loadable again) or CSV (flat tables).

Pure functions: `export_files` returns {file name: text} and `load_export` rebuilds a KnowledgeBase from the JSON
text; writing and reading files is the caller's job.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from . import __version__
from .errors import DataError
from .kb import KnowledgeBase
from .query import exercise_answer

FORMATS: tuple[str, ...] = ("json", "csv")
EXPORT_SCHEMA = "1.0"
LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "musclemap knowledge base, CC BY 4.0",
    "notice": ("You may share and adapt this data for any purpose, including commercially, as long as you give "
               "appropriate credit (\"musclemap knowledge base, CC BY 4.0\"), link to the licence and say whether "
               "you changed it. Facts and figures come from the publications listed under sources; cite those "
               "publications when you use their numbers."),
}
JSON_FILE = "musclemap.json"


def _tables() -> dict[str, tuple[str, Callable[[Any], Any]]]:
    from .snapshot import TABLES

    return TABLES


def _involvement_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Each exercise's answer at its default variant: one row per (exercise, muscle), computed numbers included."""
    rows = []
    for ex_id in kb.exercises:
        ans = exercise_answer(kb, ex_id)
        for w in ans.muscles:
            rows.append({"exercise": ex_id, "muscle": w.muscle.id, "role": w.role, "involvement": w.involvement,
                         "basis": w.basis, "why": w.why})
    return rows


def export_json(kb: KnowledgeBase) -> str:
    """The whole knowledge base as one JSON document: every record, the engine's results, and the answers."""
    from .snapshot import _encode

    doc: dict[str, Any] = {"schema_version": EXPORT_SCHEMA, "musclemap_version": __version__, "licence": LICENCE}
    for table, (attr, _decode) in _tables().items():
        mapping = getattr(kb, attr)
        doc[table] = {key: _encode(mapping[key]) for key in sorted(mapping)}
    doc["involvement"] = _involvement_rows(kb)
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def export_csv(kb: KnowledgeBase) -> dict[str, str]:
    """Flat tables for spreadsheets and databases; ids join them."""
    files: dict[str, str] = {}
    files["muscles.csv"] = _csv(
        ["id", "name", "latin", "groups", "region", "views", "depth", "location", "volume_cm3", "sources"],
        [[mu.id, mu.name, mu.latin, ";".join(mu.groups), mu.region, ";".join(mu.views), mu.depth, mu.location,
          mu.volume.value if mu.volume else "", ";".join(mu.sources)] for mu in kb.muscles.values()])
    files["groups.csv"] = _csv(["id", "name", "kind", "members", "description"],
                               [[g.id, g.name, g.kind, ";".join(g.members), g.description] for g in kb.groups.values()])
    files["exercises.csv"] = _csv(
        ["id", "name", "aliases", "equipment", "mechanic", "force", "pattern", "actions", "family", "derived_from",
         "modifiers", "basis", "safety", "sources"],
        [[ex.id, ex.name, ";".join(ex.aliases), ";".join(ex.equipment), ex.mechanic, ex.force, ex.pattern,
          ";".join(ex.actions), ex.family or "", ex.anchor or "", ";".join(f"{k}={v}" for k, v, _n in ex.modifiers),
          "computed" if ex.mechanics else "curated", " | ".join(ex.safety), ";".join(ex.sources)]
         for ex in kb.exercises.values()])
    inv = _involvement_rows(kb)
    files["involvement.csv"] = _csv(["exercise", "muscle", "role", "involvement", "basis", "why"],
                                    [[r["exercise"], r["muscle"], r["role"], r["involvement"], r["basis"], r["why"]]
                                     for r in inv])
    files["sources.csv"] = _csv(["key", "authors", "year", "title", "where", "kind", "doi", "verified"],
                                [[s.key, s.authors, s.year if s.year is not None else "", s.title, s.where, s.kind,
                                  s.doi or "", str(s.verified).lower()] for s in kb.sources.values()])
    return files


def licence_text() -> str:
    """The LICENSE.txt that goes beside every export."""
    return (f"musclemap knowledge base, exported by musclemap {__version__}\n\n"
            f"Licence: {LICENCE['name']} ({LICENCE['url']})\n\n{LICENCE['notice']}\n")


def export_files(kb: KnowledgeBase, fmt: str) -> dict[str, str]:
    """{file name: text} for an export in the given format, licence included."""
    if fmt == "json":
        files = {JSON_FILE: export_json(kb)}
    elif fmt == "csv":
        files = export_csv(kb)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    files["LICENSE.txt"] = licence_text()
    return files


def load_export(text: str, label: str = JSON_FILE) -> KnowledgeBase:
    """A KnowledgeBase from a JSON export, answering as the one it was exported from."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise DataError(label, None, None, f"not valid JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("schema_version") != EXPORT_SCHEMA:
        raise DataError(label, None, None, f"not a musclemap export with schema {EXPORT_SCHEMA}")
    tables: dict[str, Any] = {}
    for table, (attr, decode) in _tables().items():
        rows = doc.get(table)
        if not isinstance(rows, dict):
            raise DataError(label, None, table, "missing or not a mapping")
        try:
            tables[attr] = {key: decode(body) for key, body in rows.items()}
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise DataError(label, None, table, f"a record does not decode: {exc!r}") from None
    return KnowledgeBase(**tables)
