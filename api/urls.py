"""``/api/v1/`` (mounted by the registry, :mod:`api.bijdragen`). The API answers with its own
authentication (401/403 in JSON), so its views are exempt from the login redirect of the pages."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"


def _pad(route, view, name):
    return path(route, login_not_required(view.as_view()), name=name)


urlpatterns = [
    _pad("statushouders/perioden/", views.PeriodenView, "perioden"),
    _pad("statushouders/plaatsingen/", views.PlaatsingenView, "plaatsingen"),
    _pad("opvang/overzicht/", views.OpvangOverzichtView, "opvang_overzicht"),
    _pad("opvang/spreidingswet/", views.SpreidingswetView, "spreidingswet"),
    _pad("internationale-werknemers/kerncijfers/", views.IwKerncijfersView, "iw_kerncijfers"),
    _pad("programma/berekende-indicatoren/", views.BerekendeIndicatorenView, "berekende_indicatoren"),
    *(_pad(route, view, naam) for route, naam, view in views.GEGEVENS),
    _pad("schema/", SpectacularAPIView, "schema"),
]
