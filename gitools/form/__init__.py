"""The report form, declared once; everything else derives from it."""

from gitools.form.gb2021 import FORM
from gitools.form.model import Cell, Column, Form, Level, Relation, Row, Rule, Severity, Table, ValueType

__all__ = ["FORM", "Cell", "Column", "Form", "Level", "Relation", "Row", "Rule", "Severity", "Table", "ValueType"]
