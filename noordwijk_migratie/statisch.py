"""Static files in development (`make run`): straight from the apps, each URL carrying the file's version.

Production serves the files collectstatic names after their content (``app.aa12a9617481.css``) and WhiteNoise
lets the browser keep them forever. Development skips collectstatic, so its URLs carry the file's modification
time instead (``app.css?v=…``): the browser may keep a file as long (``WHITENOISE_MAX_AGE``) and still fetches
it at once after an edit. Without a version the browser had to ask again for every style sheet and script on
every page (``max-age=0``), and a saved form waited for those round trips before it showed."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import StaticFilesStorage


class VersieInUrlStorage(StaticFilesStorage):
    def url(self, name):
        url = super().url(name)
        pad = finders.find(name)
        return f"{url}?v={Path(pad).stat().st_mtime_ns:x}" if pad else url
