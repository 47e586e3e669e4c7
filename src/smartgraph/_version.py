"""The version, in one place (read by hatchling and by the modules that record it)."""

__version__ = "0.1.0"
