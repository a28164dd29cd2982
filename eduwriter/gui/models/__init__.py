"""Qt item models over the library store (the tree and the search results)."""
