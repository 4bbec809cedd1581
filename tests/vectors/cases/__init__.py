"""The inputs of the project's vector files, one module per file; the expected
outputs come from the independent reference (tests/reference/mws_reference.py)."""
