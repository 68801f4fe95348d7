"""A tablet page read as a screen reader would find it: each element's attributes, and the words
of those with an id (a hint, a mistake), to check what is read with each box."""

from html.parser import HTMLParser

EMPTY = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}  # elements with no end tag


class TabletPage(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags = []
        self._words = {}
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {"tag": tag, **dict(attrs)}
        self.tags.append(attrs)
        if tag not in EMPTY:
            self._open.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if self._open and tag not in EMPTY:
            self._open.pop()

    def handle_data(self, data):
        for element_id in self._open:
            if element_id:
                self._words[element_id] = self._words.get(element_id, "") + data

    def element(self, **wanted):
        """The first element with all these attributes (`data_step="1"` for data-step="1")."""
        wanted = {name.replace("_", "-"): value for name, value in wanted.items()}
        return next(t for t in self.tags if all(t.get(k) == v for k, v in wanted.items()))

    def words(self, element_id):
        return " ".join(self._words.get(element_id, "").split())

    def read_with(self, **wanted):
        """What a screen reader says with the element: the words its aria-describedby points to
        (an empty count says nothing)."""
        ids = (self.element(**wanted).get("aria-describedby") or "").split()
        return [self.words(element_id) for element_id in ids if self.words(element_id)]
