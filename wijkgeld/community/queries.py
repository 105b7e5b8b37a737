"""Read-only queries on the register of resident collectives."""

from __future__ import annotations

from django.db.models import QuerySet

from wijkgeld.community.models import CollectiveProfile


def local_collectives_for(*, area, theme) -> QuerySet[CollectiveProfile]:
    """Verified collectives of the area that work on the theme (matched by code, so across tranches)."""
    return (
        CollectiveProfile.objects.filter(
            area=area, status=CollectiveProfile.Status.VERIFIED, themes__code=theme.code
        )
        .select_related("organisation")
        .distinct()
        .order_by("organisation__name")
    )


def verified_collectives(*, area) -> QuerySet[CollectiveProfile]:
    return (
        CollectiveProfile.objects.filter(area=area, status=CollectiveProfile.Status.VERIFIED)
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("organisation__name")
    )


def collectives_to_review(*, area) -> QuerySet[CollectiveProfile]:
    return (
        CollectiveProfile.objects.filter(area=area)
        .exclude(status=CollectiveProfile.Status.VERIFIED)
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("status", "-registered_at")
    )
