# The web, worker and beat image. WeasyPrint needs Pango and HarfBuzz from Debian.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
      libharfbuzz-subset0 fonts-dejavu-core curl gnupg postgresql-client \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .
COPY . .
RUN DEBUG=1 python manage.py collectstatic --noinput -v0 \
 && useradd --system --home /app centre && mkdir -p /app/var && chown -R centre /app/var
USER centre
EXPOSE 8000
CMD ["gunicorn", "centre.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
