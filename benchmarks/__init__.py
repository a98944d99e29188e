"""Benchmarks: `python -m benchmarks.run` (see run.py); not part of the test suite."""
