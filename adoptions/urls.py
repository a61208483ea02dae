from django.urls import path

from . import views

app_name = "adoptions"

urlpatterns = [
    path("transfers/", views.transfers, name="transfers"),
    path("adoptions/", views.mine, name="mine"),
    path("adoptions/declare/<slug:slug>/", views.declare, name="declare"),
    path("adoptions/<int:pk>/", views.detail, name="detail"),
    path("adoptions/<int:pk>/accept/", views.decide, {"action": "accept"}, name="accept"),
    path("adoptions/<int:pk>/decline/", views.decide, {"action": "decline"}, name="decline"),
    path("adoptions/<int:pk>/withdraw/", views.decide, {"action": "withdraw"}, name="withdraw"),
]
