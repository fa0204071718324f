#!/usr/bin/env python3
"""Writes testdata/baseline/Writes/fixture/results.json: a tiny file in the format of
package-benchmark 1.38.1's baselines (`.benchmarkBaselines/<Suite>/<name>/results.json`),
with hand-picked samples. The histograms are serialised as hdrhistogram-swift encodes them
(3 significant digits, lowest discernible value 1), with trailing zero counts left out to keep
the file small; the report script reads them either way. Run from scripts/: python3
testdata/make_fixture.py"""
import json
import os

# hdrhistogram-swift's layout for 3 significant digits (what package-benchmark uses) and for 1
# digit (coarse, so that large values such as peak memory need only a few hundred counts).
LAYOUTS = {3: 10, 1: 4}   # significant digits -> subBucketHalfCountMagnitude


def counts_index(value, half_magnitude):
    mask = (1 << (half_magnitude + 1)) - 1
    base = 64 - half_magnitude - 1
    bucket = base - (64 - (value | mask).bit_length())
    sub_bucket = value >> bucket
    return ((bucket + 1) << half_magnitude) + (sub_bucket - (1 << half_magnitude))


def histogram(values, digits=3):
    half_magnitude = LAYOUTS[digits]
    counts = []
    for value in values:
        index = counts_index(value, half_magnitude)
        counts.extend([0] * (index + 1 - len(counts)))
        counts[index] += 1
    nonzero = [v for v in values if v > 0]
    return {
        "lowestDiscernibleValue": 1, "highestTrackableValue": 1000000000, "bucketCount": 20,
        "subBucketMask": (1 << (half_magnitude + 1)) - 1, "maxValue": max(values),
        "minNonZeroValue": min(nonzero) if nonzero else 18446744073709551615,
        "counts": counts, "_totalCount": len(values), "numberOfSignificantValueDigits": digits,
        "autoResize": True, "subBucketHalfCountMagnitude": half_magnitude,
        "leadingZeroCountBase": 64 - half_magnitude - 1, "unitMagnitude": 0,
    }


def result(metric, values, scaling=1, digits=3, prefers_larger=False, time_units="nanoseconds"):
    return {
        "metric": metric, "timeUnits": time_units, "scalingFactor": scaling,
        "warmupIterations": 0, "tags": {},
        "statistics": {"timeUnits": 0, "_cacheUnits": 1, "prefersLarger": prefers_larger,
                       "_cachedPercentiles": [], "_cachedPercentilesHistogramCount": len(values),
                       "histogram": histogram(values, digits)},
    }


FILE_BYTES = {"custom": {"_0": "file bytes per customer", "polarity": {"prefersSmaller": {}},
                         "useScalingFactor": False}}

benchmarks = [
    # Delete 1,000: wall clock 1,500..1,700 ns (exact below 2,048): p50 1,600 ns for 1,000
    # operations -> 625,000,000 ops/s. Mallocs (1 digit): p50 12,050, the top of 12,000's
    # 512-wide slot (12,287) capped at the largest value recorded.
    ({"target": "Writes", "name": "Delete 1,000: CustomerStore"}, [
        result({"wallClock": {}}, [1500, 1600, 1700]),
        result({"mallocCountTotal": {}}, [12000, 12000, 12050], digits=1),
        result({"peakMemoryResident": {}}, [1000, 1000, 1000]),
    ]),
    ({"target": "Writes", "name": "Delete 1,000: raw LMDB"}, [
        result({"wallClock": {}}, [790, 800, 810]),
        result({"mallocCountTotal": {}}, [1000, 1000, 1000]),
    ]),
    # Bulk loads, 1-digit histograms. Three samples of 3.0, 3.2, 3.4 ms: p50 is the top of
    # 3.2 ms's slot, 3,276,799 ns (2,000 customers -> 610,352 ops/s).
    ({"target": "Writes", "name": "Bulk load 2,000 customers: CustomerStore"}, [
        result({"wallClock": {}}, [3_000_000, 3_200_000, 3_400_000], digits=1),
        result({"mallocCountTotal": {}}, [50_000], digits=1),
        result({"peakMemoryResident": {}}, [41_943_040], digits=1),
        result(FILE_BYTES, [1_234], digits=1),
    ]),
    ({"target": "Writes", "name": "Bulk load 2,000 customers: SQLite"}, [
        result({"wallClock": {}}, [6_400_000], digits=1),
        result({"mallocCountTotal": {}}, [90_000], digits=1),
        result(FILE_BYTES, [617], digits=1),
    ]),
    # The Engine suite's naming and a scaling factor of 1,000 (1,000 iterations per sample).
    ({"target": "Engine", "name": "Read transaction per get: LMDB wrapper"}, [
        result({"wallClock": {}}, [200_000], scaling=1000, digits=1),
        result({"mallocCountTotal": {}}, [0], scaling=1000, digits=1),
    ]),
    ({"target": "Engine", "name": "Read transaction per get: raw C"}, [
        result({"wallClock": {}}, [250_000], scaling=1000, digits=1),
        result({"mallocCountTotal": {}}, [1000], scaling=1000, digits=1),
    ]),
]

entries = []
for identifier, metrics in benchmarks:
    entries += [identifier, metrics]
document = {"baselineName": "fixture", "results": entries,
            "machine": {"hostname": "test", "processors": 2, "processorType": "x86_64",
                        "memory": 23, "kernelVersion": "test"}}
path = os.path.join(os.path.dirname(__file__), "baseline", "Writes", "fixture", "results.json")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w", encoding="utf-8") as file:
    json.dump(document, file, separators=(",", ":"))
    file.write("\n")
print(path, os.path.getsize(path), "bytes")
