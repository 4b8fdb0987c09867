"""What the programme app contributes (see noordwijk_migratie.registry)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.registry import App, Herinnering, Navigatie, Pagina, Sectie
from rapportage.secties import EVALUATIE, HALFJAAR

from . import herinneringen, panelen, rapportsecties

PROGRAMMALIJNEN = (
    (1, _("Programmalijn 1: wettelijke taken statushouders, asielopvang en Oekraïense ontheemden")),
    (2, _("Programmalijn 2: integrale samenhangende aanpak met maatschappelijke partners")),
    (3, _("Programmalijn 3: beleidsplan internationale werknemers")),
    (4, _("Programmalijn 4: evaluatie juni 2027")),
)

app = App(
    "programma",
    domein=True,
    urls=(("programma/", "programma.urls"),),
    navigatie=(Navigatie(_("Programma"), "programma:index", volgorde=50),),
    paginas=(
        Pagina(
            "programma:programmalijn_list",
            _("De vier programmalijnen met statustelling, acties over datum en vervolgacties."),
        ),
        Pagina("programma:actie_list", _("Alle acties uit Bijlage 1 en toegevoegde acties, met status.")),
        Pagina("programma:voortgangsnotitie_list", _("Gedateerde voortgang per actie.")),
        Pagina("programma:indicator_list", _("De regels 'Meetbaar door' met verloop, berekende waarden en trend.")),
        Pagina("programma:meting_list", _("Handmatige metingen met datum en bron.")),
    ),
    secties=(
        Sectie(
            HALFJAAR,
            "programma_acties",
            _("Voortgang van de acties uit het programma"),
            90,
            rapportsecties.programma_acties,
        ),
        *(
            Sectie(
                EVALUATIE, f"programmalijn_{nummer}", titel, 20 + nummer, rapportsecties.programmalijn_sectie(nummer)
            )
            for nummer, titel in PROGRAMMALIJNEN
        ),
    ),
    signalen=(panelen.signalen,),
    herinneringen=(
        Herinnering(
            "programma.actie_te_laat",
            _("Actie over de geplande einddatum"),
            herinneringen.acties_te_laat,
            rollen=("beleidsadviseur", "opgavemanager"),
            omschrijving=_("Een actie is na de geplande einddatum nog niet afgerond (of bewust niet uitgevoerd)."),
        ),
    ),
)
