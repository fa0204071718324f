#!/usr/bin/env python3
"""Writes the generated tables of BENCHMARKS.md from package-benchmark's results.

Input: the baseline files `swift package benchmark baseline update NAME` writes, one per suite
(`.benchmarkBaselines/<Suite>/NAME/results.json`). They are package-benchmark's own lossless
record of a run: the full HDR histogram of every metric and the scaling factor of every
benchmark, which none of the `--format` exports carries (`jmh` drops the scaling factor and
leaks secondary metrics between benchmarks; `histogramPercentiles` rounds to whole units;
`jsonSmallerIsBetter` only has p99). The medians (p50) are computed here exactly as
package-benchmark computes them.

Conventions of the suites (see BENCHMARKS.md):
- a benchmark is named `<case>: <engine>`;
- the first number of the case name (`1,000`, `100,000`) is its operations per iteration
  (1 when there is none); an iteration runs `scalingFactor` times per measured sample, so a
  sample covers number x scalingFactor operations;
- ops/s = operations per sample / median wall-clock seconds of a sample;
- mallocs per op = median mallocCountTotal of a sample / operations per sample.

The output is a markdown block written between `<!-- generated:N=<n> begin -->` and
`<!-- generated:N=<n> end -->` in BENCHMARKS.md; only that block changes. When the file has no
block for that N, one is added under a `## Results at N = <n>` heading, after the last
generated block (or at the end of the file when there is none).

Python 3 standard library only. Usage:

    scripts/benchmark-report.py --results .benchmarkBaselines --baseline report --n 100000 \\
        --command "make bench" --output BENCHMARKS.md
    scripts/benchmark-report.py --summary scripts/testdata/summary.json --n 2000 --stdout
"""

from __future__ import annotations

import argparse
import datetime
import glob
import json
import math
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------
# Reading package-benchmark's results

WALL_CLOCK = "wallClock"
MALLOCS = "mallocCountTotal"
PEAK_MEMORY = "peakMemoryResident"
FILE_BYTES = "file bytes per customer"


def hdr_value_at_percentile(histogram: dict, percentile: float) -> int | None:
    """The value at `percentile` of a serialised HDR histogram (hdrhistogram-swift's
    `Histogram.valueAtPercentile`, line for line). `counts` may be shorter than the
    histogram's full range (trailing zeros removed). None when nothing was recorded."""
    counts = histogram["counts"]
    total = histogram["_totalCount"]
    if total == 0:
        return None
    max_value = histogram["maxValue"]
    minimum = 0 if (counts and counts[0] > 0) else histogram["minNonZeroValue"]
    if percentile == 0.0:
        return minimum
    if percentile >= 100.0:
        return max_value

    unit_magnitude = histogram["unitMagnitude"]
    half_magnitude = histogram["subBucketHalfCountMagnitude"]
    sub_bucket_half_count = 1 << half_magnitude
    sub_bucket_count = sub_bucket_half_count * 2
    sub_bucket_mask = histogram["subBucketMask"]
    leading_zero_count_base = histogram["leadingZeroCountBase"]

    def bucket_index(value: int) -> int:
        leading_zeros = 64 - (value | sub_bucket_mask).bit_length()
        return leading_zero_count_base - leading_zeros

    def lowest_equivalent(value: int) -> int:
        bucket = bucket_index(value)
        sub_bucket = value >> (bucket + unit_magnitude)
        return sub_bucket << (bucket + unit_magnitude)

    def range_size(value: int) -> int:
        bucket = bucket_index(value)
        sub_bucket = value >> (bucket + unit_magnitude)
        adjusted = bucket + 1 if sub_bucket >= sub_bucket_count else bucket
        return 1 << (unit_magnitude + adjusted)

    def value_from_index(index: int) -> int:
        bucket = (index >> half_magnitude) - 1
        sub_bucket = (index & (sub_bucket_half_count - 1)) + sub_bucket_half_count
        if bucket < 0:
            sub_bucket -= sub_bucket_half_count
            bucket = 0
        return sub_bucket << (bucket + unit_magnitude)

    requested = min(max(math.nextafter(percentile, -math.inf), 0.0), 100.0)
    count_at_percentile = max(1, math.ceil(requested * total / 100.0))
    running = 0
    for index, count in enumerate(counts):
        running += count
        if running >= count_at_percentile:
            value = value_from_index(index)
            highest = lowest_equivalent(value) + range_size(value) - 1
            return max(min(highest, max_value), minimum)
    return 0


