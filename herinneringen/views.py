"""Mijn werk (the user's open reminders, with "gezien") and the user's preferences. Only for roles that
receive reminders (permission ``herinneringen.ontvangen``); each user sees and changes only their own."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from noordwijk_migratie import generic, registry
from noordwijk_migratie.models import Doelgroep

from . import diensten
from .bijdragen import ONTVANGEN
from .forms import GezienForm, VoorkeurForm
from .models import Melding, Voorkeur
from .tables import MeldingTable

PER_SOORT = 10  # Mijn werk shows the first ten of each kind, with a link to all of them
PER_PAGINA = 50


def soorten_voor(ontvanger: diensten.Ontvanger):
    """The registered kinds the user's roles receive (switched off or not)."""
    return [s for s in registry.herinneringen().values() if ontvanger.rollen & set(s.rollen)]


class MijnWerkView(generic.ObjectPermissionMixin, TemplateView):
    model = Melding
    permission_required = ONTVANGEN
    template_name = "herinneringen/mijn_werk.html"

    def get_context_data(self, **kwargs):
        gebruiker = self.request.user
        # the current state, not that of the last run: done work is gone, new work is here
        uitkomst = diensten.bijwerken(timezone.localdate(), gebruikers=[gebruiker])
        titels = {code: s.titel for code, s in registry.herinneringen().items()}
        gekozen = self.request.GET.get("soort", "")
        gekozen = gekozen if gekozen in titels else ""
        ontvanger = next(iter(uitkomst.ontvangers), None)
        context = super().get_context_data(**kwargs)
        context.update(
            titel=_("Mijn werk"),
            breadcrumbs=[],
            voorkeur=ontvanger.voorkeur if ontvanger else None,
            focus=Doelgroep.objects.filter(code__in=ontvanger.focus).order_by("volgorde") if ontvanger else [],
            is_beleidsadviseur=bool(ontvanger and "beleidsadviseur" in ontvanger.rollen),
        )
        if gekozen:  # one kind, all its reminders, paged
            context["titel"] = f"{_('Mijn werk')}: {titels[gekozen]}"
            context["breadcrumbs"] = [(_("Mijn werk"), reverse("herinneringen:mijn_werk"))]
            context.update(soort=gekozen, soort_titel=titels[gekozen], **self._pagina(gebruiker, gekozen, titels))
        else:  # every kind: the counts, and the first few of each
            context.update(self._overzicht(gebruiker, titels))
        return context

    def _overzicht(self, gebruiker, titels) -> dict:
        """Per kind (in the order the apps registered them) its open and seen reminders: how many, and the
        first PER_SOORT of each by date. One query, whatever the number of reminders."""
        groepen = {}
        for m in diensten.eerste_per_soort(gebruiker, PER_SOORT):
            m.titel = titels.get(m.soort, m.soort)
            groep = groepen.setdefault((m.gezien_op is not None, m.soort), {"soort": m.soort, "titel": m.titel})
            groep.update(aantal=m.aantal, meer=m.aantal > PER_SOORT)
            groep.setdefault("meldingen", []).append(m)
        volgorde = {code: i for i, code in enumerate(titels)}
        op_volgorde = sorted(groepen.items(), key=lambda item: volgorde.get(item[0][1], len(volgorde)))
        open_ = [g for (gezien_, _s), g in op_volgorde if not gezien_]
        gezien = [g for (gezien_, _s), g in op_volgorde if gezien_]
        tellingen = {}
        for (gezien_, code), g in op_volgorde:
            telling = tellingen.setdefault(code, {"soort": code, "titel": g["titel"], "open": 0, "gezien": 0})
            telling["gezien" if gezien_ else "open"] = g["aantal"]
        return {
            "tellingen": list(tellingen.values()),
            "open_groepen": open_,
            "gezien_groepen": gezien,
            "aantal_open": sum(g["aantal"] for g in open_),
            "aantal_gezien": sum(g["aantal"] for g in gezien),
            "per_soort": PER_SOORT,
        }

    def _pagina(self, gebruiker, soort, titels) -> dict:
        """All reminders of one kind, open and seen each a table paged by PER_PAGINA (``?open-page=``,
        ``?gezien-page=``)."""
        uit = {}
        for naam, gezien in (("open", False), ("gezien", True)):
            qs = diensten.open_meldingen(gebruiker).filter(soort=soort, gezien_op__isnull=not gezien)
            tabel = MeldingTable(qs.order_by("datum", "pk"), titel=titels[soort], gezien=gezien, prefix=f"{naam}-")
            uit[f"{naam}_tabel"] = generic.pagineer(tabel, self.request, PER_PAGINA)
        uit["aantal_open"] = uit["open_tabel"].paginator.count
        uit["aantal_gezien"] = uit["gezien_tabel"].paginator.count
        return uit

    def post(self, request, *args, **kwargs):
        form = GezienForm(request.POST)
        if not form.is_valid() or not diensten.markeer_gezien(
            request.user, form.cleaned_data["melding"], form.cleaned_data["gezien"]
        ):
            messages.error(request, _("Deze herinnering bestaat niet (meer) of is niet van u."))
        terug = reverse("herinneringen:mijn_werk")  # back to the same kind and page
        return HttpResponseRedirect(f"{terug}?{request.GET.urlencode()}" if request.GET else terug)


class VoorkeurenView(generic.ObjectPermissionMixin, FormView):
    model = Voorkeur
    permission_required = ONTVANGEN
    template_name = "herinneringen/voorkeuren.html"
    form_class = VoorkeurForm

    def get_form_kwargs(self):
        self.ontvanger = next(iter(diensten.ontvangers([self.request.user])), None)
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.ontvanger.voorkeur if self.ontvanger else diensten.voorkeur_van(self.request.user)
        kwargs["soorten"] = soorten_voor(self.ontvanger) if self.ontvanger else []
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            titel=_("Voorkeuren voor herinneringen"),
            breadcrumbs=[(_("Mijn werk"), reverse("herinneringen:mijn_werk"))],
            soorten=[
                {"titel": s.titel, "omschrijving": s.omschrijving, "wanneer": diensten.wanneer(s)}
                for s in (soorten_voor(self.ontvanger) if self.ontvanger else [])
            ],
        )
        return context

    def form_valid(self, form):
        form.save()
        diensten.bijwerken(timezone.localdate(), gebruikers=[self.request.user])
        messages.success(self.request, _("Uw voorkeuren zijn opgeslagen."))
        return HttpResponseRedirect(reverse("herinneringen:mijn_werk"))

    def form_invalid(self, form):
        messages.error(self.request, _("De voorkeuren zijn niet opgeslagen: verbeter de gemarkeerde velden."))
        return super().form_invalid(form)
