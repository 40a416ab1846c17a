"""The installed command in fresh processes, the shared contract checker and the benchmark script (slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import need_shared

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "checks" / "contract.py"
pytestmark = pytest.mark.slow


def musclemap(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("musclemap")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "musclemap"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=60)


def test_console_script_shows_the_leg_press() -> None:
    result = musclemap("show", "leg press", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["exercise"]["id"] == "leg_press"


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "musclemap", "list", "--json"], capture_output=True, text=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)["exercises"]


@pytest.mark.parametrize("args", [["show", "zzqx wobble thing"], ["muscle", "zzqx"],
                                  ["show", "leg press", "--variant", "foot_placement=sideways"]])
def test_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = musclemap(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "musclemap: error:" in result.stderr


def test_shared_contract_checker_passes() -> None:
    need_shared(CONTRACT)
    env = dict(os.environ, CONTRACT_STRICT="1", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([sys.executable, str(CONTRACT)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_benchmark_script_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_cli.py"), "--runs", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "cold show --json" in result.stdout and "bare interpreter" in result.stdout


def test_show_never_imports_numpy_or_scipy() -> None:
    # the engine's results are precomputed into the snapshot; answering must not load the numeric stack
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "musclemap", "show", "leg press", "--json"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert not imported & {"numpy", "scipy", "yaml", "rich"}


def test_fit_script_reports_the_leave_one_study_out_score() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fit_engine.py")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "leave-one-study-out" in result.stdout and "best fit" in result.stdout


def test_engine_trial_script_runs() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "engine_evidence.py")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "mechanics engine" in result.stdout and "knowledge base as shipped" in result.stdout
