"""Tests of benchmark-report.py. Run by hand from the package directory:

    python3 -m unittest discover -s scripts -p 'test_*.py'

The fixture, testdata/baseline/Writes/fixture/results.json, is a tiny file in package-benchmark
1.38.1's baseline format written by testdata/make_fixture.py; the expected medians below are
worked out there.
"""

import importlib.util
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("report", os.path.join(HERE, "benchmark-report.py"))
report = importlib.util.module_from_spec(SPEC)
sys.modules["report"] = report  # dataclasses look their module up
SPEC.loader.exec_module(report)

FIXTURE_ROOT = os.path.join(HERE, "testdata", "baseline")


def context(n=2000):
    return report.Context(n=n, command="make bench-quick", date="2025-01-01 00:00 UTC",
                          commit="abc1234", cpu="2 × Test CPU (x86_64)", memory="1.0 GiB RAM",
                          kernel="Linux test", swift="Swift version 6.3.1", lmdb="0.9.24",
                          sqlite="3.40.1")


class HistogramTests(unittest.TestCase):
    def setUp(self):
        self.results = {r.name: r for r in report.read_baselines(FIXTURE_ROOT, "fixture")}

    def test_medians_match_hdrhistogram(self):
        delete = self.results["Delete 1,000: CustomerStore"]
        self.assertEqual(delete.p50["wallClock"], 1600)          # exact below 2,048
        self.assertEqual(delete.p50["mallocCountTotal"], 12050)  # slot top capped at the max
        load = self.results["Bulk load 2,000 customers: CustomerStore"]
        self.assertEqual(load.p50["wallClock"], 3_276_799)       # top of 3.2 ms's slot
        self.assertEqual(load.p50["file bytes per customer"], 1234)
        self.assertEqual(load.p50["peakMemoryResident"], 41_943_040)

    def test_scaling_factor_and_custom_metric_names(self):
        self.assertEqual(self.results["Read transaction per get: raw C"].scaling_factor, 1000)
        self.assertIn("file bytes per customer",
                      self.results["Bulk load 2,000 customers: SQLite"].p50)

    def test_percentile_edges(self):
        histogram = {"counts": [0, 2, 0, 1], "_totalCount": 3, "maxValue": 3,
                     "minNonZeroValue": 1, "unitMagnitude": 0,
                     "subBucketHalfCountMagnitude": 10, "subBucketMask": 2047,
                     "leadingZeroCountBase": 53}
        self.assertEqual(report.hdr_value_at_percentile(histogram, 0.0), 1)
        self.assertEqual(report.hdr_value_at_percentile(histogram, 50.0), 1)
        self.assertEqual(report.hdr_value_at_percentile(histogram, 90.0), 3)
        self.assertEqual(report.hdr_value_at_percentile(histogram, 100.0), 3)
        self.assertIsNone(report.hdr_value_at_percentile(dict(histogram, _totalCount=0), 50.0))


class NamingAndFormattingTests(unittest.TestCase):
    def test_split_name(self):
        self.assertEqual(report.split_name("Lookup 1,000 by code: raw LMDB"),
                         ("Lookup 1,000 by code", "raw LMDB"))
        self.assertEqual(report.split_name("Get: LMDB wrapper"), ("Get", "wrapper"))
        self.assertEqual(report.split_name("No engine"), ("No engine", ""))

    def test_operations_per_iteration(self):
        self.assertEqual(report.operations_per_iteration("Bulk load 100,000 customers"), 100_000)
        self.assertEqual(report.operations_per_iteration("Update 1,000 segment + points"), 1000)
        self.assertEqual(report.operations_per_iteration("Lookup 250 by code"), 250)
        self.assertEqual(report.operations_per_iteration("Read transaction per get"), 1)

    def test_numbers(self):
        self.assertEqual(report.fmt_number(1_234_567.4), "1,234,567")
        self.assertEqual(report.fmt_number(11.725), "11.7")
        self.assertEqual(report.fmt_number(1.016), "1.02")
        self.assertEqual(report.fmt_number(0.001), "0.001")
        self.assertEqual(report.fmt_number(0), "0")
        self.assertEqual(report.fmt_number(None), "—")
        self.assertEqual(report.fmt_ratio(3.12, 1), "3.12×")
        self.assertEqual(report.fmt_ratio(1, None), "—")
        # Far below 1: two significant digits, never 0.00×.
        self.assertEqual(report.fmt_ratio(409, 135_667), "0.003×")
        self.assertEqual(report.fmt_ratio(87.1, 1_739), "0.05×")
        self.assertEqual(report.fmt_ratio(21_245, 443_853), "0.048×")
        self.assertEqual(report.fmt_ratio(1, 10), "0.10×")


