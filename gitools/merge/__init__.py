"""The merge's decisions: which submissions count, their totals, who is missing, and the summary's
own identity; many reports become one (county → city → province). ``jobs.merge`` runs it."""
