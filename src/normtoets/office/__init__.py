"""Office files as views of the YAML: a scoring workbook out and back in, a normenkader from a
spreadsheet. The YAML stays the one source of truth; an import edits it through the same proven
splice editor as `score`."""
