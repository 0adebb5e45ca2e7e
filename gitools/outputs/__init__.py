"""What the tool writes: text and JSON for terminals and scripts, Excel workbooks, the annual report."""
