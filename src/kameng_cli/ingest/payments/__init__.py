"""Payment exports (Alipay, WeChat Pay, bank statements). Each module is one source."""

SOURCES: list[str] = []
