app_name = "fund_api"
urlpatterns: list = []
