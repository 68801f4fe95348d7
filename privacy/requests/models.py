"""Subject rights requests: models."""
