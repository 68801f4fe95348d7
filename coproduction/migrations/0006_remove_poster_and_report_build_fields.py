from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("coproduction", "0005_reports_and_posters_to_documents")]

    operations = [
        *(
            migrations.RemoveField(model_name="quarterlyreport", name=name)
            for name in (
                "built_at",
                "content",
                "error",
                "pdf",
                "requested_at",
                "requested_by",
                "started_at",
                "status",
            )
        ),
        migrations.DeleteModel(name="Poster"),
    ]
