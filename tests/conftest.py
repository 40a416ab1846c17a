"""Fixtures: a tiny knowledge base written to a temp folder, and the real one loaded once per session."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from musclemap.kb import KnowledgeBase, load_yaml

TINY: dict[str, Any] = {
    "sources.yaml": [
        {"key": "book2000", "authors": "Author A", "year": 2000, "title": "A book", "where": "Press", "kind": "book"},
    ],
    "joints.yaml": [
        {"id": "knee", "name": "Knee", "sources": ["book2000"], "actions": [
            {"id": "knee_extension", "name": "knee extension", "description": "Straightening the knee."},
            {"id": "knee_flexion", "name": "knee flexion", "description": "Bending the knee."},
        ]},
        {"id": "hip", "name": "Hip", "sources": ["book2000"], "actions": [
            {"id": "hip_extension", "name": "hip extension", "description": "Driving the thigh back."},
        ]},
    ],
    "groups.yaml": [
        {"id": "quadriceps", "name": "Quadriceps", "aliases": ["quads"], "kind": "muscle",
         "description": "Front of thigh.", "sources": ["book2000"]},
        {"id": "hamstrings", "name": "Hamstrings", "aliases": ["hams"], "kind": "functional",
         "description": "Back of thigh.", "sources": ["book2000"]},
    ],
    "muscles/legs.yaml": [
        {"id": "vastus_lateralis", "name": "Vastus lateralis", "latin": "musculus vastus lateralis",
         "aliases": ["VL", "outer quad"], "groups": ["quadriceps"], "region": "thigh", "views": ["front"],
         "depth": "superficial", "location": "Outside of the thigh.",
         "actions": [{"action": "knee_extension", "prime_mover": True}],
         "functions": ["Standing up."], "volume_cm3": {"value": 500, "source": "book2000"},
         "sources": ["book2000"]},
        {"id": "semitendinosus", "name": "Semitendinosus", "latin": "musculus semitendinosus",
         "aliases": [], "groups": ["hamstrings"], "region": "thigh", "views": ["back"],
         "depth": "superficial", "location": "Back of the thigh.",
         "actions": [{"action": "knee_flexion", "prime_mover": True}, {"action": "hip_extension", "prime_mover": False}],
         "functions": ["Sprinting."], "volume_cm3": None, "sources": ["book2000"]},
    ],
    "exercises/legs.yaml": [
        {"id": "leg_extension", "name": "Leg extension", "aliases": ["knee extension machine"],
         "equipment": ["machine"], "mechanic": "isolation", "force": "push", "pattern": "knee_extension",
         "actions": ["knee_extension"],
         "muscles": [
             {"muscle": "vastus_lateralis", "role": "target", "involvement": 0.8, "why": "Straightens the knee."},
             {"muscle": "semitendinosus", "role": "antagonist_stabilizer", "involvement": 0.05, "why": "Steadies."},
         ],
         "variants": [{"key": "range", "default": "full", "sources": ["book2000"], "values": [
             {"value": "full", "note": "Whole range.", "shift": {}},
             {"value": "partial", "note": "Top half.", "shift": {"vastus_lateralis": -0.1}},
         ]}],
         "safety": ["Line the knee up with the pivot."], "sources": ["book2000"]},
        {"id": "leg_curl", "name": "Lying leg curl", "aliases": ["hamstring curl"],
         "equipment": ["machine"], "mechanic": "isolation", "force": "pull", "pattern": "knee_flexion",
         "actions": ["knee_flexion"],
         "muscles": [
             {"muscle": "semitendinosus", "role": "target", "involvement": 0.75, "why": "Bends the knee."},
         ],
         "sources": ["book2000"]},
    ],
}


def tiny_data() -> dict[str, Any]:
    """A fresh deep copy of the tiny knowledge base's records, to mutate in a test."""
    return copy.deepcopy(TINY)


def write_kb(root: Path, data: dict[str, Any]) -> Path:
    """Write records as YAML files under root, one file per key."""
    for rel, records in data.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(records, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def tiny_kb(tmp_path: Path) -> KnowledgeBase:
    return load_yaml(write_kb(tmp_path, tiny_data()))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real knowledge base, read from the YAML files with every rule checked."""
    return load_yaml()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MUSCLEMAP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow (always on when CI=true)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run in CI (CI=true) or with --slow; otherwise they are deselected, not skipped."""
    import os

    if config.getoption("--slow") or os.environ.get("CI", "").lower() == "true":
        return
    keep = [item for item in items if "slow" not in item.keywords]
    dropped = [item for item in items if "slow" in item.keywords]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def need_shared(path: Path) -> None:
    """Skip where a file from ../shared is not beside this checkout; in CI (CI=true) its absence is a failure."""
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} is not beside this checkout")
