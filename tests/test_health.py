import pytest

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_touching_anything(client):
    response = client.get("/health/live")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readiness_checks_the_database_and_the_broker(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["checks"] == ["database", "broker"]
