"""The report model: sections, numbering, slots, checks (no Qt)."""
