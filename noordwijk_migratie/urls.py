from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from . import generic, registry, views
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
    path(
        "inloggen/",
        login_not_required(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("importen/<int:pk>/", generic.ImportTaakView.as_view(), name="importtaak"),
    # the apps' pages, where each app's bijdragen.py mounts them
    *(path(prefix, include(module)) for app in registry.apps() for prefix, module in app.urls),
    path("beheer/", include((kern_patterns, "kern"))),
    path("beheer/admin/", admin.site.urls),
]

admin.site.site_header = "Beheer · Opgave asiel en migratie"
admin.site.site_title = "Beheer"
