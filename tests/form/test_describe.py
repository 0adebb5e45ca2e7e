"""`gitools form --format json` describes every cell, in the agreed shape."""

import json

from gitools.cli import main
from gitools.form import FORM


def test_form_json_has_the_agreed_shape(capsys):
    assert main(["form", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["form"] == "国办公开办函〔2021〕30号"
    assert isinstance(doc["version"], str)
    for t in doc["tables"]:
        assert {"key", "sheet", "title", "rows", "columns", "cells"} <= t.keys()
        assert all({"key", "label"} <= r.keys() for r in t["rows"] + t["columns"])
        for c in t["cells"]:
            assert {"row", "column", "address", "name", "input"} <= c.keys()
            assert isinstance(c["input"], bool)
    for f in doc["fields"]:
        assert {"key", "label", "sheet", "address", "name"} <= f.keys()


def test_form_json_addresses_every_cell_of_the_declaration(capsys):
    main(["form"])
    doc = json.loads(capsys.readouterr().out)
    by_key = {t["key"]: t for t in doc["tables"]}
    for table in FORM.tables:
        cells = {(c["row"], c["column"]): c for c in by_key[table.key]["cells"]}
        assert len(cells) == len(table.cells)
        for c in table.cells:
            assert cells[(c.row, c.column)]["address"] == c.address
            assert cells[(c.row, c.column)]["name"] == c.name
    assert by_key["requests"]["cells"][0] == {
        "row": "new", "column": "natural_person", "address": "D5",
        "name": "requests.new.natural_person", "input": True, "type": "count"}
