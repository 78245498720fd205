"""The harness behind scripts/bench: measuring, setting up peers and corpora, reporting.

Modules:
- model:   what a suite hands the harness (Subject, Tool, Goal, Plan)
- measure: one timed unit (one or more processes): wall time and peak RSS via os.wait4
- setup:   the shared environment (release build, .bench/venv, apt packages, corpora, machine facts)
- report:  statistics, the Markdown table, goal lines, the docs/benchmarks.md regions
- suites/: one module per suite; register it in suites/__init__.py
"""
