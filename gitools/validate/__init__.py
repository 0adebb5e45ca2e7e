"""Validation: every rule of the form run over Submissions; everything comes out as Findings.
It reads no file and shows no progress: ``jobs.validate`` does that around it."""

from gitools.validate.engine import validate, validate_all

__all__ = ["validate", "validate_all"]
