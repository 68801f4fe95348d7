from coproduction.meetings.ics import _escape, _fold


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "é" * 100
    folded = _fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_text_is_escaped():
    assert _escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
