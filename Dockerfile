FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# The whole project: pyproject.toml's setuptools `include` names every app, and
# collectstatic needs their static files and templates.
COPY . .
RUN pip install .

# The interface translations: .mo files are built, never committed (.gitignore).
# GNU gettext's msgfmt compiles them and leaves the image again.
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && python manage.py compilemessages --ignore '.venv/*' \
    && test -f locale/es/LC_MESSAGES/django.mo \
    && apt-get purge -y gettext && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*

# Static files collected the way production serves them: DEBUG off, so the manifest
# storage writes hashed, compressed copies and staticfiles.json, without which every
# {% static %} fails. The secret key and host are throwaway values for this step only;
# collectstatic uses neither.
RUN DEBUG=false ALLOWED_HOSTS=build.invalid \
    SECRET_KEY=collectstatic-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz \
    python manage.py collectstatic --noinput \
    && test -f staticfiles/staticfiles.json \
    && useradd --system --uid 1000 ft3 \
    && mkdir -p /srv/static && chown -R ft3 /app /srv/static
USER ft3

EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "ft3portal.wsgi:application"]
