"""Access review: models."""
