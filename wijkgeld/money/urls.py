app_name = "money"
urlpatterns: list = []
