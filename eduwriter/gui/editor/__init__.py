"""The composer and its document: the report model, highlighting, paste, autocomplete, mime."""
