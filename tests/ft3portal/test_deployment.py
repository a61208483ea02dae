"""The production image and stack as the Dockerfile, docker-compose.yml,
deploy/nginx.conf and gunicorn.conf.py describe them. CI also runs `docker compose
config` where docker is installed, and scripts/smoke_production.py serves the
portal with these settings; these tests keep the pieces consistent with each other
on any machine."""

import re
import runpy
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_only_the_buffering_proxy_is_published():
    services = compose()["services"]
    assert set(services) == {"proxy", "web", "worker", "beat", "postgres", "redis"}
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
    assert services["proxy"]["image"].startswith("nginx:")
    assert services["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert services["web"]["expose"] == ["8000"]


def test_the_proxy_serves_static_files_from_the_volume_web_fills():
    config = compose()
    services = config["services"]
    assert "static" in config["volumes"]
    assert "static:/srv/static:ro" in services["proxy"]["volumes"]
    assert "static:/srv/static" in services["web"]["volumes"]
    assert "cp -a staticfiles/. /srv/static/" in services["web"]["command"]
    assert "gunicorn -c gunicorn.conf.py" in services["web"]["command"]
    nginx = (ROOT / "deploy/nginx.conf").read_text()
    assert re.search(r"location /static/ \{\s+alias /srv/static/;", nginx)
    assert "proxy_pass http://ft3_web;" in nginx and "server web:8000;" in nginx
    mount = "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"
    assert mount in services["proxy"]["volumes"]


def test_every_long_running_service_has_a_health_check():
    services = compose()["services"]
    for name in ("proxy", "web", "worker", "postgres", "redis"):
        assert services[name]["healthcheck"]["test"], name
    # Liveness: Redis down must not make the web container unhealthy.
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "/proxy-health" in " ".join(services["proxy"]["healthcheck"]["test"])


def test_the_stack_runs_in_production_mode_behind_one_proxy():
    environment = compose()["x-app"]["environment"]
    assert environment["DEBUG"] == "false"
    assert environment["TRUSTED_PROXY_COUNT"] == "1"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    # The health checks ask for Host: localhost.
    assert environment["ALLOWED_HOSTS"].endswith(",localhost")


def test_the_image_installs_every_app_and_collects_static_files_for_production():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.index("COPY . .") < dockerfile.index("RUN pip install .")
    step = dockerfile[: dockerfile.index("python manage.py collectstatic")]
    assert step[step.rindex("RUN ") :].startswith("RUN DEBUG=false ")
    assert "test -f staticfiles/staticfiles.json" in dockerfile
    # The translations are compiled in the image (.mo files are not in git).
    compile_step = dockerfile.index("python manage.py compilemessages")
    assert dockerfile.index("RUN pip install .") < compile_step < dockerfile.index("USER ft3")
    assert 'CMD ["gunicorn", "-c", "gunicorn.conf.py"' in dockerfile


def test_gunicorn_settings():
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["worker_class"] == "gthread"
    assert config["threads"] >= 2
    assert config["preload_app"] is True
    assert config["workers"] >= 3
    assert config["timeout"] == 30
    assert config["max_requests"] > 0 and 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["accesslog"] == "-"
