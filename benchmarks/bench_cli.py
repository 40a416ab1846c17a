"""Speed of the query core and the CLI, each beside a baseline measured in the same run.

    python benchmarks/bench_cli.py [--runs N]

Cold-start figures are medians of N fresh processes, interleaved with the bare interpreter so that load on a
shared machine hits both alike. Targets (issue: foundation): cold `show --json` <= 6x the bare interpreter,
cold `show` with terminal formatting <= 10x, exact lookup <= 20 us, fuzzy resolution <= 5 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("musclemap")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("musclemap")
    return [found] if found else [sys.executable, "-m", "musclemap"]


def cold(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time (s) of each command, run `runs` times, interleaved."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # warm the page cache and any snapshot cache once
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    for _ in range(runs):
        for name, cmd in commands.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def per_call(stmt: str, setup: str, number: int) -> float:
    """Best-of-5 mean seconds per call."""
    return min(timeit.repeat(stmt, setup, number=number, repeat=5)) / number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="fresh processes per cold-start figure")
    args = parser.parse_args()

    # Byte-compile the package as a regular (non-editable) install would, so that cold starts load cached
    # bytecode even where PYTHONDONTWRITEBYTECODE is set.
    import compileall

    import musclemap

    compileall.compile_dir(str(Path(musclemap.__file__).parent), quiet=1)

    exe = cli_command()
    env_cmds = {
        "bare python -c pass": [sys.executable, "-c", "pass"],
        "show --json": [*exe, "show", "leg press", "--json"],
        "show (terminal text)": [*exe, "show", "leg press", "--format", "text"],
    }
    c = cold(env_cmds, args.runs)
    bare = c["bare python -c pass"]

    setup = (
        "from musclemap.kb import load_default\n"
        "from musclemap.resolve import exact_ids, resolve_exercise\n"
        "kb = load_default()\n"
        "exact_ids(kb, 'leg press', 'exercise'); resolve_exercise(kb, 'leg pres')\n"
        "d = {'leg press': 'leg_press'}\n"
    )
    lookup = per_call("exact_ids(kb, 'Leg Press (Machine)', 'exercise')", setup, 20000)
    dict_lookup = per_call("d.get('leg press')", setup, 200000)
    fuzzy = per_call("resolve_exercise(kb, 'romainian dedlift')", setup, 300)
    # a name no word-level rule settles, so every name key of the catalogue is scored
    search = per_call("resolve_exercise(kb, 'rope rear felt fly')", setup, 100)

    rows = [
        ("bare interpreter (baseline)", bare * 1e3, "ms", "", ""),
        ("cold show --json", c["show --json"] * 1e3, "ms", f"{c['show --json'] / bare:.1f}x bare", "<= 6x"),
        ("cold show (text)", c["show (terminal text)"] * 1e3, "ms",
         f"{c['show (terminal text)'] / bare:.1f}x bare", "<= 10x"),
        ("plain dict lookup (baseline)", dict_lookup * 1e6, "us", "", ""),
        ("exact name lookup", lookup * 1e6, "us", f"{lookup / dict_lookup:.0f}x dict", "<= 20 us"),
        ("fuzzy resolution", fuzzy * 1e3, "ms", f"{fuzzy / dict_lookup:.0f}x dict", "<= 5 ms"),
        ("unsure name, every key scored", search * 1e3, "ms", f"{search / dict_lookup:.0f}x dict", "<= 5 ms"),
    ]
    checks = [
        c["show --json"] / bare <= 6,
        c["show (terminal text)"] / bare <= 10,
        lookup <= 20e-6,
        fuzzy <= 5e-3,
        search <= 5e-3,
    ]
    print(f"musclemap CLI and core speed ({args.runs} cold runs each; command: {' '.join(exe)})")
    print(f"{'measure':32s} {'value':>9s}      {'relative':>14s}  target")
    for name, value, unit, rel, target in rows:
        print(f"{name:32s} {value:9.2f} {unit:4s} {rel:>14s}  {target}")
    print("all targets met" if all(checks) else "SOME TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
