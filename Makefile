# The two commands that matter: `make run` and `make test`. Both work on a bare machine with
# Python 3.11 and make; with DATABASE_URL and REDIS_URL set they use PostgreSQL and Redis.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
MYPY_PATHS ?= centre $(filter-out centre/%,$(wildcard */services.py */selectors.py */access.py */*/services.py */*/selectors.py */*/access.py */services/*.py */selectors/*.py */*/services/*.py))

.PHONY: install run test drills bench lint format check-deploy check-types migrate seed backup restore clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; assert sys.version_info >= (3, 11)" 2>/dev/null || { echo "Needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py collectstatic --noinput -v0
	@echo ""
	@echo "  Open http://$(HOST):$(PORT)/ and sign in as manager, keyworker, partner, volunteer"
	@echo "  or steering, with the password centre-demo-2026."
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "No tests were collected"; exit 1; fi; exit $$status

# The fault drills and the bad-input sweep (tests/drills), one at a time: Redis stopped, a worker
# killed, PostgreSQL restarted under gunicorn, two people saving at once, bad input in every form.
# Each starts its own Redis or PostgreSQL, so the shared services are never stopped.
drills: $(STAMP)
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) -m pytest -m drill -p no:randomly tests/drills $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m tests.bench.run $(BENCH_ARGS)

# A timestamped archive of the database and uploaded files in backups/ (encrypted with GnuPG when
# BACKUP_PASSPHRASE is set); `make restore FILE=backups/centre-....tar[.gpg]` puts one back.
backup: $(STAMP)
	$(PY) manage.py backup --output $(or $(BACKUP_DIR),backups)

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=backups/centre-....tar"; exit 1; }
	$(PY) manage.py restore "$(FILE)" $(RESTORE_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The dependency contracts between apps, and the types of the platform, services, selectors and
# access policies.
check-types: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy $(MYPY_PATHS)

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets;print(secrets.token_urlsafe(60))') \
	  ALLOWED_HOSTS=centre.example.org CSRF_TRUSTED_ORIGINS=https://centre.example.org \
	  SITE_URL=https://centre.example.org \
	  SMS_BACKEND=http SMS_API_URL=https://sms.example.org SMS_API_KEY=deploy-check-only \
	  $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 var
