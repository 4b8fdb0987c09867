"""What the statushouders app contributes (see noordwijk_migratie.registry)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.registry import App, Herinnering, Indicator, Navigatie, Pagina, Paneel, Sectie
from rapportage.secties import HALFJAAR

from . import herinneringen, indicatoren, panelen, rapportsecties

app = App(
    "taakstelling",
    domein=True,
    schakelaar="MODULE_TAAKSTELLING_ACTIEF",
    urls=(("statushouders/", "taakstelling.urls"),),
    navigatie=(Navigatie(_("Statushouders"), "taakstelling:index", volgorde=20),),
    paginas=(
        Pagina(
            "taakstelling:periode_list",
            _("Netto taakstelling per halfjaar, officiële cijfers en COA-afstemming."),
            _("Perioden en taakstelling"),
        ),
        Pagina("taakstelling:plaatsing_list", _("Huishoudens van koppeling tot huisvesting, met termijnsignalen.")),
        Pagina(
            "taakstelling:nareiziger_list",
            _("Later aangekomen gezinsleden; tellen mee zodra het huishouden is gehuisvest."),
        ),
        Pagina("taakstelling:coastand_list", _("Maandstanden van het COA per periode."), _("COA-standen")),
        Pagina(
            "taakstelling:tredehistorie_list",
            _("Trede van de provincie en opeenvolgende perioden met achterstand."),
            _("Interventieladder"),
        ),
        Pagina("taakstelling:trede_list", _("De treden van de interventieladder."), _("Treden (referentie)")),
        Pagina(
            "taakstelling:regio_vergelijking",
            _("Doen we het slechter dan gemiddeld in de (sub)regio?"),
            _("Regiovergelijking"),
        ),
        Pagina("taakstelling:regiocijfer_list", _("Cijfers per gemeente en periode (import).")),
        Pagina("taakstelling:inburgeringcohort_list", _("Cohorten, leerroutes en succesratio."), _("Inburgering")),
        Pagina(
            "taakstelling:tijdelijkelocatie_list",
            _("Locaties met een maximum aantal statushouders (Trampoline II)."),
        ),
    ),
    panelen=(Paneel("statushouders", 10, panelen.statushouders, kern=rapportsecties.kernboodschap),),
    secties=(
        Sectie(
            HALFJAAR,
            "statushouders_kerncijfers",
            _("Statushouders: stand van de taakstelling"),
            20,
            rapportsecties.statushouders_kerncijfers,
        ),
        Sectie(
            HALFJAAR, "taakstelling_perioden", _("Taakstelling per periode"), 30, rapportsecties.taakstelling_perioden
        ),
        Sectie(HALFJAAR, "coa_afstemming", _("Afstemming met het COA"), 40, rapportsecties.coa_afstemming),
        Sectie(
            HALFJAAR,
            "interventieladder",
            _("Interbestuurlijk toezicht: interventieladder"),
            50,
            rapportsecties.interventieladder,
        ),
        Sectie(
            HALFJAAR, "regio_vergelijking", _("Vergelijking met de (sub)regio"), 60, rapportsecties.regio_vergelijking
        ),
        Sectie(HALFJAAR, "inburgering", _("Statushouders: inburgering per cohort"), 65, rapportsecties.inburgering),
    ),
    indicatoren=(
        Indicator("taakstelling_voldaan", indicatoren.taakstelling_voldaan, _("Voldoen we aan de taakstelling?")),
        Indicator(
            "regio_slechter_dan_gemiddeld",
            indicatoren.regio_slechter_dan_gemiddeld,
            _("Doen we het slechter dan gemiddeld in de (sub)regio?"),
        ),
        Indicator(
            "inburgering_succesratio", indicatoren.inburgering_succesratio, _("Deelname aan en succesratio inburgering")
        ),
    ),
    signalen=(panelen.signalen,),
    herinneringen=(
        Herinnering(
            "taakstelling.woningaanbod",
            _("Termijn woningaanbod (10 weken na koppeling)"),
            herinneringen.woningaanbod,
            rollen=("beleidsadviseur",),
            dagen_vooraf=(7, 0),
            omschrijving=_("Een gekoppeld huishouden heeft nog geen woningaanbod: een week voor en op de termijn."),
        ),
        Herinnering(
            "taakstelling.verhuizing",
            _("Termijn verhuizing (2 weken na ingang huur)"),
            herinneringen.verhuizing,
            rollen=("beleidsadviseur",),
            dagen_vooraf=(3, 0),
            omschrijving=_(
                "Een huishouden met een huurovereenkomst is nog niet verhuisd: 3 dagen voor en op de termijn."
            ),
        ),
        Herinnering(
            "taakstelling.periode_ontbreekt",
            _("Periode met netto taakstelling ontbreekt"),
            herinneringen.periode_ontbreekt,
            rollen=("beleidsadviseur", "opgavemanager"),
            dagen_vooraf=(14,),
            omschrijving=_(
                "Voor het lopende of het volgende halfjaar (vanaf 2 weken voor 1 januari of 1 juli) is geen periode "
                "ingevoerd."
            ),
        ),
        Herinnering(
            "taakstelling.coa_stand_verouderd",
            _("COA-stand verouderd"),
            herinneringen.coa_stand_verouderd,
            rollen=("beleidsadviseur",),
            omschrijving=_(
                "De COA-stand van de lopende periode is ouder dan de grens (TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN, "
                "standaard 45 dagen)."
            ),
        ),
        Herinnering(
            "taakstelling.interventieladder",
            _("Waarschuwingsdrempel interventieladder bereikt"),
            herinneringen.interventieladder,
            rollen=("beleidsadviseur", "opgavemanager"),
            omschrijving=_(
                "Zoveel afgesloten perioden op rij met een achterstand als de drempel "
                "(TAAKSTELLING_ACHTERSTAND_DREMPEL, standaard 4)."
            ),
        ),
    ),
    rollen={
        "beleidsadviseur": ("taakstelling.zie_coa_referentie",),
        "opgavemanager": ("taakstelling.wijzig_afgesloten_periode", "taakstelling.zie_coa_referentie"),
    },
)
