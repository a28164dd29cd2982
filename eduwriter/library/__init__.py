"""The library: skeleton/phrasing store, search, sharing (no Qt)."""
