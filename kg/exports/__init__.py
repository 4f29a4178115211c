"""Exports read from the built graph: rows a spreadsheet or another program can use."""
