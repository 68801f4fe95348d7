"""The steering group's quarterly report: the one place that composes numbers from casework,
activities and co-production (DESIGN.md §3), suppresses small numbers, and builds the PDF."""
