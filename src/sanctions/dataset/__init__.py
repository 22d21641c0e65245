"""Regime data in: the domain model, regime files parsed and checked, the cache and the files written."""
