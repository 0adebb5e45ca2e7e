"""The catalog's contract: every rule has exactly one executor (a kind validation runs) or is
emitted where the registry lists, every finding made in the code names a declared rule and
passes what its template needs, every template renders, and every rule has a test that makes
it fire."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import gitools.validate  # noqa: F401  (registers every executor)
from gitools.form.rules import BY_CODE, RULES
from gitools.model.findings import finding
from gitools.validate.registry import EMITTED_BY, EXECUTED, EXECUTORS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE, TESTS = ROOT / "gitools", ROOT / "tests"
UNREADABLE = {"Unreadable", "UnreadableWorkbook", "UnreadableReport", "TooLarge"}  # raise file-unreadable
ALWAYS = {"expected", "actual"}  # every finding may carry these


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def templates(code: str) -> dict[str | None, str]:
    rule = BY_CODE[code]
    return {None: rule.message, **rule.reasons}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def made_in_code() -> list[tuple[str, str, str | None, set[str], bool]]:
    """Every finding the package makes with a literal rule code: (module, code, reason, keywords
    passed, whether more are passed by ** of a dict that is not a location)."""
    out = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name == "finding" and node.args and (code := _literal(node.args[0])):
                pass
            elif name in UNREADABLE and node.args and _literal(node.args[0]):
                code = "file-unreadable"
            else:
                continue
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            reason = _literal(kw.get("reason")) if name == "finding" else _literal(node.args[0])
            opaque = any(k.arg is None and not (isinstance(k.value, ast.Call) and getattr(k.value.func, "id", "")
                                                in ("at_cell", "at_item", "at_row")) for k in node.keywords)
            out.append((_module(path), code, reason, set(kw), opaque))
    return out


MADE = made_in_code()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_one_executor_or_a_listed_emitter(rule):
    if rule.kind in EXECUTED:
        assert rule.code in EXECUTORS, f"{rule.code}: no executor registered"
        assert EXECUTORS[rule.code].kind is rule.kind
    else:
        assert rule.code not in EXECUTORS
        emitters = [m for m, code, *_ in MADE if code == rule.code]
        assert emitters, f"{rule.code}: emitted nowhere"
        assert all(m.startswith(EMITTED_BY[rule.kind]) for m in emitters), emitters


def test_every_finding_made_names_a_declared_rule_and_a_declared_reason():
    for module, code, reason, _, _ in MADE:
        assert code in BY_CODE, f"{module}: {code}"
        if BY_CODE[code].reasons:
            assert reason in BY_CODE[code].reasons, f"{module}: {code} without a declared reason ({reason})"


def test_every_finding_made_passes_what_its_template_needs():
    for module, code, reason, passed, opaque in MADE:
        if opaque:
            continue
        needed = fields(BY_CODE[code].template(reason)) - ALWAYS
        assert needed <= passed, f"{module}: {code}/{reason} lacks {needed - passed}"


@pytest.mark.parametrize("code", sorted(EXECUTORS))
def test_an_executors_parameters_cover_its_rules_templates(code):
    declared = EXECUTORS[code].params | ALWAYS
    for reason, template in templates(code).items():
        assert fields(template) <= declared, (code, reason, fields(template) - declared)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_template_renders_without_naming_a_place(rule):
    for reason, template in templates(rule.code).items():
        params = dict.fromkeys(fields(template) - ALWAYS, "X")
        f = finding(rule.code, **({"reason": reason} if reason else {}), expected=1, actual=2, **params)
        assert f.message and "{" not in f.message
        assert "{reason}" not in template and template.strip() != "{reason}"  # no shell around a sentence


def test_an_unknown_rule_or_reason_fails_loudly():
    with pytest.raises(KeyError, match="not in the catalog"):
        finding("no-such-rule")
    with pytest.raises(KeyError, match="no reason"):
        _ = finding("file-unreadable", reason="no-such-reason").message


def test_every_rule_is_made_to_fire_by_a_test():
    said = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py") if p.name != "test_catalog.py")
    unnamed = [r.code for r in RULES if f'"{r.code}"' not in said]
    assert unnamed == []
