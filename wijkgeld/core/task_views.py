"""Turn the task e-mail on or off (each person for themselves)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkgeld.core.models import TaskMailSettings


@require_POST
@login_required
def task_mail(request):
    wanted = request.POST.get("task_mail") == "on"
    TaskMailSettings.objects.update_or_create(
        user=request.user,
        defaults={"opted_out": not wanted, "language": getattr(request, "LANGUAGE_CODE", "nl")},
    )
    if wanted:
        messages.success(request, _("You get an e-mail when tasks are waiting for you."))
    else:
        messages.success(request, _("You no longer get e-mails about your tasks."))
    return redirect("accounts:dashboard")
