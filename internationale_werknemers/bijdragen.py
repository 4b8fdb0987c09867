"""What the internationale werknemers app contributes (see noordwijk_migratie.registry)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.panelen import als_sectie
from noordwijk_migratie.registry import App, Indicator, Navigatie, Pagina, Paneel, Sectie
from rapportage.secties import HALFJAAR

from . import indicatoren, panelen

APP = "internationale_werknemers"

app = App(
    APP,
    domein=True,
    urls=(("internationale-werknemers/", "internationale_werknemers.urls"),),
    navigatie=(Navigatie(_("Internationale werknemers"), f"{APP}:index", volgorde=40),),
    paginas=(
        Pagina(
            f"{APP}:beleidsplan_list",
            _("Het beleidsplan internationale werknemers en de raadsbesluitvorming."),
            _("Beleidsplan"),
        ),
        Pagina(f"{APP}:actielijn_list", _("De 8 actielijnen van het uitvoeringsplan.")),
        Pagina(f"{APP}:budgetpost_list", _("Structureel budget en cofinanciering (Regiodeal).")),
        Pagina(
            f"{APP}:budgetjaar_list", _("Begroot, toegezegd en besteed per budgetpost en jaar."), _("Budget per jaar")
        ),
        Pagina(f"{APP}:huisvestingsinitiatief_list", _("Initiatieven en hun toetsing aan het toetsingskader.")),
        Pagina(
            f"{APP}:toetsingscriterium_list",
            _("De criteria van het toetsingskader 'nieuwe huisvestingsinitiatieven'."),
            _("Toetsingskader"),
        ),
        Pagina(f"{APP}:pilotlocatie_list", _("De drie pilotlocaties voor tijdelijke huisvesting.")),
        Pagina(f"{APP}:pilotstand_list", _("Geplande en gerealiseerde bedden door de tijd.")),
        Pagina(
            f"{APP}:woning_list",
            _("Vergunde woningen, certificaten en onttrekking aan de woningvoorraad."),
            _("Woningen en panden"),
        ),
        Pagina(f"{APP}:inspectie_list", _("Inspecties met de checklist van de SNF-normen.")),
        Pagina(
            f"{APP}:registratiestand_list",
            _("Aantallen inschrijvingen in de RNI en de BRP; ook importeren."),
            _("Inschrijvingen RNI/BRP"),
        ),
        Pagina(f"{APP}:informatiebereik_list", _("Bereik van de informatieapp en het informatiepunt.")),
    ),
    panelen=(Paneel("internationale-werknemers", 40, panelen.internationale_werknemers),),
    secties=(
        Sectie(
            HALFJAAR,
            "internationale_werknemers",
            _("Internationale werknemers"),
            80,
            als_sectie(panelen.internationale_werknemers),
        ),
    ),
    indicatoren=(
        Indicator("iw_inschrijvingen_rni_brp", indicatoren.inschrijvingen_rni_brp, _("Inschrijvingen RNI en BRP")),
        Indicator(
            "iw_woningen_voldoen_normen",
            indicatoren.woningen_voldoen_normen,
            _("Vergunde woningen die voldoen aan de kwaliteitsnormen"),
        ),
        Indicator(
            "iw_woningen_terug_in_voorraad",
            indicatoren.woningen_terug_in_voorraad,
            _("Woningen terug naar de lokale woningvoorraad"),
        ),
        Indicator(
            "iw_initiatieven_voldoen",
            indicatoren.initiatieven_voldoen,
            _("Initiatieven die voldoen aan de lokale voorwaarden"),
        ),
        Indicator("iw_informatiebereik", indicatoren.informatiebereik, _("Bereik informatieapp en informatiepunt")),
    ),
)
