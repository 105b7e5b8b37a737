"""Find your area by postcode: a GET form on the home page that works without JavaScript."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkgeld.areas.lookup import PostcodeError, areas_for_postcode
from wijkgeld.areas.models import Area


@require_GET
def find_area(request):
    typed = request.GET.get("postcode", "")[:12]
    found: list[Area] = []
    error = None
    try:
        found = areas_for_postcode(typed)
    except PostcodeError:
        error = _("Type a postcode of four digits, for example 3083 or 3083 AB.")
    if len(found) == 1:
        return redirect(found[0].get_absolute_url())
    if error is None and not found:
        error = _(
            "We did not find an area for postcode %(postcode)s. Wijkgeld covers the NPLV areas only, "
            "and not every area has entered its postcodes yet. Choose your area from the list."
        ) % {"postcode": typed.strip().upper()}
    return render(
        request,
        "public/postcode.html",
        {"postcode": typed, "error": error, "found": found, "areas": Area.objects.all()},
    )
