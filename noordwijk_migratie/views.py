"""Views of the project package: health check, beheer (reference data, audit trail)."""

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from . import generic
from .celery import app as celery_app
from .filtersets import GemeenteFilterSet
from .importers import GemeenteImporter
from .tables import CorporatieTable, DoelgroepTable, GemeenteTable, LogEntryTable


@login_not_required
@never_cache
@require_safe
def liveness(request):
    """Liveness probe: the process answers; touches neither database nor broker. GET and HEAD are answered
    by ``middleware.LivenessMiddleware`` before the middleware stack runs."""
    return JsonResponse({"status": "ok"})


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """Database and broker status as JSON; 503 when the database is unreachable."""
    status = {"database": "ok", "broker": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - report, don't crash
        status["database"] = "onbereikbaar"
    if settings.CELERY_TASK_ALWAYS_EAGER and not settings.REDIS_URL:
        status["broker"] = "in-process"
    else:
        try:
            with celery_app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
        except Exception:  # noqa: BLE001
            status["broker"] = "onbereikbaar"
    ok = status["database"] == "ok"
    return JsonResponse(status, status=200 if ok else 503)


class BeheerView(generic.AppIndexView):
    titel = _("Beheer")
    inleiding = _("Referentiegegevens, gebruikers en de wijzigingsgeschiedenis.")


class GemeenteListView(generic.ObjectListView):
    table_class = GemeenteTable
    filterset_class = GemeenteFilterSet
    import_url_name = "kern:gemeente_import"


class GemeenteImportView(generic.ImportView):
    importer_class = GemeenteImporter


class GemeenteDetailView(generic.ObjectDetailView):
    pass


class GemeenteEditView(generic.ObjectEditView):
    fields = ("cbs_code", "naam", "holland_rijnland", "duin_en_bollenstreek", "veiligheidsregio")


class CorporatieListView(generic.ObjectListView):
    table_class = CorporatieTable


class CorporatieEditView(generic.ObjectEditView):
    fields = ("naam",)


class DoelgroepListView(generic.ObjectListView):
    table_class = DoelgroepTable


class DoelgroepDetailView(generic.ObjectDetailView):
    pass


class AuditListView(generic.ObjectListView):
    model = LogEntry
    table_class = LogEntryTable
    titel = _("Wijzigingsgeschiedenis")

    def get_queryset(self):
        return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
