"""raci: model, lint and draw governance."""

__version__ = "0.1.0"
