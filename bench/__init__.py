"""Benchmarks (``make bench``, ``make bench-scale``); ``bench.report`` is pure and tested."""
