"""The packaged snapshot: fresh, and answering exactly as the YAML files do."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import tiny_data, write_kb
from musclemap.kb import KnowledgeBase, load_yaml
from musclemap.query import exercise_answer
from musclemap.render.payload import list_payload, show_payload
from musclemap.snapshot import open_snapshot, snapshot_digest, snapshot_path, source_digest, write_snapshot


def test_packaged_snapshot_matches_the_yaml_files() -> None:
    assert snapshot_path().exists(), "run `make snapshot`"
    assert snapshot_digest(snapshot_path()) == source_digest(), "the snapshot is stale: run `make snapshot`"


def test_snapshot_answers_every_exercise_like_the_yaml(kb: KnowledgeBase) -> None:
    snap = open_snapshot(snapshot_path())
    assert list_payload(snap) == list_payload(kb)
    for ex_id in kb.exercises:
        assert show_payload(snap, exercise_answer(snap, ex_id)) == show_payload(kb, exercise_answer(kb, ex_id))
    assert dict(snap.names.items()) == dict(kb.names)
    assert {k: v for k, v in snap.usage.items()} == dict(kb.usage)


def test_snapshot_round_trip_of_a_tiny_kb(tmp_path: Path) -> None:
    kb = load_yaml(write_kb(tmp_path / "data", tiny_data()))
    path = tmp_path / "kb.sqlite"
    write_snapshot(kb, path, "digest")
    snap = open_snapshot(path)
    assert snap.muscles["vastus_lateralis"] == kb.muscles["vastus_lateralis"]
    assert snap.exercises["leg_extension"] == kb.exercises["leg_extension"]
    assert snap.groups["quadriceps"] == kb.groups["quadriceps"]
    assert "nothing" not in snap.muscles
    with pytest.raises(KeyError):
        snap.exercises["nothing"]
    assert len(snap.exercises) == 2
    assert snapshot_digest(path) == "digest"


def test_digest_changes_when_a_data_file_changes(tmp_path: Path) -> None:
    root = write_kb(tmp_path, tiny_data())
    before = source_digest(root)
    (root / "groups.yaml").write_text((root / "groups.yaml").read_text() + "\n# edited\n")
    assert source_digest(root) != before
