"""What flows between the layers: a report's values, findings and verdicts; it imports only the form."""
