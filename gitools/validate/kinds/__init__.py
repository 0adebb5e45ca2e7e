"""One module per kind of rule that validation executes: each registers the rules it runs (by
code, against the catalog) and turns failures into findings, with no branch per rule."""
