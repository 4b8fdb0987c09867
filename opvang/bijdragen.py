"""What the opvang app contributes (see noordwijk_migratie.registry)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.panelen import als_sectie
from noordwijk_migratie.registry import App, Herinnering, Navigatie, Pagina, Paneel, Sectie
from rapportage.secties import HALFJAAR

from . import herinneringen, panelen, rapportsecties

app = App(
    "opvang",
    domein=True,
    urls=(("opvang/", "opvang.urls"),),
    navigatie=(Navigatie(_("Opvang"), "opvang:index", volgorde=30),),
    paginas=(
        Pagina(
            "opvang:oekraine",
            _("Opgave, beschikbare en bezette plaatsen, tijdlijn en maandcijfers leefgeld en eigen bijdrage."),
            _("Overzicht Oekraïense ontheemden"),
        ),
        Pagina(
            "opvang:asielzoekers",
            _("De opgave van 275 plaatsen (waarvan 23 AMV) tegen de pijplijn van locaties per fase."),
            _("Overzicht asielzoekers (Spreidingswet)"),
        ),
        Pagina(
            "opvang:statushouders",
            _("Tijdelijke plaatsen en reserveringen voor statushouders."),
            _("Overzicht statushouders (tijdelijke huisvesting)"),
        ),
        Pagina(
            "opvang:bezetting_invoer", _("Eén datum, alle actieve locaties in één scherm."), _("Bezetting invoeren")
        ),
        Pagina("opvang:opvanglocatie_list", _("Register van locaties met type, fase, termijn en besluiten.")),
        Pagina(
            "opvang:capaciteitsstand_list",
            _("Gedateerde capaciteit, niet-inzetbare en gereserveerde plaatsen per locatie."),
        ),
        Pagina(
            "opvang:bezetting_list", _("De gedateerde bezetting per locatie, met import uit CSV/XLSX."), _("Bezetting")
        ),
        Pagina("opvang:mijlpaal_list", _("Fasen van locaties met datum en besluitdocument.")),
        Pagina("opvang:opgave_list", _("Gedateerde opgaven per doelgroep met bron en einde cyclus.")),
        Pagina("opvang:beleidsdatum_list", _("Bewerkbare beleidsdatums, zoals het einde van de RTB.")),
        Pagina(
            "opvang:oekrainemaandcijfer_list",
            _("Leefgeld en eigen bijdrage per maand (alleen totalen)."),
            _("Maandcijfers Oekraïne"),
        ),
    ),
    panelen=(Paneel("oekraine", 20, panelen.oekraine), Paneel("asielzoekers", 30, panelen.asielzoekers)),
    secties=(
        Sectie(HALFJAAR, "oekraine", _("Oekraïense ontheemden: opvang"), 70, als_sectie(panelen.oekraine)),
        Sectie(HALFJAAR, "asielzoekers", _("Asielzoekers: Spreidingswet"), 75, als_sectie(panelen.asielzoekers)),
        Sectie(HALFJAAR, "termijnen", _("Komende besluiten en termijnen"), 95, rapportsecties.termijnen),
    ),
    signalen=(panelen.signalen,),
    termijnen=(panelen.termijnen,),
    herinneringen=(
        Herinnering(
            "opvang.beleidsdatum",
            _("Beleidsdatum nadert"),
            herinneringen.beleidsdatums,
            rollen=("beleidsadviseur", "opgavemanager"),
            dagen_vooraf=(90, 30, 7),
            omschrijving=_(
                "Een beleidsdatum (einde RTB, raadsvergadering) of het einde van een cyclus van de Spreidingswet nadert."
            ),
        ),
        Herinnering(
            "opvang.mijlpaal_verlopen",
            _("Mijlpaal over datum, nog gepland"),
            herinneringen.mijlpalen_verlopen,
            rollen=("beleidsadviseur",),
            omschrijving=_("De datum van een mijlpaal van een locatie is voorbij en hij staat nog op 'gepland'."),
        ),
        Herinnering(
            "opvang.bezetting_verouderd",
            _("Bezettingstelling verouderd"),
            herinneringen.bezetting_verouderd,
            rollen=("beleidsadviseur",),
            omschrijving=_(
                "De laatste bezetting van een locatie in gebruik is ouder dan de grens "
                "(OPVANG_BEZETTING_VEROUDERD_DAGEN, standaard 45 dagen)."
            ),
        ),
        Herinnering(
            "opvang.capaciteit_verouderd",
            _("Capaciteitsstand verouderd"),
            herinneringen.capaciteit_verouderd,
            rollen=("beleidsadviseur",),
            omschrijving=_(
                "De geldende capaciteitsstand van een locatie in gebruik is ouder dan de grens "
                "(OPVANG_CAPACITEIT_VEROUDERD_DAGEN, standaard 180 dagen)."
            ),
        ),
    ),
)
