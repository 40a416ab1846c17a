"""The precompiled knowledge base: an SQLite file read lazily, one record at a time.

`python -m musclemap.snapshot` rebuilds it from the YAML files. A command that shows one exercise reads that
exercise, its muscles and a few name keys, and nothing else; no YAML parser is imported.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import model as m
from .kb import KnowledgeBase, data_dir, load_yaml, source_files

SCHEMA = 8
T = TypeVar("T")


def snapshot_path() -> Path:
    """Where the packaged snapshot lives."""
    return data_dir() / "snapshot.sqlite"


def source_digest(root: Path | None = None) -> str:
    """A fingerprint of the YAML knowledge base, stored in the snapshot to tell when it is stale.

    CRC-32 over names and contents: it only has to notice edits, not resist forgery, and it avoids importing
    hashlib on every start.
    """
    import zlib

    root = data_dir() if root is None else root
    crc, size = 0, 0
    for _kind, path in source_files(root):
        data = path.read_bytes()
        crc = zlib.crc32(str(path.relative_to(root)).encode() + b"\0" + data, crc)
        size += len(data)
    return f"{crc:08x}-{size}"


# --------------------------------------------------------------------------------------------------
# Decoders: JSON written by asdict() back into frozen records


def _source(d: dict[str, Any]) -> m.Source:
    return m.Source(**d)


def _joint(d: dict[str, Any]) -> m.Joint:
    return m.Joint(d["id"], d["name"], d["latin"], tuple(m.JointAction(**a) for a in d["actions"]),
                   tuple(d["sources"]))


def _action(d: dict[str, Any]) -> m.JointAction:
    return m.JointAction(**d)


def _group(d: dict[str, Any]) -> m.Group:
    return m.Group(d["id"], d["name"], tuple(d["aliases"]), d["kind"], d["description"], tuple(d["sources"]),
                   tuple(d["members"]))


def _muscle(d: dict[str, Any]) -> m.Muscle:
    vol = d["volume"]
    return m.Muscle(
        d["id"], d["name"], d["latin"], tuple(d["aliases"]), tuple(d["groups"]), d["region"], tuple(d["views"]),
        d["depth"], d["location"], tuple(m.MuscleAction(**a) for a in d["actions"]), tuple(d["functions"]),
        m.Volume(**vol) if vol else None, tuple(d["sources"]), d["note"],
    )


def _exercise(d: dict[str, Any]) -> m.Exercise:
    variants = tuple(
        m.Variant(v["key"], v["default"],
                  tuple(m.VariantValue(x["value"], x["note"], tuple((s[0], s[1]) for s in x["shift"]),
                                       tuple(x["aliases"]))
                        for x in v["values"]),
                  tuple(v["sources"]))
        for v in d["variants"]
    )
    return m.Exercise(
        d["id"], d["name"], tuple(d["aliases"]), tuple(d["equipment"]), d["mechanic"], d["force"], d["pattern"],
        tuple(d["actions"]), tuple(m.ExerciseMuscle(**x) for x in d["muscles"]), variants, tuple(d["safety"]),
        tuple(d["sources"]), d.get("mechanics"), d.get("family"), d.get("anchor"),
        tuple((x[0], x[1], x[2]) for x in d.get("modifiers", ())), tuple(d.get("marked", ())), d.get("statics"),
    )


def _computed(d: dict[str, Any]) -> m.Computed:
    return m.Computed({k: (v[0], v[1], v[2]) for k, v in d["muscles"].items()},
                      tuple((j[0], j[1], j[2], j[3]) for j in d["joint_moments"]), d["one_rm_kg"], d["load_kg"],
                      d["model"], d["load_unit"], d.get("shares", True))


def _names(refs: list[list[str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple((r[0], r[1], r[2]) for r in refs)


def _usage(rows: list[dict[str, Any]]) -> tuple[m.Usage, ...]:
    return tuple(m.Usage(r["exercise"], r["role"], r["involvement"], tuple(r["equipment"]), r.get("variation", False))
                 for r in rows)


# table name -> (KnowledgeBase attribute, decoder)
TABLES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "sources": ("sources", _source),
    "joints": ("joints", _joint),
    "actions": ("actions", _action),
    "groups": ("groups", _group),
    "muscles": ("muscles", _muscle),
    "exercises": ("exercises", _exercise),
    "names": ("names", _names),
    "usage": ("usage", _usage),
    "computed": ("computed", _computed),
}


# Tables whose records are large (an exercise with its muscles, why lines and variants; a muscle's usage rows) are
# stored zlib-compressed: the file shrinks about fivefold and a record costs a few microseconds more to read.
COMPRESSED = frozenset({"exercises", "usage", "muscles", "computed"})


def _pack(table: str, text: str) -> str | bytes:
    import zlib

    return zlib.compress(text.encode("utf-8"), 9) if table in COMPRESSED else text


def _unpack(table: str, body: str | bytes) -> Any:
    if table in COMPRESSED:
        import zlib

        assert isinstance(body, bytes)
        return json.loads(zlib.decompress(body))
    return json.loads(body)


def _encode(value: Any) -> Any:
    """Records (NamedTuples) to JSON-ready dicts, recursively; other tuples to lists."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {f: _encode(getattr(value, f)) for f in value._fields}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    return value


