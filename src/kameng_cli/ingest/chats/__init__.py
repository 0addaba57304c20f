"""Chat logs (QQ, WeChat exporters, shop transcripts). Each module is one source."""

SOURCES: list[str] = []
