"""The app's views, grouped by feature, each with the modals it opens beside it."""
