"""What the reports app contributes: the dashboard, the report pages and the report's own sections."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.registry import App, Herinnering, Navigatie, Pagina, Sectie

from . import herinneringen, secties
from .secties import EVALUATIE, HALFJAAR

app = App(
    "rapportage",
    urls=(("", "rapportage.urls_dashboard"), ("rapportages/", "rapportage.urls")),
    navigatie=(
        Navigatie(_("Dashboard"), "dashboard", volgorde=10),
        Navigatie(_("Rapportages"), "rapportage:index", volgorde=80),
    ),
    paginas=(
        Pagina("rapportage:rapport_list", _("Alle rapporten en hun versies: status, downloaden, definitief maken.")),
        Pagina(
            "rapportage:rapport_add",
            _("Een halfjaarrapportage of het evaluatierapport laten maken."),
            _("Rapport aanvragen"),
        ),
        Pagina(
            "rapportage:voorblad",
            _("Gemeente, portefeuillehouder, opsteller en contact op het voorblad van elk rapport."),
            _("Voorbladgegevens"),
        ),
    ),
    secties=(
        Sectie(HALFJAAR, "omslag", _("Omslag"), 0, secties.halfjaar_omslag, toelichting=False, in_inhoudsopgave=False),
        Sectie(HALFJAAR, "kernboodschap", _("Kernboodschap"), 5, secties.kernboodschap, toelichting=False),
        Sectie(HALFJAAR, "samenvatting", _("Samenvatting"), 10, secties.halfjaar_samenvatting),
        Sectie(
            EVALUATIE, "omslag", _("Omslag"), 0, secties.evaluatie_omslag, toelichting=False, in_inhoudsopgave=False
        ),
        Sectie(EVALUATIE, "samenvatting", _("Samenvatting"), 10, secties.evaluatie_samenvatting),
        Sectie(EVALUATIE, "conclusies", _("Conclusies"), 900, secties.evaluatie_conclusies),
        Sectie(EVALUATIE, "vervolgopdracht", _("Vervolgopdracht"), 910, secties.evaluatie_vervolgopdracht),
    ),
    herinneringen=(
        Herinnering(
            "rapportage.concept_wacht",
            _("Conceptrapport wacht op definitief"),
            herinneringen.concept_wacht,
            rollen=("opgavemanager",),
            omschrijving=_("Een rapport is klaar als concept en geen versie ervan is definitief."),
        ),
    ),
    # Custom permissions on top of the role rules in noordwijk_migratie/roles.py.
    rollen={
        "opgavemanager": ("rapportage.definitief_maken", "rapportage.rapporttekst_schrijven"),
        "beleidsadviseur": (
            "rapportage.change_toelichting",
            "rapportage.add_toelichting",
            "rapportage.view_toelichting",
        ),
    },
)
