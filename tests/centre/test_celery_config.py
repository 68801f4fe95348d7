"""The beat schedule and routes point at tasks that exist, with limits set."""

from centre.celery import app


def _registered():
    app.loader.import_default_modules()
    return set(app.tasks)


def test_every_beat_entry_names_a_registered_task():
    registered = _registered()
    missing = {
        name: entry["task"]
        for name, entry in app.conf.beat_schedule.items()
        if entry["task"] not in registered
    }
    assert not missing, f"beat entries with no such task: {missing}"


def test_our_tasks_follow_the_naming_rule_and_routes():
    ours = {
        name
        for name in _registered()
        if name.split(".")[0] in ("centre", "casework", "activities", "coproduction")
    }
    assert ours
    for name in ours:
        assert name.endswith("_task"), f"{name}: tasks are named <noun>_<verb>_task"
    route = app.amqp.router.route
    for name in ours:
        queue = route({}, name)["queue"].name
        if "_pdf_" in name or "_poster_" in name or "_report_" in name:
            assert queue == "reports", name
        if name.startswith("centre.tasks.outbox_") or "_reminders_" in name:
            assert queue == "notifications", name


def test_time_limits_and_prefetch():
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_acks_late is True
