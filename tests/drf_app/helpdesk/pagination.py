"""The API's pagination (its own module: DRF imports it while views.py is still being imported)."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """`?page=N&page_size=M` (M at most 50; PAGE_SIZE in settings by default): `{count, next, previous, results}`."""

    page_size_query_param = "page_size"
    max_page_size = 50
