"""`{% record_access woman as record %}`: the record policy's answer for this reader, so a
template asks `{% if record.sees.plan %}` and never a role."""

from django import template

from ..access import RecordAccess, record_access

register = template.Library()


class _Answer:
    """What templates see: `record.sees.<part>`, `record.changes.<part>` and the yes/no
    questions of RecordAccess."""

    def __init__(self, record: RecordAccess):
        self._record = record
        self.sees = record.sees_flags
        self.changes = record.changes_flags

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._record, name)


@register.simple_tag(takes_context=True, name="record_access")
def record_access_tag(context, woman) -> _Answer:
    return _Answer(record_access(context["request"], woman))
