from django.urls import path

from . import views

app_name = "pathway"

urlpatterns = [
    path("questions/", views.questions, name="questions"),
    path("questions/print/", views.questions_print, name="questions-print"),
    path("questions/download/", views.questions_download, name="questions-download"),
]
