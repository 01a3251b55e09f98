"""kamdesk — a desktop CRM for key account managers."""

__version__ = "0.1.0"
