"""Benchmarks of quotex: run with ``python -m pytest benchmarks/ --benchmark-only``."""
