"""Data protection across every app: subject rights requests (access, erasure, rectification),
the retention schedule and its sweep, and the manager's access review.

It sits on top of every other app (see the import contracts in pyproject.toml): it reads what
each app declares in its `personal_data.py` (centre/personal_data.py) and never the other way.
Each part is its own app under privacy/, like co-production's rooms.
"""
