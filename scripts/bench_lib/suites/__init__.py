"""The suites, one module each. A suite module defines:

- NAME:        the name on the command line and the docs region key (bench:NAME:start/end)
- SUMMARY:     one line for `scripts/bench --list`
- plan(ctx):   prepares what it needs (build products, peers, corpora) through the Context in
               bench_lib.setup and returns a bench_lib.model.Plan: subjects, tools, ratio
               columns, goals, versions, the environment

Adding a suite = one module here plus one line in SUITES. The harness does the rest: interleaved
rounds, statistics, the table, the goal lines and the docs region.
"""
from . import benchmarks, coverage, doc_index, doc_refs, links

SUITES = [doc_refs, doc_index, benchmarks, coverage, links]

BY_NAME = {suite.NAME: suite for suite in SUITES}
