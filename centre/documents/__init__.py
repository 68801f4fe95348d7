"""Generated files (PDFs), built one way for every app.

An app describes each file it makes as a document kind (registry.py) and registers it when it is
ready; the platform asks for a build (services.document_request), builds it on the reports queue
(centre.tasks.document_build_task), shows its progress (the _progress.html partial) and sends it
through one audited download view (views.py). Every PDF template extends print/base.html.
"""
