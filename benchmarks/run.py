"""Time whole `sanctions` commands against their baselines, side by side in one run.

    python benchmarks/run.py              # every target, then the scaling table
    python benchmarks/run.py --runs 11    # more runs per measure for steadier medians

Each measure runs a command as a fresh process several times and reports the median wall time
and the peak resident memory (from the kernel's accounting of that child). Baselines run in the
same loop, interleaved with the commands they are compared to, so machine noise hits both.
Synthetic data comes from benchmarks/generate.py in a temporary folder; the user's cache is
never touched (each measure gets its own SANCTIONS_CACHE_DIR). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
SANCTIONS = [PYTHON, "-m", "sanctions"]
FLOOR = [PYTHON, "-c", "import typer, rich.console, rich.table, yaml"]
TYPER = [PYTHON, "-c", "import typer"]


def yaml_only(folder: Path) -> list[str]:
    """Load every file of a folder with libyaml's safe loader and nothing else."""
    code = (
        "import sys, pathlib, yaml\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
        "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    )
    return [PYTHON, "-c", code, str(folder)]


@dataclass
class Sample:
    seconds: float
    peak_mb: float


TERMINAL = "SANCTIONS_BENCH_PTY"  # in a measure's environment: run it on a pseudo-terminal, not a file


def run_once(command: list[str], env: dict[str, str], before: list[str] | None = None) -> Sample:
    """One run of a command with stdout to a file, or to a pseudo-terminal if the environment names
    TERMINAL; `before` runs first, untimed (e.g. clearing a cache)."""
    if before:
        subprocess.run(before, check=True, env=env, stdout=subprocess.DEVNULL)
    if TERMINAL in env:
        return _on_a_terminal(command, env)
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 3):
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {stderr}")
    return Sample(elapsed, usage.ru_maxrss / 1024)


def _on_a_terminal(command: list[str], env: dict[str, str]) -> Sample:
    """One run with stdout on a pseudo-terminal of the environment's COLUMNS, drained as a terminal would."""
    import fcntl
    import pty
    import struct
    import termios
    import threading

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, int(env.get("COLUMNS", "80")), 0, 0))

    def drain() -> None:
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:  # the terminal has nothing more
                break

    reader = threading.Thread(target=drain)
    reader.start()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=follower, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    os.close(follower)
    reader.join()
    os.close(leader)
    if os.waitstatus_to_exitcode(status) != 0:
        stderr = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed on a terminal: {stderr}")
    return Sample(elapsed, usage.ru_maxrss / 1024)


def measure(pairs: list[tuple[str, list[str], dict[str, str], list[str] | None]], runs: int) -> dict[str, Sample]:
    """Median time and peak memory per named command, runs interleaved across the commands."""
    samples: dict[str, list[Sample]] = {name: [] for name, *_ in pairs}
    for _ in range(runs):
        for name, command, env, before in pairs:
            samples[name].append(run_once(command, env, before))
    return {
        name: Sample(statistics.median(s.seconds for s in runs_), max(s.peak_mb for s in runs_))
        for name, runs_ in samples.items()
    }


def generate(folder: Path, regimes: int, events: int) -> Path:
    subprocess.run(
        [PYTHON, str(HERE / "generate.py"), "--regimes", str(regimes), "--events", str(events), "--out", str(folder)],
        check=True,
    )
    return folder


