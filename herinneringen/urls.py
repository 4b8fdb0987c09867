from django.urls import path

from . import views

app_name = "herinneringen"

urlpatterns = [
    path("", views.MijnWerkView.as_view(), name="mijn_werk"),
    path("voorkeuren/", views.VoorkeurenView.as_view(), name="voorkeuren"),
]
