"""Validation: pandera schemas derived from the form, turned into findings."""

from gitools.validate.engine import validate, validate_all, validate_file, validate_files

__all__ = ["validate", "validate_all", "validate_file", "validate_files"]