def environment(cache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SANCTIONS_DATA", None)
    # Measure the package as an install runs it, from bytecode: pip compiles it at install time,
    # and an editable checkout under PYTHONDONTWRITEBYTECODE would recompile every module each run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["COLUMNS"] = "120"
    if cache is not None:
        env["SANCTIONS_CACHE_DIR"] = str(cache)
    return env


def clear(cache: Path) -> list[str]:
    return [PYTHON, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)"]


Row = tuple[str, str, float, float]


def ratio_row(
    measure_name: str, sample: float, baseline_name: str, baseline: float, target: float, unit: str = "s"
) -> Row:
    """One line of the targets table: the measure against its baseline, and the ratio to meet."""
    digits = 3 if unit == "s" else 0
    measured = f"{sample:.{digits}f} {unit} vs {baseline_name} {baseline:.{digits}f} {unit}"
    return measure_name, measured, sample / baseline, target


def targets(work: Path, runs: int) -> list[Row]:
    """(measure, detail, ratio, target) rows for the performance page's table (docs/performance.md)."""
    rows: list[Row] = []
    plain = environment(work / "cache-plain")
    subprocess.run([*SANCTIONS, "timeline", "mali"], env=plain, check=True, stdout=subprocess.DEVNULL)

    # On a terminal the table is laid out for the width and drawn by rich, with no pager.
    terminal = {**plain, TERMINAL: "1", "COLUMNS": "80", "PAGER": ""}
    base = measure(
        [
            ("floor", FLOOR, plain, None),
            ("typer", TYPER, plain, None),
            ("version", [*SANCTIONS, "--version"], plain, None),
            ("timeline", [*SANCTIONS, "timeline", "mali"], plain, None),
            ("terminal", [*SANCTIONS, "timeline", "mali"], terminal, None),
        ],
        runs,
    )
    floor = base["floor"]
    # `sanctions stats` over every bundled regime, warm: each figure computes over all of them.
    figures = ("consensus", "members", "renewals", "regimes")
    for figure in figures:
        subprocess.run([*SANCTIONS, "stats", figure], env=plain, check=True, stdout=subprocess.DEVNULL)
    counted = measure(
        [("floor", FLOOR, plain, None), *((figure, [*SANCTIONS, "stats", figure], plain, None) for figure in figures)],
        runs,
    )
    for figure in figures:
        rows.append(
            ratio_row(
                f"`sanctions stats {figure}`, every regime, warm",
                counted[figure].seconds,
                "floor",
                counted["floor"].seconds,
                1.5,
            )
        )
    rows.append(ratio_row("`sanctions timeline mali > file`", base["timeline"].seconds, "floor", floor.seconds, 1.2))
    rows.append(
        ratio_row(
            "`sanctions timeline mali` on an 80-column terminal", base["terminal"].seconds, "floor", floor.seconds, 1.2
        )
    )
    rows.append(
        ratio_row("`sanctions --version`", base["version"].seconds, "`import typer`", base["typer"].seconds, 1.1)
    )

    twenty = generate(work / "twenty", 20, 500)
    cold_cache = work / "cache-cold"
    warm_cache = work / "cache-warm"
    subprocess.run(
        [*SANCTIONS, "expiry", "--data", str(twenty)],
        env=environment(warm_cache),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    expiry = [*SANCTIONS, "expiry", "--data", str(twenty)]
    middle = measure(
        [
            ("yaml", yaml_only(twenty), plain, None),
            ("cold", expiry, environment(cold_cache), clear(cold_cache)),
            ("warm", expiry, environment(warm_cache), None),
            ("floor", FLOOR, plain, None),
        ],
        runs,
    )
    rows.append(
        ratio_row(
            "`sanctions expiry`, 20 regimes × 500 events, cold cache",
            middle["cold"].seconds,
            "CSafeLoader alone",
            middle["yaml"].seconds,
            1.15,
        )
    )
    rows.append(ratio_row("the same, warm cache", middle["warm"].seconds, "floor", middle["floor"].seconds, 1.5))

    big = generate(work / "big", 1, 10_000)
    big_cache = work / "cache-big"
    timeline = [*SANCTIONS, "timeline", "synthetic-000", "--data", str(big)]
    subprocess.run(timeline, env=environment(big_cache), check=True, stdout=subprocess.DEVNULL)
    large = measure([("timeline", timeline, environment(big_cache), None), ("floor", FLOOR, plain, None)], runs)
    rows.append(
        ratio_row(
            "`sanctions timeline` of one 10,000-event regime to a file, warm",
            large["timeline"].seconds,
            "floor",
            large["floor"].seconds,
            2.0,
        )
    )
    rows.append(
        ratio_row(
            "peak memory, warm, 10,000 events", large["timeline"].peak_mb, "floor", large["floor"].peak_mb, 1.5, "MB"
        )
    )
    return rows


def scaling(work: Path, runs: int) -> list[tuple[int, Sample, Sample, Sample]]:
    """Cold and warm `expiry` over 20 files at growing sizes, with CSafeLoader alone for scale."""
    rows = []
    for total in (1_000, 10_000, 100_000):
        folder = generate(work / f"scale-{total}", 20, total // 20)
        cache = work / f"cache-scale-{total}"
        command = [*SANCTIONS, "expiry", "--data", str(folder)]
        result = measure(
            [
                ("yaml", yaml_only(folder), environment(None), None),
                ("cold", command, environment(cache), clear(cache)),
                ("warm", command, environment(cache), None),
            ],
            max(3, runs // 2) if total < 100_000 else 1,
        )
        rows.append((total, result["yaml"], result["cold"], result["warm"]))
    return rows


LIMIT_MB = 500  # peak memory allowed for 100,000 events, cold


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark sanctions against its baselines.")
    parser.add_argument("--runs", type=int, default=7, help="runs per measure (median reported)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sanctions-bench-"))
    try:
        rows = targets(work, args.runs)
        growth = scaling(work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; medians of {args.runs} runs\n")
    print("| measure | measured | ratio | target | met |")
    print("| --- | --- | --- | --- | --- |")
    missed = 0
    for name, detail, ratio, target in rows:
        missed += ratio > target
        print(f"| {name} | {detail} | {ratio:.2f} × | ≤ {target} × | {'yes' if ratio <= target else 'NO'} |")
    _, _, largest, _ = growth[-1]  # 100,000 events, cold: it completed if we got here
    missed += largest.peak_mb > LIMIT_MB
    print(
        f"| 100,000 events in 20 files, cold | completes in {largest.seconds:.1f} s, peak {largest.peak_mb:.0f} MB "
        f"| — | completes; peak ≤ {LIMIT_MB} MB | {'yes' if largest.peak_mb <= LIMIT_MB else 'NO'} |"
    )
    print("\n| events (20 files) | CSafeLoader alone | cold cache | warm cache | peak memory cold / warm |")
    print("| --- | --- | --- | --- | --- |")
    for total, yaml, cold, warm in growth:
        print(
            f"| {total:,} | {yaml.seconds:.2f} s | {cold.seconds:.2f} s | {warm.seconds:.2f} s "
            f"| {cold.peak_mb:.0f} MB / {warm.peak_mb:.0f} MB |"
        )
    if missed:
        print(f"\n{missed} target{'s' if missed != 1 else ''} not met.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
