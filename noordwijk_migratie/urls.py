from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from mozilla_django_oidc.views import OIDCLogoutView

from . import generic, oidc, registry, tweestaps, views
from .models import Doelgroep, Gemeente

kern_patterns = [
    path("", views.BeheerView.as_view(), name="beheer"),
    *generic.crud_urls(
        Gemeente,
        list=views.GemeenteListView,
        detail=views.GemeenteDetailView,
        add=views.GemeenteEditView,
        edit=views.GemeenteEditView,
        delete=generic.ObjectDeleteView,
        prefix="gemeenten",
    ),
    *generic.crud_urls(Doelgroep, list=views.DoelgroepListView, detail=views.DoelgroepDetailView, prefix="doelgroepen"),
    path("gemeenten/importeren/", views.GemeenteImportView.as_view(), name="gemeente_import"),
    path("wijzigingen/", views.AuditListView.as_view(), name="audit_list"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/live", views.liveness, name="liveness"),
    path("inloggen/", tweestaps.InloggenView.as_view(), name="login"),
    path("inloggen/gemeente/", oidc.aanvraag, name="oidc_authentication_init"),
    path("inloggen/gemeente/terug/", oidc.terugkeer, name="oidc_authentication_callback"),
    path("inloggen/code/", tweestaps.VerifierenView.as_view(), name="tweestaps_verifieren"),
    path("account/tweestapsverificatie/", tweestaps.InstellenView.as_view(), name="tweestaps_instellen"),
    # the local session, and the provider's where the session began there
    path("uitloggen/", OIDCLogoutView.as_view(), name="logout"),
    # the admin has no login of its own: ours, with its second factor and its guards
    path(
        "beheer/admin/login/",
        login_not_required(RedirectView.as_view(pattern_name="login", query_string=True)),
    ),
    path("importen/<int:pk>/", generic.ImportTaakView.as_view(), name="importtaak"),
    # the apps' pages, where each app's bijdragen.py mounts them
    *(path(prefix, include(module)) for app in registry.apps() for prefix, module in app.urls),
    path("beheer/", include((kern_patterns, "kern"))),
    path("beheer/admin/", admin.site.urls),
]

admin.site.site_header = "Beheer · Opgave asiel en migratie"
admin.site.site_title = "Beheer"
