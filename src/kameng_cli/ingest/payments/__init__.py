"""Payment exports (Alipay, WeChat Pay, bank statements). Each module is one source; see docs/payments.md."""

SOURCES: list[str] = [
    "kameng_cli.ingest.payments.alipay_web:SOURCE",
    "kameng_cli.ingest.payments.alipay_2021:SOURCE",
    "kameng_cli.ingest.payments.alipay_2023:SOURCE",
    "kameng_cli.ingest.payments.wechat_csv:SOURCE",
    "kameng_cli.ingest.payments.wechat_csv_2025:SOURCE",
    "kameng_cli.ingest.payments.wechat_xlsx:SOURCE",
    "kameng_cli.ingest.payments.wechat_xlsx_2026:SOURCE",
    "kameng_cli.ingest.payments.bank_cmb:SOURCE",
    "kameng_cli.ingest.payments.bank_icbc:SOURCE",
    "kameng_cli.ingest.payments.bank_generic:SOURCE",
    "kameng_cli.ingest.payments.bank_cmb_pdf:SOURCE",
    "kameng_cli.ingest.payments.bank_icbc_pdf:SOURCE",
]

# Source names of payment exhibits start with these (contract in the project brief). Chat sources
# may start with "wechat" too, so code that picks payment exhibits uses `payment_source_names()`.
PAYMENT_SOURCE_PREFIXES = ("alipay", "wechat", "bank")


def payment_source_names() -> frozenset[str]:
    """Names of the sources listed above (what `kameng match` and `kameng extract` accept)."""
    from ..registry import _load

    return frozenset(_load(spec).name for spec in SOURCES)
