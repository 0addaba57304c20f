"""Chat logs (QQ, WeChat exporters, shop transcripts). Each module is one source; detection of the
text layouts is decided in one place (`layouts.classify`) so overlapping layouts never both claim."""

SOURCES: list[str] = [
    "kameng_cli.ingest.chats.qq_txt:SOURCE",
    "kameng_cli.ingest.chats.qq_mht:SOURCE",
    "kameng_cli.ingest.chats.qq_copy:SOURCE",
    "kameng_cli.ingest.chats.qce_txt:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v1_txt:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v1_csv:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v1_html:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v2_txt:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v2_csv:SOURCE",
    "kameng_cli.ingest.chats.memotrace_v2_ai_txt:SOURCE",
    "kameng_cli.ingest.chats.chatlog_text:SOURCE",
    "kameng_cli.ingest.chats.chatlog_csv:SOURCE",
    "kameng_cli.ingest.chats.pywxdump_csv:SOURCE",
    "kameng_cli.ingest.chats.weflow_csv:SOURCE",
    "kameng_cli.ingest.chats.wechat_12425_csv:SOURCE",
    "kameng_cli.ingest.chats.weflow_txt:SOURCE",
    "kameng_cli.ingest.chats.wechatexporter_txt:SOURCE",
    "kameng_cli.ingest.chats.wechat_mac_copy:SOURCE",
    "kameng_cli.ingest.chats.wechat_windows_copy:SOURCE",
    "kameng_cli.ingest.chats.qianniu_copy:SOURCE",
    "kameng_cli.ingest.chats.ticket_transcript:SOURCE",
    "kameng_cli.ingest.chats.ticket_bracket:SOURCE",
]