def metric_name(metric: dict | str) -> str:
    """`{"wallClock": {}}` -> `wallClock`; `{"custom": {"_0": "file bytes per customer", ...}}`
    -> `file bytes per customer`."""
    if isinstance(metric, str):
        return metric
    (kind, payload), = metric.items()
    if kind == "custom" and isinstance(payload, dict):
        for key in ("_0", "name"):
            if isinstance(payload.get(key), str):
                return payload[key]
        strings = [value for value in payload.values() if isinstance(value, str)]
        if strings:
            return strings[0]
    return kind


@dataclass
class Result:
    """One benchmark of one suite: p50 of each metric in raw units (ns, counts, bytes)."""
    target: str
    name: str
    scaling_factor: int = 1
    p50: dict = field(default_factory=dict)
    samples: int = 0

    def to_json(self) -> dict:
        return {"target": self.target, "name": self.name, "scalingFactor": self.scaling_factor,
                "samples": self.samples, "p50": self.p50}

    @staticmethod
    def from_json(data: dict) -> "Result":
        return Result(data["target"], data["name"], int(data.get("scalingFactor", 1)),
                      dict(data["p50"]), int(data.get("samples", 0)))


def read_baseline_file(path: str) -> list[Result]:
    """The results of one `results.json` baseline file (one suite)."""
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    entries = data["results"]
    # Swift encodes a dictionary with non-string keys as [key, value, key, value, ...].
    if isinstance(entries, dict):
        pairs = [(json.loads(key) if key.startswith("{") else {"target": "?", "name": key}, value)
                 for key, value in entries.items()]
    else:
        pairs = list(zip(entries[0::2], entries[1::2]))
    results = []
    for identifier, metrics in pairs:
        result = Result(identifier["target"], identifier["name"])
        for entry in metrics:
            result.scaling_factor = int(entry.get("scalingFactor", 1))
            histogram = entry["statistics"]["histogram"]
            value = hdr_value_at_percentile(histogram, 50.0)
            if value is not None:
                result.p50[metric_name(entry["metric"])] = value
            if metric_name(entry["metric"]) == WALL_CLOCK:
                result.samples = int(histogram["_totalCount"])
        results.append(result)
    return results


def read_baselines(root: str, baseline: str) -> list[Result]:
    """Every suite's results of baseline `baseline` under `root` (`.benchmarkBaselines`)."""
    paths = sorted(glob.glob(os.path.join(root, "*", baseline, "results.json")))
    results = []
    for path in paths:
        results.extend(read_baseline_file(path))
    return results


def read_summary(path: str) -> list[Result]:
    with open(path, encoding="utf-8") as file:
        return [Result.from_json(entry) for entry in json.load(file)["results"]]


def write_summary(path: str, results: list[Result], n: int) -> None:
    ordered = sorted(results, key=lambda r: (r.target, r.name))
    with open(path, "w", encoding="utf-8") as file:
        json.dump({"n": n, "results": [r.to_json() for r in ordered]}, file, indent=1,
                  ensure_ascii=False)
        file.write("\n")


# --------------------------------------------------------------------------------------------
# Naming conventions

SUITE_ORDER = ["Engine", "Lookups", "Writes", "Filters"]
SUITE_TITLES = {
    "Engine": "Engine: the `LMDB` wrapper against raw LMDB C calls",
    "Lookups": "Lookups: 1,000 customers by unique key",
    "Writes": "Writes: bulk load, updates, deletes",
    "Filters": "Filters",
}
ENGINE_ALIASES = {
    "customerstore": "CustomerStore",
    "sqlite": "SQLite",
    "raw lmdb": "raw LMDB",
    "wrapper": "wrapper",
    "lmdb wrapper": "wrapper",
    "raw c": "raw C",
}
STORE_ENGINES = ["CustomerStore", "SQLite", "raw LMDB"]
WRAPPER_ENGINES = ["wrapper", "raw C"]
SHORT = {"CustomerStore": "CS", "raw LMDB": "raw LMDB", "SQLite": "SQLite",
         "wrapper": "wrapper", "raw C": "raw C"}

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+")