# --------------------------------------------------------------------------------------------------
# Writing and reading


def write_snapshot(kb: KnowledgeBase, path: Path, digest: str) -> None:
    """Write the whole knowledge base to an SQLite file at path (replaced atomically)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", str(SCHEMA)), ("digest", digest)])
        for table, (attr, _decode) in TABLES.items():
            # WITHOUT ROWID keeps small rows (names) compact, but would push every large record into its own
            # overflow page
            layout = "" if table in COMPRESSED else " WITHOUT ROWID"
            con.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, body NOT NULL){layout}")
            mapping: Mapping[str, Any] = getattr(kb, attr)
            con.executemany(
                f"INSERT INTO {table} VALUES (?, ?)",
                [(key, _pack(table, json.dumps(_encode(mapping[key]), ensure_ascii=False, separators=(",", ":"))))
                 for key in sorted(mapping)],
            )
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    tmp.replace(path)


class LazyTable(Mapping[str, T], Generic[T]):
    """A read-only mapping over one snapshot table that decodes a record the first time it is asked for."""

    def __init__(self, con: sqlite3.Connection, table: str, decode: Callable[[Any], T]) -> None:
        self._con = con
        self._table = table
        self._decode = decode
        self._cache: dict[str, T] = {}
        self._complete = False

    def __getitem__(self, key: str) -> T:
        try:
            return self._cache[key]
        except KeyError:
            pass
        row = self._con.execute(f"SELECT body FROM {self._table} WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        value = self._cache[key] = self._decode(_unpack(self._table, row[0]))
        return value

    def _load_all(self) -> None:
        if not self._complete:
            for key, body in self._con.execute(f"SELECT id, body FROM {self._table} ORDER BY id"):
                if key not in self._cache:
                    self._cache[key] = self._decode(_unpack(self._table, body))
            self._complete = True

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter(sorted(self._cache))

    def __len__(self) -> int:
        if self._complete:
            return len(self._cache)
        return int(self._con.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0])

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self[key]
        except KeyError:
            return False
        return True

    def items(self) -> Any:
        self._load_all()
        return sorted(self._cache.items())

    def values(self) -> Any:
        return [v for _k, v in self.items()]


def open_snapshot(path: Path) -> KnowledgeBase:
    """A KnowledgeBase that reads records from the snapshot at path as they are needed."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    schema = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if schema is None or int(schema[0]) != SCHEMA:
        raise RuntimeError(f"{path}: snapshot schema {schema} is not {SCHEMA}; rebuild it")
    tables = {attr: LazyTable(con, table, decode) for table, (attr, decode) in TABLES.items()}
    return KnowledgeBase(**tables)


def snapshot_digest(path: Path) -> str | None:
    """The source digest recorded in a snapshot, or None if it was written with another schema."""
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()
    if meta.get("schema") != str(SCHEMA):
        return None
    return meta.get("digest")


def cache_dir() -> Path:
    """Where snapshots built at run time go: $MUSCLEMAP_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("MUSCLEMAP_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "musclemap"


def open_current() -> KnowledgeBase:
    """Open the packaged snapshot if it matches the YAML files; otherwise build a matching one in the cache.

    The packaged snapshot is rebuilt by `make snapshot`; the check costs one read of the YAML files, and keeps an
    edited knowledge base from being answered out of a stale snapshot.
    """
    digest = source_digest()
    packaged = snapshot_path()
    if packaged.exists() and snapshot_digest(packaged) == digest:
        return open_snapshot(packaged)
    cached = cache_dir() / f"kb-{SCHEMA}-{digest}.sqlite"
    if not cached.exists():
        kb = load_yaml()
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_snapshot(kb, cached, digest)
        except OSError:
            return kb  # a read-only home: answer from the YAML files directly
    return open_snapshot(cached)


def build(root: Path | None = None, out: Path | None = None) -> Path:
    """Validate the YAML knowledge base and write its snapshot."""
    kb = load_yaml(root)
    out = snapshot_path() if out is None else out
    write_snapshot(kb, out, source_digest(root))
    return out


if __name__ == "__main__":
    from .errors import DataError

    try:
        written = build()
    except DataError as exc:
        print(f"musclemap: knowledge base error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(f"wrote {written}")
