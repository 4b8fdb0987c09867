from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from noordwijk_migratie import generic
from noordwijk_migratie.cache import gecachet
from noordwijk_migratie.paginacache import PaginaCacheMixin
from themasessies.queries import themasessies_kerncijfers

from . import grafieken, queries
from .filtersets import ActieFilterSet, IndicatorFilterSet, MetingFilterSet, VoortgangsnotitieFilterSet
from .forms import ActieForm, MetingForm, VoortgangsnotitieForm
from .models import Programmalijn
from .tables import ActieTable, IndicatorTable, MetingTable, ProgrammalijnTable, VoortgangsnotitieTable


class IndexView(generic.AppIndexView):
    template_name = "programma/index.html"
    titel = _("Programma")
    inleiding = _("Programmalijnen, acties uit Bijlage 1 en de indicatoren 'Meetbaar door' met metingen.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("programma.view_programmalijn"):
            context["peildatum"] = timezone.localdate()
            context["overzicht"] = gecachet(
                "programma-overzicht",
                (context["peildatum"].isoformat(),),
                lambda: queries.programma_overzicht(context["peildatum"]),
            )
        return context


class ProgrammalijnListView(generic.ObjectListView):
    table_class = ProgrammalijnTable

    def get_queryset(self):
        return Programmalijn.objects.annotate(
            aantal_acties=Count("acties", distinct=True), aantal_indicatoren=Count("indicatoren", distinct=True)
        ).order_by("nummer")


class ProgrammalijnDetailView(generic.ObjectDetailView):
    """A line's status counts over all its actions; of its actions (per subthema), overdue actions, follow-ups
    and indicators the first PER_LIJST, each with a link to its list filtered on the line, which has them all:
    the page grows with what it shows, not with the history."""

    velden = ("nummer", "naam", "omschrijving", "trekker")
    PER_LIJST = 25
    TE_LAAT = 10  # overdue actions listed under the counts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        peildatum = timezone.localdate()
        lijn = self.object
        per = self.PER_LIJST

        def maak():
            overzicht, acties = queries.lijn_met_acties(lijn, peildatum)
            subthemas = dict(lijn.subthemas.values_list("naam", "pk"))
            groepen = {}
            for actie in acties:
                groepen.setdefault(actie.subthema, []).append(actie)
            actiegroepen = [
                {"subthema": naam, "subthema_id": subthemas.get(naam), "acties": groep[:per], "aantal": len(groep)}
                for naam, groep in groepen.items()
            ]
            vervolgacties = queries.vervolgacties_voor_lijn(lijn, peildatum)
            return overzicht, actiegroepen, vervolgacties[:per], len(vervolgacties)

        overzicht, actiegroepen, vervolgacties, aantal_vervolgacties = gecachet(
            "programmalijn", (lijn.pk, peildatum.isoformat(), per), maak
        )
        context.update(
            peildatum=peildatum,
            overzicht=overzicht,
            te_laat=overzicht.te_laat[: self.TE_LAAT],
            actiegroepen=actiegroepen,
            indicatoren=lijn.indicatoren.all()[:per],
            vervolgacties=vervolgacties,
            aantal_vervolgacties=aantal_vervolgacties,
        )
        if lijn.nummer == 2 and self.request.user.has_perm("themasessies.view_sessie"):
            context["kerncijfers"] = themasessies_kerncijfers(peildatum)  # the measures of the integral approach
        return context


class ActieListView(generic.ObjectListView):
    table_class = ActieTable
    filterset_class = ActieFilterSet


class ActieDetailView(generic.ObjectDetailView):
    velden = (
        "code",
        "programmalijn",
        "subthema",
        "tekst",
        "trekker",
        "status",
        "reden_niet_uitvoeren",
        "gepland_start",
        "gepland_eind",
        "werkelijk_start",
        "werkelijk_eind",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["te_laat"] = self.object.is_te_laat(timezone.localdate())
        context["doelgroepen"] = self.object.doelgroepen.all()
        context["notities"] = self.object.notities.all()
        context["statusgeschiedenis"] = self.object.statuswijzigingen.all()
        context["vervolgacties"] = self.object.vervolgacties.select_related("sessie")
        context["notitie_toevoegen"] = self.request.user.has_perm("programma.add_voortgangsnotitie")
        return context


class ActieEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = ActieForm
    initieel_uit_query = ("programmalijn",)


class VoortgangsnotitieListView(generic.ObjectListView):
    table_class = VoortgangsnotitieTable
    filterset_class = VoortgangsnotitieFilterSet


class VoortgangsnotitieEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = VoortgangsnotitieForm
    initieel_uit_query = ("actie",)

    def get_initial(self):
        initial = super().get_initial()
        initial.setdefault("datum", timezone.localdate())
        return initial


class IndicatorListView(generic.ObjectListView):
    table_class = IndicatorTable
    filterset_class = IndicatorFilterSet


class IndicatorDetailView(PaginaCacheMixin, generic.ObjectDetailView):
    velden = ("code", "programmalijn", "tekst", "type", "richting", "streefwaarde", "eenheid", "berekening")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reeks = queries.indicator_reeks(self.object)
        rijen = [*reeks.handmatig, *reeks.berekend]
        rijen.sort(key=lambda p: (p.datum, p.soort))
        context.update(
            reeks=reeks,
            rijen=rijen,
            grafiek=grafieken.indicator_verloop(reeks),  # the spec the evaluation report draws too
            meting_toevoegen=self.request.user.has_perm("programma.add_meting"),
        )
        return context


class MetingListView(generic.ObjectListView):
    table_class = MetingTable
    filterset_class = MetingFilterSet


class MetingDetailView(generic.ObjectDetailView):
    velden = ("indicator", "datum", "waarde_getal", "waarde_ja_nee", "waarde_tekst", "bron", "toelichting")


class MetingEditView(generic.InitieelUitQueryMixin, generic.ObjectEditView):
    form_class = MetingForm
    initieel_uit_query = ("indicator",)

    def get_success_url(self):
        return self.object.indicator.get_absolute_url()  # the series with the new measurement
