from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("criteria/", views.criteria, name="criteria"),
    path("initiatives/<slug:slug>/", views.initiative, name="initiative"),
    path("initiatives/<slug:slug>/start/", views.start, name="start"),
    path("<int:pk>/self-assessment/", views.self_assessment, name="self-assessment"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("reviews/", views.my_reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review, name="review"),
]
