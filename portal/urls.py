from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("pathway/", views.pathway_map, name="pathway"),
    path("pathway/<slug:slug>/", views.stage_detail, name="stage"),
    path("barriers/", views.barrier_list, name="barriers"),
    path("barriers/<slug:slug>/", views.barrier_detail, name="barrier"),
    path("stakeholders/", views.stakeholder_list, name="stakeholders"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/my-data.json", views.export_data, name="export-data"),
    path("accounts/profile/delete/", views.delete_account_page, name="delete-account"),
]
