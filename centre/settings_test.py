"""Only what tests need on top of the real settings."""

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "locmem"
REQUIRE_2FA = False
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
# Tasks run in-process in tests; tests that need real workers and a real broker start their own
# (tests/conftest.py: celery_workers, private_redis).
CELERY_TASK_ALWAYS_EAGER = True
# Each test starts with an empty in-memory cache (tests/conftest.py clears it), so counters such
# as rate limits never leak between tests or xdist workers; tests of Redis faults set their own.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
