"""The email settings' one helper: a MAILERS entry from the EMAIL_URL form."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def mailer_from_url(url: str) -> dict:
    """Build a MAILERS entry from an smtp:// or smtps:// URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, not {url!r}.")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options = {
        "host": parts.hostname or "localhost",
        "port": parts.port or (465 if parts.scheme == "smtps" else 25),
        "username": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": query.get("tls", "").lower() in ("1", "true", "yes"),
        "timeout": int(query.get("timeout", "20")),
    }
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
