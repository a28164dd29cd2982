"""Import pipeline: decode -> clean -> segment -> outline -> slots (no Qt)."""
