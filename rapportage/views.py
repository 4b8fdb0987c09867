from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic


class IndexView(generic.AppIndexView):
    titel = _("Rapportages")
    inleiding = _("Halfjaarrapportage taakstelling en evaluatierapport juni 2027 als PDF.")
    secties = ()


class DashboardView(generic.AppIndexView):
    """The opgavemanager's overview; the panels per doelgroep come with the domain apps."""

    template_name = "rapportage/dashboard.html"
    titel = _("Dashboard")

    def get_context_data(self, **kwargs):
        from noordwijk_migratie.models import Doelgroep

        context = super().get_context_data(**kwargs)
        context["doelgroepen"] = Doelgroep.objects.all()
        return context
