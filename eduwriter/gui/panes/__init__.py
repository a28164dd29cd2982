"""The window's panes: library (search, tree, preview), outline, find bar, 公文 preview."""
