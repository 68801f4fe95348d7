"""Retention: models."""
