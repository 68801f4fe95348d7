"""The retention schedule per kind of record, the nightly sweep that anonymises or deletes what has expired (with a dry run for the manager), and legal holds."""
