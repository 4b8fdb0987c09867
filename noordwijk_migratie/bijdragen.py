"""What the project package (app ``kern``) contributes: reference data and beheer."""

from django.utils.translation import gettext_lazy as _

from .registry import App, Navigatie, Pagina

app = App(
    "kern",
    projectdata=True,  # reference data (gemeenten, doelgroepen) feeds every figure
    navigatie=(Navigatie(_("Beheer"), "kern:beheer", volgorde=90),),
    paginas=(
        Pagina("kern:gemeente_list", _("De 13 gemeenten van Holland Rijnland met CBS-code en subregio.")),
        Pagina("kern:corporatie_list", _("De woningcorporaties die bij een plaatsing te kiezen zijn.")),
        Pagina("kern:doelgroep_list", _("De vier groepen nieuwkomers.")),
        Pagina("kern:audit_list", _("Alle wijzigingen: wie, wanneer, wat."), _("Wijzigingsgeschiedenis")),
        Pagina(
            "admin:index",
            _("Beheeromgeving voor accounts en rollen."),
            _("Gebruikers en rollen"),
            permissie="auth.view_user",
        ),
    ),
)
