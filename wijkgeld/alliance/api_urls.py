app_name = "alliance_api"
urlpatterns: list = []
