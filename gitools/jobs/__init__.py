"""Use cases: each reads, checks and writes through the layers below and returns data; the faces call them."""
