"""A realistic, fictional French key-account portfolio for demos, screenshots and manual tests."""

from kamdesk.demo.generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
