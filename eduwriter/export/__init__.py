"""Export: DOCX (GB/T 9704 or template), Markdown, plain text (no Qt)."""
