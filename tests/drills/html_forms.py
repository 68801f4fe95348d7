"""Read the forms of a page as a browser would, to fill them in and send them back."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

TEXT_TYPES = {"text", "search", "email", "tel", "url", "password", ""}
NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    tag: str  # input, textarea or select
    name: str
    type: str = ""
    value: str = ""
    checked: bool = False
    multiple: bool = False
    options: list = field(default_factory=list)  # [value, selected, text] for a select
    attrs: dict = field(default_factory=dict)

    @property
    def typed(self) -> bool:
        """A field a person types into (text of some kind, a date, a number)."""
        if self.tag == "textarea":
            return True
        return self.tag == "input" and self.type not in NOT_SENT | {"hidden", "checkbox", "radio"}


@dataclass
class Form:
    method: str
    action: str
    enctype: str
    fields: list = field(default_factory=list)
    buttons: list = field(default_factory=list)  # (name, value) of named submit buttons

    def data(self) -> dict:
        """What the browser sends when the form is submitted unchanged with its first button."""
        data: dict = {}
        for f in self.fields:
            if f.tag == "select":
                chosen = [v for v, selected, _text in f.options if selected]
                if not chosen and f.options and not f.multiple:
                    chosen = [f.options[0][0]]
                values = chosen
            elif f.tag == "input" and f.type in ("checkbox", "radio"):
                values = [f.value or "on"] if f.checked else []
            elif f.tag == "input" and f.type in NOT_SENT:
                continue
            else:
                values = [f.value]
            for value in values:
                data.setdefault(f.name, []).append(value)
        if self.buttons:
            name, value = self.buttons[0]
            data.setdefault(name, []).append(value)
        return data

    def typed_fields(self) -> list:
        return [f for f in self.fields if f.typed]

    def file_fields(self) -> list:
        return [f for f in self.fields if f.tag == "input" and f.type == "file"]


class _Parser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.textarea: Field | None = None
        self.select: Field | None = None
        self.option: list | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.form = Form(
                method=a.get("method", "get").lower(),
                action=urljoin(self.page_url, a.get("action") or self.page_url),
                enctype=a.get("enctype", ""),
            )
            self.forms.append(self.form)
            return
        if self.form is None or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                self.form.buttons.append((a["name"], a.get("value", "")))
            self.form.fields.append(
                Field("input", a["name"], kind, a.get("value", ""), "checked" in a, attrs=a)
            )
        elif tag == "button" and a.get("name") and a.get("type", "submit") == "submit":
            self.form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self.textarea = Field("textarea", a["name"], attrs=a)
            self.form.fields.append(self.textarea)
        elif tag == "select" and a.get("name"):
            self.select = Field("select", a["name"], multiple="multiple" in a, attrs=a)
            self.form.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            self._close_option()
            self.option = [a.get("value"), "selected" in a, ""]
            self.select.options.append(self.option)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data
        if self.option is not None:
            self.option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea is not None:
            # A browser drops the one newline that may follow <textarea>.
            self.textarea.value = self.textarea.value.removeprefix("\n")
            self.textarea = None
        elif tag == "option" and self.option is not None:
            self._close_option()
        elif tag == "select":
            self._close_option()
            self.select = None

    def _close_option(self):
        if self.option is not None and self.option[0] is None:
            self.option[0] = self.option[2].strip()  # an option without value= sends its text
        self.option = None


def page_forms(html: str, page_url: str) -> list[Form]:
    parser = _Parser(page_url)
    parser.feed(html)
    parser.close()
    return parser.forms
