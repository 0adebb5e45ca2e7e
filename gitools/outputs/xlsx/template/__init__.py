"""The blank template workbook, generated from the form declaration."""
