"""The audit log refuses UPDATE and DELETE in the database (centre migration 0002). The retention
sweep must delete audit events once their period ends, so a DELETE is let through only inside a
transaction that has said so (`SET LOCAL centre.retention_sweep = 'on'`, which only
privacy/retention/rules.py does). UPDATE is still refused, always."""

from django.db import migrations

SWEEP_MAY_DELETE = """
CREATE OR REPLACE FUNCTION centre_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('centre.retention_sweep', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
"""
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION centre_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SWEEP_MAY_DELETE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY)


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial"), ("centre", "0002_audit_append_only")]
    operations = [migrations.RunPython(forwards, backwards)]
