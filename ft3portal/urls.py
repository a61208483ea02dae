from django.contrib import admin
from django.urls import path

from . import views

admin.site.site_header = "FT3 Pathway Portal"
admin.site.site_title = "FT3 Pathway Portal admin"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
