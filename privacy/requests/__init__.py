"""Requests from a woman about her data: subject access, erasure (with a second person's approval) and rectification, each due one month after it is made."""
