"""Dialogs and the flows behind menu commands: import, snippets, slots, 落款, export, packs."""
