"""GB 32100-2015 credit codes, with the embedded GB 11714 organisation code."""

from gitools.form.codes import credit_code_problem, division_code_problem, org_check_char, phone_problem
from gitools.model.findings import finding

from ..conftest import valid_credit_code


def said(code: str) -> str:
    """What the clerk reads about ``code``: the catalog's words for the problem found."""
    problem = credit_code_problem(code)
    assert problem is not None
    return finding("credit-code-invalid", value=code, reason=problem.reason, **problem.params).message


def test_codes_in_circulation_are_valid():
    assert credit_code_problem("91350100M000100Y43") is None  # the example commonly cited for GB 32100
    assert credit_code_problem("11100000000019713D") is None


def test_a_generated_code_is_valid_and_any_single_change_is_caught():
    code = valid_credit_code()
    assert credit_code_problem(code) is None
    for i in range(18):
        for ch in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if ch != code[i]:
                broken = code[:i] + ch + code[i + 1:]
                assert credit_code_problem(broken) is not None, broken


def test_wrong_length_and_forbidden_letters_are_explained():
    assert said("1141072100") == "“1141072100”应为18位，实为10位"
    assert "含有不允许的字符 I" in said(valid_credit_code()[:10] + "I" + valid_credit_code()[11:])


def test_a_failed_check_names_no_replacement_character():
    """Following a "should be 5" hint on a code with two swapped digits gives a code that passes
    but is not the unit's: the message must send the clerk to the certificate instead."""
    assert credit_code_problem("114107210054330166") is None  # the unit's code
    swapped = "114107210045330166"  # its 11th and 12th characters swapped
    assert said(swapped) == f"“{swapped}”校验位不符，请对照登记证书逐位核对（常见为两位颠倒或抄错）"
    code = valid_credit_code()
    for broken in (code[:17] + ("0" if code[17] != "0" else "1"),  # last character
                   code[:9] + code[10] + code[9] + code[11:]):  # swapped inside the org code
        assert said(broken) == f"“{broken}”校验位不符，请对照登记证书逐位核对（常见为两位颠倒或抄错）"
        assert "应为" not in said(broken)


def test_organisation_code_check_character():
    assert org_check_char("D2143569") == "X"  # the worked example of GB 11714


def test_division_code_and_phone():
    assert division_code_problem("410721") is None
    assert division_code_problem("41072") and division_code_problem("010721")
    for ok in ("0373-5551234", "13800138000", "(0373)5551234", "5551234", "010-12345678转123"):
        assert phone_problem(ok) is None, ok
    for bad in ("5551234x", "123", "2800138000000"):
        assert phone_problem(bad), bad
