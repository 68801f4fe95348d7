"""The manager's monthly access review: break-the-glass reads, unusual reading, failed sign-ins and lock-outs, account changes, each marked reviewed with a note."""
