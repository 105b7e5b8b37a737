app_name = "money_api"
urlpatterns: list = []
