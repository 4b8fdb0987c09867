"""What the reminders app contributes: the pages Mijn werk and Voorkeuren, and who may use them."""

from noordwijk_migratie.registry import App

ONTVANGEN = "herinneringen.ontvangen"

app = App(
    "herinneringen",
    urls=(("mijn-werk/", "herinneringen.urls"),),
    rollen={
        # the roles the registered reminder kinds address
        "beleidsadviseur": (ONTVANGEN,),
        "opgavemanager": (ONTVANGEN,),
    },
)
