"""The PySide6 desktop app (thin layer over the core)."""
