from django.shortcuts import get_object_or_404, render

from wijkgeld.fund.models import Round


def round_detail(request, slug: str, round_id: int):
    round_ = get_object_or_404(Round.objects.select_related("fund__area"), pk=round_id, fund__area__slug=slug)
    return render(request, "fund/round_detail.html", {"round": round_, "area": round_.fund.area})
