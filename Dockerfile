FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY ft3portal ft3portal
COPY accounts accounts
COPY pathway pathway
COPY stakeholders stakeholders
COPY barriers barriers
COPY contributions contributions
COPY digests digests
RUN pip install .

COPY . .
RUN DEBUG=true python manage.py collectstatic --noinput \
    && useradd --system --uid 1000 ft3 && chown -R ft3 /app
USER ft3

EXPOSE 8000
CMD ["gunicorn", "ft3portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
