"""Analysis: mandates, vetoes, votes, changes and figures computed from the regimes, and the catalogue API."""
