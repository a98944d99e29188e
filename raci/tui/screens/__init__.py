"""Screens of the app that are not tied to one view: the keys list."""
