"""gitools defines no worksheet functions; xlwings Server requires this package to exist."""
