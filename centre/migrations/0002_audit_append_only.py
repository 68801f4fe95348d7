"""On PostgreSQL, refuse UPDATE and DELETE on the audit log in the database itself, so not even
a raw query or a mistaken script can rewrite who looked at whose record."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION centre_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS centre_audit_append_only ON centre_auditevent;
CREATE TRIGGER centre_audit_append_only BEFORE UPDATE OR DELETE ON centre_auditevent
    FOR EACH ROW EXECUTE FUNCTION centre_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS centre_audit_append_only ON centre_auditevent;
DROP FUNCTION IF EXISTS centre_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("centre", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
