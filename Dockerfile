# One image for every tier: web (gunicorn), worker and beat differ only by their command.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir . && useradd --system --home /app roundtable
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
USER roundtable
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--config", "config/gunicorn.conf.py"]
