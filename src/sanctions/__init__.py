"""sanctions: the UN Security Council's sanctions regimes, their mandates and vetoes, offline."""

__version__ = "0.1.0"
