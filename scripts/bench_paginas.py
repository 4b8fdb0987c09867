"""Pages measured by `make bench`; the first one is the bare baseline."""

PAGINAS = [
    ("Kale view", "/healthz/live"),
    ("Dashboard", "/"),
    ("Gemeenten (lijst)", "/beheer/gemeenten/?per_page=50"),
]
