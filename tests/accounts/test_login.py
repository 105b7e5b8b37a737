import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkgeld.core.models import AuditEntry


@pytest.mark.django_db
def test_failed_login_shows_one_generic_message(client, make_user):
    make_user(username="anna")
    for username in ("anna", "nobody"):
        response = client.post(reverse("accounts:login"), {"username": username, "password": "wrong"})
        assert response.status_code == 200
        assert "niet juist" in response.content.decode()


@pytest.mark.django_db
def test_repeated_failures_are_throttled(client, make_user, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    make_user(username="anna")
    statuses = [
        client.post(reverse("accounts:login"), {"username": "anna", "password": "wrong"}).status_code
        for _ in range(4)
    ]
    assert statuses[:2] == [200, 200]
    assert statuses[-1] == 429
    # Even the right password is refused while locked out.
    ok = client.post(reverse("accounts:login"), {"username": "anna", "password": "correct horse battery"})
    assert ok.status_code == 429


@pytest.mark.django_db
def test_resident_delegate_logs_in_without_second_step(client, make_user, area):
    make_user("resident_delegate", area, username="kees")
    response = client.post(
        reverse("accounts:login"), {"username": "kees", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200


@pytest.mark.django_db
def test_finance_must_set_up_and_use_totp(client, make_user, area, settings):
    # django-otp throttles after a wrong code (1 s, doubling); the test does not wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_user("finance", area, username="bram")
    client.post(reverse("accounts:login"), {"username": "bram", "password": "correct horse battery"})
    # Every page except the second step sends them to the second step.
    response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 302 and reverse("accounts:two_factor") in response["Location"]
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200 and page.context["setting_up"] is True
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    bad = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert bad.status_code == 200 and bad.context["form"].errors
    good = client.post(reverse("accounts:two_factor"), {"token": f"{totp(device.bin_key):06d}"})
    assert good.status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="accounts.twofactor.enabled", actor=user).exists()


@pytest.mark.django_db
def test_two_factor_ignores_foreign_next(client, make_user, area):
    user = make_user("programme_staff", area, username="eva")
    device = TOTPDevice.objects.create(user=user, name="x", confirmed=True)
    client.force_login(user)
    response = client.post(
        reverse("accounts:two_factor") + "?next=https://evil.example/",
        {"token": f"{totp(device.bin_key):06d}"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:dashboard")
