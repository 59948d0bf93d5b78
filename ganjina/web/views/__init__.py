"""The site's pages, one module per kind: each view returns a plain dict (see
``ganjina/web/represent.py``) and each module has a ``router``."""
