"""What the API app contributes: ``/api/v1/``, and the tokens, which the functioneel beheerder creates and
revokes (never deletes: the audit trail keeps naming them)."""

from noordwijk_migratie.registry import App

app = App(
    "api",
    urls=(("api/v1/", "api.urls"),),
    rollen={
        "functioneel_beheerder": tuple(f"api.{actie}_apitoken" for actie in ("view", "add", "change")),
    },
)
