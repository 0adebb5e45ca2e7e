"""Published reports (PDF, text, web page, Word) read into the form: each format gives lines of
fields (one module each), the layout reader (``layout``) finds the title, the narrative and the
three tables in them, so a report that was only published is validated, merged and compared
like a submitted workbook."""
