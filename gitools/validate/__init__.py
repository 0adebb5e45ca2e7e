"""Validation: pandera schemas derived from the form, turned into findings."""

from gitools.validate.engine import validate, validate_file

__all__ = ["validate", "validate_file"]
