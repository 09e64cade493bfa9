"""The response contract as user code, checked by mypy --strict and pyright --strict (test_contract_python.py);
never run.

`assert_type` fails on `Any`, so each one proves the generator emitted that exact type; `assert_never` after a
`match` proves the union holds no other member. No `cast` anywhere: the detailed calls are typed as they are.
"""

from typing import assert_never, assert_type

import contract_async_class
import contract_functions
import contract_package
from contract_async_class import schemas as async_schemas
from contract_async_class.client import Client as AsyncClient
from contract_class import schemas as class_schemas
from contract_class.client import Client
from contract_functions import client, schemas
from contract_package import models
from contract_package.api.default import delete_item, get_item, get_with_default, run_default_only
from contract_package.errors import UnexpectedStatus


def functions_style() -> str:
    r = client.get_item_detailed(item_id=1)
    assert_type(r, contract_functions.Response[schemas.Item | schemas.NotFoundError | schemas.HTTPValidationError])
    assert_type(r.status_code, int)
    assert_type(r.headers["ETag"], str)
    assert_type(r.content, bytes)
    match r.parsed:
        case schemas.Item():
            return r.parsed.name
        case schemas.NotFoundError():
            return r.parsed.detail
        case schemas.HTTPValidationError():
            return "invalid"
        case _:
            assert_never(r.parsed)


def plain_calls_return_the_body() -> None:
    assert_type(client.get_item(item_id=1), schemas.Item | schemas.NotFoundError | schemas.HTTPValidationError)
    assert_type(client.delete_item(item_id=1), None | schemas.NotFoundError | schemas.HTTPValidationError)
    assert_type(client.run_default_only(status=500), schemas.Message)
    assert_type(client.get_with_default(), schemas.Item | schemas.Problem)
    assert_type(client.get_item_label(item_id=9), str | schemas.HTTPValidationError)
    assert_type(client.list_items_detailed().parsed, list[schemas.Item])


def errors() -> None:
    try:
        client.get_item(item_id=418)
    except contract_functions.UnexpectedStatus as error:
        assert_type(error.status_code, int)
        assert_type(error.content, bytes)
        print(error.headers["content-type"], error.body)
    except contract_functions.UnexpectedBody as error:
        print(error.__cause__)
    except contract_functions.ApiError as error:
        print(error.status_code)


def class_style() -> None:
    with Client(base_url="http://127.0.0.1:8000") as api:
        r = api.import_item_detailed(data=class_schemas.ItemCreate(name="crate"), queue=True)
        if r.status_code == 202 and isinstance(r.parsed, class_schemas.ImportJob):
            print(r.parsed.job_id)
        created = api.create_item(data=class_schemas.ItemCreate(name="anvil"))
        match created:
            case class_schemas.Item():
                print(created.id)
            case class_schemas.Conflict():
                print(created.existing_id)
            case class_schemas.HTTPValidationError():
                print(created.detail)
            case _:
                assert_never(created)


async def async_class_style() -> None:
    async with AsyncClient(base_url="http://127.0.0.1:8000") as api:
        r = await api.get_item_detailed(item_id=1)
        assert_type(r, contract_async_class.Response[async_schemas.Item | async_schemas.NotFoundError | async_schemas.HTTPValidationError])
        assert_type(await api.get_item_label(item_id=1), str | async_schemas.HTTPValidationError)
        assert_type((await api.delete_item_detailed(item_id=1)).parsed, None | async_schemas.NotFoundError | async_schemas.HTTPValidationError)


def package_style() -> None:
    c = contract_package.Client(base_url="http://127.0.0.1:8000")
    item = get_item.sync(client=c, item_id=1)
    assert_type(item, models.Item | models.NotFoundError | models.HTTPValidationError)  # no `| None`: it raises
    detailed = get_item.sync_detailed(client=c, item_id=1)
    assert_type(detailed, contract_package.Response[models.Item | models.NotFoundError | models.HTTPValidationError | None])
    assert_type(detailed.headers["ETag"], str)
    assert_type(delete_item.sync(client=c, item_id=1), None | models.NotFoundError | models.HTTPValidationError)
    assert_type(run_default_only.sync(client=c), models.Message)
    # `default` alone covers every status: nothing is undocumented, so `parsed` is never None.
    assert_type(run_default_only.sync_detailed(client=c), contract_package.Response[models.Message])
    assert_type(get_with_default.sync_detailed(client=c), contract_package.Response[models.Item | models.Problem | None])
    try:
        get_with_default.sync(client=c, status=201)
    except UnexpectedStatus as error:
        assert_type(error.status_code, int)
        assert_type(error.content, bytes)


async def package_style_async() -> None:
    c = contract_package.Client(base_url="http://127.0.0.1:8000")
    item = await get_item.asyncio(client=c, item_id=1)
    match item:
        case models.Item():
            print(item.name)
        case models.NotFoundError() | models.HTTPValidationError():
            print(item)
        case _:
            assert_never(item)
