"""`gitools serve`: the county's collection site, a face on ``jobs.inbox``. Plain HTML forms (no
script, no plugin), so it works in any browser, the older Chromium inside WPS and 信创 PCs
included; a JSON API beside the pages for scripts."""
