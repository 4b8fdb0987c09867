"""What the theme sessions app contributes (see noordwijk_migratie.registry)."""

from django.utils.translation import gettext_lazy as _

from noordwijk_migratie.registry import App, Herinnering, Indicator, Navigatie, Pagina, Sectie
from rapportage.secties import EVALUATIE

from . import herinneringen, indicatoren, panelen, rapportsecties

app = App(
    "themasessies",
    domein=True,
    urls=(("themasessies/", "themasessies.urls"),),
    navigatie=(Navigatie(_("Themasessies"), "themasessies:index", volgorde=60),),
    paginas=(
        Pagina("themasessies:sessie_list", _("Brede themasessies met aanwezigheid en bevindingen.")),
        Pagina(
            "themasessies:thema_list",
            _("Thema's die partners of het team voorstellen, met stemmen en status."),
            _("Thema-inventarisatie"),
        ),
        Pagina("themasessies:partner_list", _("Maatschappelijke partners en hun betrokkenheid.")),
        Pagina("themasessies:contactpersoon_list", _("Contactpersonen bij de partners.")),
        Pagina(
            "themasessies:bevinding_list", _("Knelpunten, uitdagingen en oplossingen per invalshoek en perspectief.")
        ),
        Pagina("themasessies:vervolgactie_list", _("Afspraken uit de sessies met eigenaar en deadline.")),
    ),
    secties=(
        Sectie(
            EVALUATIE, "themasessies", _("Themasessies en betrokkenheid van partners"), 60, rapportsecties.themasessies
        ),
    ),
    indicatoren=(
        Indicator(
            "partners_betrokken",
            indicatoren.partners_betrokken,
            _("Goed contact met (maatschappelijke) partners"),
        ),
    ),
    signalen=(panelen.signalen,),
    herinneringen=(
        Herinnering(
            "themasessies.vervolgactie_te_laat",
            _("Vervolgactie over de deadline"),
            herinneringen.vervolgacties_te_laat,
            rollen=("beleidsadviseur",),
            omschrijving=_("Een vervolgactie van een themasessie is na de deadline nog niet afgerond."),
        ),
    ),
)
