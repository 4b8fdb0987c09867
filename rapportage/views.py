from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _
from django.views import generic as django_generic

from noordwijk_migratie import generic, registry
from noordwijk_migratie.charts import maak_grafiek
from noordwijk_migratie.paginacache import PaginaCacheMixin

from . import dashboard, secties, services
from .filtersets import RapportFilterSet
from .forms import AanvraagForm, ToelichtingForm, VoorbladForm
from .models import Rapport, Toelichting, Voorblad
from .tables import RapportTable


class IndexView(generic.AppIndexView):
    titel = _("Rapportages")
    inleiding = _("Halfjaarrapportage taakstelling en evaluatierapport juni 2027 als PDF.")


class DashboardView(PaginaCacheMixin, generic.PeildatumMixin, django_generic.TemplateView):
    """The opgavemanager's overview: per doelgroep status, key figures, charts and signals."""

    template_name = "rapportage/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        peildatum, form = self.peildatum()
        gegevens = dashboard.dashboard(peildatum)
        for paneel in gegevens["panelen"]:
            paneel["charts"] = [maak_grafiek(spec) for spec in paneel["grafieken"]]
        context.update(gegevens, titel=_("Dashboard"), peildatum=peildatum, peildatum_form=form)
        return context


class RapportListView(generic.ObjectListView):
    model = Rapport
    table_class = RapportTable
    filterset_class = RapportFilterSet
    titel = _("Rapporten")

    def get_queryset(self):
        return Rapport.objects.select_related("aangevraagd_door").defer("snapshot")


class RapportAanvraagView(generic.InitieelUitQueryMixin, generic.ObjectPermissionMixin, django_generic.FormView):
    model = Rapport
    permission_action = "add"
    form_class = AanvraagForm
    template_name = "generic/object_form.html"
    initial = {"soort": secties.HALFJAAR}
    initieel_uit_query = ("soort",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = _g("Rapport aanvragen")
        context["annuleer_url"] = context["lijst_url"]
        return context

    def form_valid(self, form):
        try:
            rapport = services.vraag_aan(
                form.cleaned_data["soort"],
                form.cleaned_data["peildatum"],
                self.request.user,
                form.cleaned_data["zaaknummer"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(self.request, _g("Het rapport is aangevraagd en wordt nu gemaakt."))
        return HttpResponseRedirect(rapport.get_absolute_url())


class RapportMixin:
    """Context shared by the detail page and the polled status fragment."""

    def rapport_context(self, rapport):
        user = self.request.user
        vastgesteld = Rapport.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum, definitief=True)
        return {
            "rapport": rapport,
            "mag_aanvragen": user.has_perm("rapportage.add_rapport") and not vastgesteld.exists(),
            "mag_definitief": user.has_perm("rapportage.definitief_maken")
            and rapport.downloadbaar
            and not rapport.definitief
            and not rapport.wordt_definitief
            and not vastgesteld.exists(),
        }


def mag_tekst_schrijven(user, toelichting) -> bool:
    """Beleidsadviseurs write the toelichtingen of the domain sections; the report-wide texts
    (samenvatting, conclusies, vervolgopdracht) need ``rapportage.rapporttekst_schrijven`` (opgavemanager)."""
    if not user.has_perm("rapportage.change_toelichting"):
        return False
    if toelichting.sectie in services.rapportteksten(toelichting.soort):
        return user.has_perm("rapportage.rapporttekst_schrijven")
    return True


class RapportDetailView(RapportMixin, generic.ObjectDetailView):
    model = Rapport
    velden = (
        "soort",
        "peildatum",
        "zaaknummer",
        "versie",
        "status",
        "definitief",
        "definitief_door",
        "definitief_op",
        "aangevraagd_door",
        "aangevraagd_op",
        "gestart_op",
        "klaar_op",
        "opnieuw_ingepland_op",
        "sha256",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rapport = self.object
        context.update(self.rapport_context(rapport))
        titels = {s.code: s.titel for s in registry.secties(rapport.soort)}
        volgorde = {s.code: s.volgorde for s in registry.secties(rapport.soort)}
        toelichtingen = sorted(
            Toelichting.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum),
            key=lambda t: volgorde.get(t.sectie, 10**6),
        )
        vastgesteld = any(
            v.definitief or v.wordt_definitief
            for v in Rapport.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum)
        )
        verplicht = set(services.VERPLICHTE_TEKSTEN)
        context["toelichtingen"] = [
            {
                "titel": titels.get(t.sectie, t.sectie),
                "tekst": t.tekst,
                "verplicht": t.sectie in verplicht,
                "url": t.get_absolute_url(),
                "wijzig_url": reverse("rapportage:toelichting_edit", args=[t.pk])
                if not vastgesteld and mag_tekst_schrijven(self.request.user, t)
                else None,
            }
            for t in toelichtingen
        ]
        if not rapport.definitief and rapport.downloadbaar:
            context["nog_nodig"] = services.ontbreekt_voor_definitief(rapport)
        context["versies"] = (
            Rapport.objects.filter(soort=rapport.soort, peildatum=rapport.peildatum)
            .defer("snapshot")
            .select_related("aangevraagd_door")
            .order_by("-versie")
        )
        return context


class RapportStatusView(RapportMixin, generic.ObjectPermissionMixin, django_generic.DetailView):
    """The progress fragment, polled by htmx every second while the report is queued or running."""

    model = Rapport
    template_name = "rapportage/rapport_status.html"

    def get_queryset(self):
        return Rapport.objects.defer("snapshot")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.rapport_context(self.object))
        return context


