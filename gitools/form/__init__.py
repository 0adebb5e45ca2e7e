"""The report form, declared once; everything else derives from it."""

from gitools.form.catalog import Level, Rule, Severity
from gitools.form.gb2021 import FORM
from gitools.form.model import Cell, Column, Form, Relation, Row, Table, ValueType

__all__ = ["FORM", "Cell", "Column", "Form", "Level", "Relation", "Row", "Rule", "Severity", "Table", "ValueType"]