def split_name(name: str) -> tuple[str, str]:
    """`Lookup 1,000 by code: raw LMDB` -> (`Lookup 1,000 by code`, `raw LMDB`)."""
    if ": " in name:
        case, engine = name.rsplit(": ", 1)
        return case.strip(), ENGINE_ALIASES.get(engine.strip().lower(), engine.strip())
    return name.strip(), ""


def operations_per_iteration(case: str) -> int:
    match = NUMBER.search(case)
    return int(match.group(0).replace(",", "")) if match else 1


# --------------------------------------------------------------------------------------------
# Formatting

DASH = "—"


def fmt_number(value: float | None) -> str:
    """`1,234,567` for large numbers, three significant digits below 100."""
    if value is None:
        return DASH
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{round(value):,}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_ratio(numerator: float | None, denominator: float | None) -> str:
    """Two decimals (`0.87×`, `12.50×`); below 0.1, two significant digits (`0.0031×`), so a
    ratio far below the floor does not print as `0.00×`."""
    if numerator is None or denominator is None or denominator == 0:
        return DASH
    ratio = numerator / denominator
    if ratio == 0 or abs(ratio) >= 0.1:
        return f"{ratio:.2f}×"
    digits = 1 - math.floor(math.log10(abs(ratio)))
    text = f"{ratio:.{digits}f}".rstrip("0").rstrip(".")
    return f"{text}×"


def fmt_bytes(value: float | None) -> str:
    if value is None:
        return DASH
    mib = value / (1024 * 1024)
    return f"{fmt_number(mib)} MiB"


def joined(values: list[str]) -> str:
    return " / ".join(values)


# --------------------------------------------------------------------------------------------
# Tables


@dataclass
class Cell:
    """What the tables show of one benchmark."""
    ops_per_second: float | None
    mallocs_per_op: float | None
    file_bytes: float | None
    peak_memory: float | None


def cell(result: Result, case: str) -> Cell:
    operations = operations_per_iteration(case) * max(1, result.scaling_factor)
    wall = result.p50.get(WALL_CLOCK)
    ops = operations / (wall / 1e9) if wall else None
    mallocs = result.p50.get(MALLOCS)
    return Cell(
        ops_per_second=ops,
        mallocs_per_op=mallocs / operations if mallocs is not None else None,
        file_bytes=result.p50.get(FILE_BYTES),
        peak_memory=result.p50.get(PEAK_MEMORY),
    )


def natural_key(text: str):
    # (0, number) or (1, text) per part, so numbers and words never compare with each other.
    return [(0, int(part.replace(",", ""))) if part[:1].isdigit() else (1, part.lower())
            for part in re.split(r"(\d[\d,]*)", text) if part]


