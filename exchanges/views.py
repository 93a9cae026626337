from django.shortcuts import get_object_or_404, render

from exchanges.models import SwapAgreement


def swap_list(request):
    agreements = SwapAgreement.objects.visible_to(request.user).select_related("side_a", "side_b")
    return render(request, "exchanges/swap_list.html", {"agreements": agreements})


def swap_detail(request, pk):
    agreement = get_object_or_404(SwapAgreement.objects.visible_to(request.user), pk=pk)
    return render(request, "exchanges/swap_detail.html", {"agreement": agreement})
