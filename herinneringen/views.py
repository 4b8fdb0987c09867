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
        soorten = {code: s.titel for code, s in registry.herinneringen().items()}
        meldingen = list(diensten.open_meldingen(gebruiker).order_by("datum", "pk"))
        for m in meldingen:
            m.titel = soorten.get(m.soort, m.soort)
        ontvanger = next(iter(uitkomst.ontvangers), None)
        context = super().get_context_data(**kwargs)
        context.update(
            titel=_("Mijn werk"),
            breadcrumbs=[],
            open=[m for m in meldingen if m.gezien_op is None],
            gezien=[m for m in meldingen if m.gezien_op is not None],
            voorkeur=ontvanger.voorkeur if ontvanger else None,
            focus=Doelgroep.objects.filter(code__in=ontvanger.focus).order_by("volgorde") if ontvanger else [],
            is_beleidsadviseur=bool(ontvanger and "beleidsadviseur" in ontvanger.rollen),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = GezienForm(request.POST)
        if not form.is_valid() or not diensten.markeer_gezien(
            request.user, form.cleaned_data["melding"], form.cleaned_data["gezien"]
        ):
            messages.error(request, _("Deze herinnering bestaat niet (meer) of is niet van u."))
        return HttpResponseRedirect(reverse("herinneringen:mijn_werk"))


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
