"""Filling in a page's form as a browser would, for the benchmark's POSTs (no Locust here, so
it can be imported anywhere)."""

from html.parser import HTMLParser


class FormReader(HTMLParser):
    """Every POST form of a page, with the fields a browser would send untouched: hidden and
    text values, textareas, checked boxes, the chosen (or first) option of a select, and the
    chosen (or first) choice of a radio group."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, list[tuple[str, str]]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._radios: dict[str, str] = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            if a.get("method", "").lower() == "post":
                self._fields, self._radios = [], {}
                self.forms.append((a.get("action", ""), self._fields))
            return
        if self._fields is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "radio":
                if "checked" in a:
                    self._radios[name] = a.get("value", "")
                else:
                    self._radios.setdefault(name, a.get("value", ""))
            elif kind == "checkbox":
                if "checked" in a:
                    self._fields.append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "file", "reset", "image"):
                self._fields.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select, self._select_first, self._select_chosen = name, None, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None and value:
                self._select_first = value
            if "selected" in a and not self._select_chosen:
                self._select_chosen = True
                self._fields.append((self._select, value))
        elif tag == "textarea" and name:
            self._textarea = name
            self._fields.append((name, ""))

    def handle_data(self, data):
        if self._textarea and self._fields and self._fields[-1][0] == self._textarea:
            self._fields[-1] = (self._textarea, self._fields[-1][1] + data)

    def handle_endtag(self, tag):
        if self._fields is None:
            return
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._fields.append((self._select, self._select_first))
            self._select = None
        elif tag == "form":
            self._fields.extend(self._radios.items())
            self._fields = None


def form_fields(html: str, action: str = "", **overrides: str) -> list[tuple[str, str]]:
    """The fields of the POST form that posts to `action` (by default the form that posts back
    to its own page), with `overrides` put in."""
    reader = FormReader()
    reader.feed(html)
    for form_action, fields in reader.forms:
        if form_action == action:
            kept = [(key, value) for key, value in fields if key not in overrides]
            return kept + list(overrides.items())
    raise ValueError(f"no POST form to {action or 'the page itself'!r}")
