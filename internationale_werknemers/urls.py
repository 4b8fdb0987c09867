from django.urls import path

from . import views

app_name = "internationale_werknemers"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
