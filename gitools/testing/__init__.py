"""Helpers for tests and benchmarks: synthetic reports and add-in payloads. The product never imports them."""