class RapportDownloadView(generic.ObjectPermissionMixin, django_generic.DetailView):
    model = Rapport

    def get_queryset(self):
        return Rapport.objects.defer("snapshot")

    def get(self, request, *args, **kwargs):
        rapport = self.get_object()
        if not rapport.downloadbaar:
            raise Http404(_g("Dit rapport heeft (nog) geen PDF."))
        try:
            bestand = rapport.pdf.open("rb")
        except FileNotFoundError as fout:
            raise Http404(_g("Het PDF-bestand ontbreekt.")) from fout
        return FileResponse(bestand, as_attachment=True, filename=rapport.bestandsnaam, content_type="application/pdf")


class BevestigView(RapportMixin, generic.ObjectPermissionMixin, django_generic.DetailView):
    """GET: a confirmation page; POST: the action."""

    model = Rapport
    template_name = "rapportage/rapport_bevestig.html"
    vraag = ""
    knop = ""

    def get_queryset(self):
        return Rapport.objects.defer("snapshot")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["titel"] = f"{self.knop}: {self.object}"
        context["vraag"] = self.vraag
        context["knop"] = self.knop
        context["breadcrumbs"].append((str(self.object), self.object.get_absolute_url()))
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            doel = self.uitvoeren(self.object)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
            return HttpResponseRedirect(self.object.get_absolute_url())
        return HttpResponseRedirect(doel.get_absolute_url())


class RapportOpnieuwView(BevestigView):
    permission_action = "add"
    vraag = _(
        "Er wordt een nieuwe versie van dit rapport gemaakt met de gegevens en toelichtingen van nu. "
        "Eerdere versies blijven beschikbaar."
    )
    knop = _("Opnieuw genereren")

    def uitvoeren(self, rapport):
        nieuw = services.opnieuw(rapport, self.request.user)
        messages.success(self.request, _g("Versie %(versie)s wordt gemaakt.") % {"versie": nieuw.versie})
        return nieuw


class RapportDefinitiefView(BevestigView):
    permission_required = ("rapportage.definitief_maken",)
    vraag = _(
        "Na definitief maken kan dit rapport niet meer worden gewijzigd of verwijderd, en komt er voor deze "
        "peildatum geen nieuwe versie meer. De PDF krijgt de status ‘definitief’, met de teksten zoals ze nu zijn."
    )
    knop = _("Definitief maken")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nog_nodig"] = services.ontbreekt_voor_definitief(self.object)
        return context

    def uitvoeren(self, rapport):
        rapport = services.vraag_definitief(rapport, self.request.user)
        if rapport.definitief:
            messages.success(self.request, _g("%(rapport)s is definitief.") % {"rapport": rapport})
        elif rapport.wordt_definitief:
            messages.success(self.request, _g("%(rapport)s wordt nu definitief gemaakt.") % {"rapport": rapport})
        else:  # refused by the task (run in the request when Celery is eager)
            messages.error(self.request, rapport.foutmelding)
        return rapport


class ToelichtingDetailView(generic.ObjectDetailView):
    model = Toelichting
    velden = ("soort", "peildatum", "sectie")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.vastgesteld or not mag_tekst_schrijven(self.request.user, self.object):
            context["wijzig_url"] = None
        return context


class ToelichtingEditView(generic.ObjectEditView):
    """Write one text; ‘Voorbeeld bekijken’ shows it formatted as in the PDF without saving. A save over
    someone else's newer save is refused (VersieModel) and the typed text stays in the form."""

    model = Toelichting
    form_class = ToelichtingForm
    template_name = "rapportage/toelichting_form.html"

    def controleer_wijzigbaar(self, obj):
        if obj.vastgesteld:
            raise PermissionDenied(_g("Het rapport is definitief; de toelichting kan niet meer worden gewijzigd."))
        if not mag_tekst_schrijven(self.request.user, obj):
            raise PermissionDenied(_g("Deze tekst schrijft de opgavemanager."))

    def form_valid(self, form):
        if "voorbeeld" in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form, voorbeeld=form.cleaned_data["tekst"]))
        return super().form_valid(form)

    def get_success_url(self):
        laatste = (
            Rapport.objects.filter(soort=self.object.soort, peildatum=self.object.peildatum).order_by("-versie").first()
        )
        return laatste.get_absolute_url() if laatste else self.object.get_absolute_url()


class VoorbladView(generic.ObjectPermissionMixin, django_generic.View):
    """The one row of cover data (created on first visit)."""

    model = Voorblad

    def get(self, request, *args, **kwargs):
        return redirect(Voorblad.huidig())


class VoorbladEditView(generic.ObjectEditView):
    model = Voorblad
    form_class = VoorbladForm
