"""Route-matrix entries, one module per package (see ``tests/security/route_matrix.py``)."""
