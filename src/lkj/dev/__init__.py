"""Developer tools: the benchmark and synthetic data for tests and the benchmark.

May import everything; nothing in the stages imports it.
"""
