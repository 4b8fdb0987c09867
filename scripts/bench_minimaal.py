"""The honest limit for `make bench`: a minimal Django app (one view, no apps, no middleware).

Served by scripts/bench.sh with the same Python, virtualenv and gunicorn settings as the project
(`gunicorn --pythonpath scripts bench_minimaal:application`, 2 sync workers); the bench reports
every page as a ratio to it. No database, no session, no templates: what Django itself costs.
"""

import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-minimaal"),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    USE_TZ=True,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402


def ok(request):
    return JsonResponse({"status": "ok"})  # the same small body as the project's /healthz/live


urlpatterns = [path("", ok)]

application = get_wsgi_application()