def suite_table(target: str, results: list[Result]) -> list[str]:
    cases: dict[str, dict[str, Cell]] = {}
    for result in results:
        case, engine = split_name(result.name)
        cases.setdefault(case, {})[engine or "CustomerStore"] = cell(result, case)

    seen = {engine for engines in cases.values() for engine in engines}
    base = WRAPPER_ENGINES if seen & set(WRAPPER_ENGINES) and not seen & set(STORE_ENGINES) \
        else STORE_ENGINES
    engines = base + sorted(seen - set(base))
    subject, others = engines[0], engines[1:]
    comparisons = [engine for engine in others if engine in base]

    header = ["case"] + [f"{engine} ops/s" for engine in engines]
    header += [f"{SHORT[subject]} / {SHORT.get(other, other)}" for other in comparisons]
    header += [f"mallocs per op ({joined([SHORT.get(e, e) for e in engines])})"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    ordered = sorted(cases, key=natural_key)
    for case in ordered:
        row = cases[case]
        get = lambda engine: row.get(engine)  # noqa: E731
        speeds = [get(e).ops_per_second if get(e) else None for e in engines]
        subject_speed = speeds[0]
        cells = [case] + [fmt_number(speed) for speed in speeds]
        cells += [fmt_ratio(subject_speed, speeds[engines.index(other)]) for other in comparisons]
        cells += [joined([fmt_number(get(e).mallocs_per_op) if get(e) else DASH
                          for e in engines])]
        lines.append("| " + " | ".join(cells) + " |")

    # Bulk loads: the cases with a file size, or named so (peak memory alone says little of
    # a lookup, whose process holds the fixture's build).
    bulk = [case for case in ordered
            if case.lower().startswith("bulk load")
            or any(c.file_bytes is not None for c in cases[case].values())]
    if bulk:
        short = joined([SHORT.get(e, e) for e in engines])
        header = ["case", f"file bytes per customer ({short})"]
        if "SQLite" in engines and subject == "CustomerStore":
            header.append("file size CS / SQLite")
        header.append(f"peak memory ({short})")
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for case in bulk:
            row = cases[case]
            sizes = [row[e].file_bytes if e in row else None for e in engines]
            cells = [case, joined([fmt_number(size) for size in sizes])]
            if "SQLite" in engines and subject == "CustomerStore":
                cells.append(fmt_ratio(sizes[0], sizes[engines.index("SQLite")]))
            cells.append(joined([fmt_bytes(row[e].peak_memory) if e in row else DASH
                                 for e in engines]))
            lines.append("| " + " | ".join(cells) + " |")
    return lines


# --------------------------------------------------------------------------------------------
# The run's context


def run(command: list[str]) -> str | None:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return (completed.stdout or completed.stderr).strip()


def cpu_description() -> str:
    models = []
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            for line in file:
                if line.lower().startswith("model name"):
                    models.append(line.split(":", 1)[1].strip())
    except OSError:
        pass
    count = len(models) or os.cpu_count() or 0
    model = models[0] if models else (platform.processor() or platform.machine())
    return f"{count} × {model} ({platform.machine()})"


def memory_description() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("MemTotal:"):
                    kib = int(line.split()[1])
                    return f"{kib / (1024 * 1024):.1f} GiB RAM"
    except (OSError, ValueError):
        pass
    return "unknown RAM"


def swift_version(swift: str) -> str:
    text = run([swift, "--version"])
    if not text:
        return "unknown"
    first = next((line for line in text.splitlines() if "Swift version" in line), text.splitlines()[0])
    return first.strip()


def library_version(package: str) -> str:
    return run(["pkg-config", "--modversion", package]) or "unknown"


def git_commit(directory: str) -> str:
    commit = run(["git", "-C", directory, "rev-parse", "--short", "HEAD"])
    if not commit:
        return "unknown"
    # --no-optional-locks: reading the status must not rewrite the index.
    status = run(["git", "--no-optional-locks", "-C", directory, "status", "--porcelain"])
    return commit + ("-dirty" if status else "")


@dataclass
class Context:
    n: int
    command: str
    date: str
    commit: str
    cpu: str
    memory: str
    kernel: str
    swift: str
    lmdb: str
    sqlite: str


def gather_context(n: int, command: str, directory: str, swift: str) -> Context:
    return Context(
        n=n,
        command=command,
        date=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        commit=git_commit(directory),
        cpu=cpu_description(),
        memory=memory_description(),
        kernel=f"{platform.system()} {platform.release()}",
        swift=swift_version(swift),
        lmdb=library_version("lmdb"),
        sqlite=library_version("sqlite3"),
    )


# --------------------------------------------------------------------------------------------
# The generated block


def render(context: Context, results: list[Result]) -> str:
    lines = [
        "_Generated by `scripts/benchmark-report.py` from package-benchmark's results: "
        "do not edit between the markers, run the command again._",
        "",
        f"- **Customers (N)**: {context.n:,}",
        f"- **Date**: {context.date}",
        f"- **Commit**: `{context.commit}`",
        f"- **Command**: `{context.command}`",
        f"- **Machine**: {context.cpu}, {context.memory}, {context.kernel}",
        f"- **Software**: {context.swift}, release build; LMDB {context.lmdb}, "
        f"SQLite {context.sqlite}",
        "",
        "Medians (p50) of package-benchmark's samples. ops/s = operations per sample ÷ median "
        "wall-clock time of a sample (the number in the case name is the operations per "
        "iteration). Ratios divide CustomerStore's ops/s (the wrapper's in Engine) by the other "
        "engine's: above 1× CustomerStore is faster. Peak memory is the resident set of the "
        "whole benchmark process.",
    ]
    by_suite: dict[str, list[Result]] = {}
    for result in results:
        by_suite.setdefault(result.target, []).append(result)
    suites = [s for s in SUITE_ORDER] + sorted(set(by_suite) - set(SUITE_ORDER))
    for suite in suites:
        lines += ["", f"### {SUITE_TITLES.get(suite, suite)}", ""]
        if suite in by_suite:
            lines += suite_table(suite, by_suite[suite])
        else:
            lines.append(f"_No `{suite}` results in this run._")
    return "\n".join(lines) + "\n"


def begin_marker(n: int) -> str:
    return f"<!-- generated:N={n} begin -->"


def end_marker(n: int) -> str:
    return f"<!-- generated:N={n} end -->"


ANY_END = re.compile(r"<!-- generated:N=\d+ end -->")


def update_document(document: str, n: int, block: str) -> str:
    """`document` with the block of `n` replaced by `block` (or added)."""
    begin, end = begin_marker(n), end_marker(n)
    wrapped = f"{begin}\n{block}{end}"
    start = document.find(begin)
    if start >= 0:
        stop = document.find(end, start)
        if stop < 0:
            raise SystemExit(f"BENCHMARKS.md has `{begin}` but no `{end}`")
        return document[:start] + wrapped + document[stop + len(end):]
    section = f"## Results at N = {n:,}\n\n{wrapped}\n"
    ends = list(ANY_END.finditer(document))
    if ends:
        at = ends[-1].end()
        rest = document[at:].lstrip("\n")
        return document[:at] + "\n\n" + section + ("\n" + rest if rest else "")
    return document.rstrip("\n") + "\n\n" + section


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--results", metavar="DIR",
                        help="package-benchmark's baseline directory (.benchmarkBaselines)")
    source.add_argument("--summary", metavar="FILE",
                        help="a summary written by --save-summary instead of the baselines")
    parser.add_argument("--baseline", default="report",
                        help="the baseline name the run was stored under (default: report)")
    parser.add_argument("--n", type=int,
                        default=int(os.environ.get("CSTORE_BENCH_N", "100000")),
                        help="customers in the run (default: $CSTORE_BENCH_N or 100000)")
    parser.add_argument("--command", default="make bench", help="the command shown in the report")
    parser.add_argument("--output", default="BENCHMARKS.md", help="the file to update")
    parser.add_argument("--stdout", action="store_true",
                        help="print the block instead of updating --output")
    parser.add_argument("--save-summary", metavar="FILE",
                        help="also write the medians read as a small JSON file")
    parser.add_argument("--swift", default=os.environ.get("SWIFT", "swift"))
    arguments = parser.parse_args(argv)

    if arguments.results:
        results = read_baselines(arguments.results, arguments.baseline)
        if not results:
            print(f"benchmark-report: no results under {arguments.results}/*/"
                  f"{arguments.baseline}/results.json", file=sys.stderr)
            return 1
    else:
        results = read_summary(arguments.summary)

    if arguments.save_summary:
        write_summary(arguments.save_summary, results, arguments.n)

    directory = os.path.dirname(os.path.abspath(arguments.output)) or "."
    context = gather_context(arguments.n, arguments.command, directory, arguments.swift)
    block = render(context, results)
    if arguments.stdout:
        sys.stdout.write(f"{begin_marker(arguments.n)}\n{block}{end_marker(arguments.n)}\n")
        return 0
    try:
        with open(arguments.output, encoding="utf-8") as file:
            document = file.read()
    except FileNotFoundError:
        document = "# Benchmarks\n"
    updated = update_document(document, arguments.n, block)
    with open(arguments.output, "w", encoding="utf-8") as file:
        file.write(updated)
    suites = sorted({r.target for r in results})
    print(block)
    print(f"benchmark-report: N={arguments.n:,}: {len(results)} benchmarks of "
          f"{', '.join(suites)} written to {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