class RenderTests(unittest.TestCase):
    def setUp(self):
        self.block = report.render(context(), report.read_baselines(FIXTURE_ROOT, "fixture"))

    def row(self, case):
        return next(line for line in self.block.splitlines() if line.startswith(f"| {case} |"))

    def test_store_rows(self):
        # 1,000 deletes in 1,600 ns; no SQLite run: dashes, no ratio.
        self.assertEqual(self.row("Delete 1,000"),
                         "| Delete 1,000 | 625,000,000 | — | 1,250,000,000 | — | 0.50× "
                         "| 12.1 / — / 1 |")
        self.assertIn("| Bulk load 2,000 customers | 610,352 | 312,500 | — | 1.95× | — "
                      "| 25 / 45 / — |", self.block)

    def test_bulk_load_table(self):
        self.assertIn("| Bulk load 2,000 customers | 1,234 / 617 / — | 2.00× | 40 MiB / — / — |",
                      self.block)
        # Only bulk loads get the size and memory table.
        self.assertEqual(self.block.count("| Delete 1,000 |"), 1)

    def test_engine_suite_uses_its_own_engines(self):
        # 1,000 iterations per sample of 200 µs: 5,000,000 gets/s; 1 malloc per get for raw C.
        self.assertEqual(self.row("Read transaction per get"),
                         "| Read transaction per get | 5,000,000 | 4,000,000 | 1.25× | 0 / 1 |")

    def test_missing_suites(self):
        self.assertIn("_No `Lookups` results in this run._", self.block)
        self.assertIn("_No `Filters` results in this run._", self.block)


class FiltersSuiteTests(unittest.TestCase):
    """The Filters suite runs one query per iteration, so its case names carry no digits."""

    CASES = ["Segment scan", "Compound filter with limit", "Top ten by points",
             "Count segment and province", "Group count by province"]

    def results(self):
        # Wall clock 2 ms, 20 µs, 4 µs for CustomerStore, SQLite, raw LMDB in every case.
        engines = {"CustomerStore": (2_000_000, 800), "SQLite": (20_000, 229), "raw LMDB": (4_000, 23)}
        return [report.Result("Filters", f"{case}: {engine}",
                              p50={"wallClock": wall, "mallocCountTotal": mallocs})
                for case in self.CASES for engine, (wall, mallocs) in engines.items()]

    def test_one_query_per_iteration(self):
        for case in self.CASES:
            self.assertEqual(report.operations_per_iteration(case), 1, case)

    def test_table(self):
        block = report.render(context(), self.results())
        self.assertIn("### Filters\n\n| case | CustomerStore ops/s | SQLite ops/s | raw LMDB ops/s "
                      "| CS / SQLite | CS / raw LMDB | mallocs per op (CS / SQLite / raw LMDB) |", block)
        self.assertIn("| Top ten by points | 500 | 50,000 | 250,000 | 0.01× | 0.002× "
                      "| 800 / 229 / 23 |", block)
        self.assertNotIn("_No `Filters` results in this run._", block)
        # Cases in name order; no size and memory table (no loads).
        rows = [line.split(" | ")[0][2:] for line in block.split("### Filters")[1].splitlines()
                if line.startswith("| ") and not line.startswith("| case")]
        self.assertEqual(rows, sorted(self.CASES))


class DocumentTests(unittest.TestCase):
    DOCUMENT = ("# Benchmarks\n\nIntro.\n\n## Results at N = 100,000\n\n"
                "<!-- generated:N=100000 begin -->\nold\n<!-- generated:N=100000 end -->\n\n"
                "## Analysis\n\nHand-written.\n")

    def test_replaces_only_its_block(self):
        updated = report.update_document(self.DOCUMENT, 100000, "new\n")
        self.assertEqual(updated, self.DOCUMENT.replace("\nold\n", "\nnew\n"))

    def test_idempotent(self):
        once = report.update_document(self.DOCUMENT, 100000, "new\n")
        self.assertEqual(report.update_document(once, 100000, "new\n"), once)

    def test_new_block_goes_after_the_last_block(self):
        updated = report.update_document(self.DOCUMENT, 20000, "quick\n")
        self.assertIn("<!-- generated:N=100000 end -->\n\n## Results at N = 20,000\n\n"
                      "<!-- generated:N=20000 begin -->\nquick\n<!-- generated:N=20000 end -->\n"
                      "\n## Analysis\n", updated)
        again = report.update_document(updated, 20000, "quick 2\n")
        self.assertEqual(again.count("## Results at N = 20,000"), 1)
        self.assertTrue(again.endswith("## Analysis\n\nHand-written.\n"))

    def test_document_without_blocks(self):
        updated = report.update_document("# Benchmarks\n\nText.\n", 2000, "x\n")
        self.assertEqual(updated, "# Benchmarks\n\nText.\n\n## Results at N = 2,000\n\n"
                                  "<!-- generated:N=2000 begin -->\nx\n"
                                  "<!-- generated:N=2000 end -->\n")

    def test_real_layout_keeps_the_hand_written_text(self):
        path = os.path.join(HERE, "..", "BENCHMARKS.md")
        if not os.path.exists(path):
            self.skipTest("no BENCHMARKS.md")
        with open(path, encoding="utf-8") as file:
            document = file.read()
        updated = report.update_document(document, 100000, "generated\n")
        outside = re.compile(r"<!-- generated:N=100000 begin -->.*?<!-- generated:N=100000 end -->",
                             re.S)
        self.assertEqual(outside.sub("", updated), outside.sub("", document))


if __name__ == "__main__":
    unittest.main()
