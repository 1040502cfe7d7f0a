"""quotex tests; a package so that benchmarks can ``from tests.cases import CASES``."""
