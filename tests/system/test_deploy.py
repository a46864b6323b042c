"""Production settings pass Django's deployment checklist."""

import os
import subprocess
import sys

from django.conf import settings


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charter_portal.settings.production",
        "DJANGO_SECRET_KEY": "k7#Qp2!vX9@mZ4$wL8^rT1&yB6*nH3(cJ5)dF0-gS-production-test-key",
        "DJANGO_ALLOWED_HOSTS": "charter.doict.gov.bd",
        "GRIEVANCES_HQ_EMAILS": "grs@doict.gov.bd",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "charter_portal.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_fails_when_unassigned_grievances_would_notify_nobody(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "charter_portal.settings.production",
        "DJANGO_SECRET_KEY": "k7#Qp2!vX9@mZ4$wL8^rT1&yB6*nH3(cJ5)dF0-gS-production-test-key",
        "DJANGO_ALLOWED_HOSTS": "charter.doict.gov.bd",
        "GRIEVANCES_HQ_EMAILS": "",
        "SQLITE_PATH": str(tmp_path / "empty.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "grievances.E001" in result.stdout + result.stderr
