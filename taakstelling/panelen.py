"""The statushouders panel of the dashboard (also a section of the halfjaarrapportage) and its signals."""

from django.urls import reverse
from django.utils.translation import gettext as _

from noordwijk_migratie import actualiteit
from noordwijk_migratie.getallen import datum
from noordwijk_migratie.panelen import cijfer, paneel

from . import grafieken, queries


def overzicht(peil):
    """The period chain on the peildatum, computed once per dashboard or report."""
    return peil.gedeeld("taakstelling.overzicht", lambda: queries.periode_overzicht_gecachet(peil.datum))


def kerncijfers(peil):
    return peil.gedeeld("taakstelling.kern", lambda: queries.statushouders_kerncijfers(peil.datum, overzicht(peil)))


DASHBOARD_PERIODEN = 8  # the panel's chart; the statushouders page and the report draw the whole chain


def _recente_perioden(perioden) -> list[dict]:
    """The chart of the panel: the latest periods begun by the peildatum, not the whole history (decades of
    half years would be as many unreadable bars, and grow the dashboard with the history)."""
    if len(perioden) <= DASHBOARD_PERIODEN:
        return grafieken.perioden(perioden)
    begonnen = [p for p in perioden if p.status != "toekomstig"] or list(perioden)
    titel = _("Gecorrigeerde taakstelling, realisatie en saldo eind van de laatste %(n)s perioden") % {
        "n": DASHBOARD_PERIODEN
    }
    return grafieken.perioden(begonnen[-DASHBOARD_PERIODEN:], titel)


def statushouders(peil) -> dict:
    perioden, kern = overzicht(peil), kerncijfers(peil)
    p = kern.periode
    index = reverse("taakstelling:index")
    cijfers = []
    if p is not None:
        cijfers = [
            cijfer(_("Periode"), p.label, reverse("taakstelling:periode_detail", args=[p.id]) if p.id else index),
            cijfer(_("Netto taakstelling"), p.netto),
            cijfer(_("Saldo begin"), p.saldo_begin_tekst),
            cijfer(_("Gecorrigeerde taakstelling"), p.gecorrigeerd),
            cijfer(
                _("Gerealiseerd (%(bron)s, stand %(datum)s)")
                % {"bron": p.bron_tekst, "datum": p.realisatie_per or "?"},
                p.realisatie,
                reverse("taakstelling:plaatsing_list"),
                # the label names the date already: the stand is shown to say that it is verouderd
                stand=actualiteit.tekst(p.realisatie_per, p.realisatie_verouderd, _("stand"))
                if p.realisatie_verouderd
                else "",
                verouderd=p.realisatie_verouderd,
            ),
            cijfer(_("Volgens COA"), p.coa_tekst or _("nog geen COA-stand")),
            cijfer(_("COA-norm op schema"), p.op_schema_norm),
            cijfer(_("Prognose einde periode"), kern.prognose_realisatie),
        ]
    elif kern.laatste_afgesloten is not None:
        laatst = kern.laatste_afgesloten
        cijfers = [
            cijfer(
                _("Laatste afgesloten periode"),
                laatst.label,
                reverse("taakstelling:periode_detail", args=[laatst.id]) if laatst.id else index,
            ),
            cijfer(_("Gecorrigeerde taakstelling"), laatst.gecorrigeerd),
            cijfer(_("Gerealiseerd (%(bron)s)") % {"bron": laatst.bron_tekst}, laatst.realisatie),
            cijfer(_("Saldo eind"), laatst.saldo_eind_tekst),
        ]
    cijfers.append(
        cijfer(
            _("Interventieladder"),
            _("trede %(t)s") % {"t": kern.trede} if kern.trede else _("onbekend"),
            reverse("taakstelling:tredehistorie_list"),
        )
    )
    return paneel(
        "statushouders",
        _("Statushouders"),
        index,
        kern.status,
        kern.status_tekst,
        kern.regel,
        cijfers,
        _recente_perioden(perioden),
        kern.toelichting,
    )


def signalen(peil) -> list[dict]:
    """No period for the peildatum (with the one-click "volgende periode toevoegen"), stale official
    figures of the running period, a chain that does not reconcile with its beginsaldo, placements past
    their legal terms and the interventieladder's warning."""
    kern = kerncijfers(peil)
    lijst = reverse("taakstelling:plaatsing_list")
    uit = []
    if kern.periode is None:
        url = reverse("taakstelling:periode_aanvullen")
        tekst = _("Geen periode voor %(datum)s: volgende periode toevoegen") % {"datum": datum(peil.datum)}
        if kern.ontbrekend:
            tekst = _(
                "Geen periode voor %(datum)s: de netto taakstelling van %(perioden)s ontbreekt — volgende periode toevoegen"
            ) % {
                "datum": datum(peil.datum),
                "perioden": ", ".join(kern.ontbrekend),
            }
        uit.append({"ernst": "waarschuwing", "url": url, "tekst": tekst})
    else:
        p = kern.periode
        detail = reverse("taakstelling:periode_detail", args=[p.id]) if p.id else reverse("taakstelling:index")
        if p.realisatie_verouderd:
            uit.append(
                {
                    "ernst": "waarschuwing",
                    "url": detail,
                    "tekst": _(
                        "Officiële realisatie %(periode)s is verouderd (stand %(datum)s): status onbekend — voer een "
                        "nieuwe stand in"
                    )
                    % {"periode": p.label, "datum": p.realisatie_per or _("zonder datum")},
                }
            )
        if p.coa_verouderd:
            uit.append(
                {
                    "ernst": "waarschuwing",
                    "url": f"{reverse('taakstelling:coastand_list')}?periode={p.id}",
                    "tekst": _("Realisatie volgens COA %(periode)s: %(stand)s — vraag een nieuwe stand op bij het COA")
                    % {"periode": p.label, "stand": p.coa_tekst},
                }
            )
    for r in overzicht(peil):
        if r.aansluiting and r.saldo_begin_soort == "anker":
            url = reverse("taakstelling:periode_detail", args=[r.id]) if r.id else reverse("taakstelling:index")
            uit.append({"ernst": "waarschuwing", "url": url, "tekst": r.aansluiting})
    if kern.koppelingen_over_termijn:
        uit.append(
            {
                "ernst": "waarschuwing",
                "url": f"{lijst}?signaal=koppeling",
                "tekst": _("%(n)s koppeling(en) zonder woningaanbod binnen 10 weken")
                % {"n": kern.koppelingen_over_termijn},
            }
        )
    if kern.verhuizingen_over_termijn:
        uit.append(
            {
                "ernst": "waarschuwing",
                "url": f"{lijst}?signaal=verhuizing",
                "tekst": _("%(n)s huishouden(s) niet verhuisd binnen 2 weken na ingang huur")
                % {"n": kern.verhuizingen_over_termijn},
            }
        )
    if kern.trede_waarschuwing:
        uit.append({"ernst": "kritiek", "url": reverse("taakstelling:index"), "tekst": kern.trede_toelichting})
    return uit
