"""The Qt user interface. Nothing outside this package imports Qt (see tests/unit/test_layering.py)."""
