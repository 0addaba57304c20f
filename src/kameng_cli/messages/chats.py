"""Messages for the chats area (chat sources and signals; see kameng_cli/i18n.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- sources ---
    "chats.undecodable": {
        "zh": "无法读取聊天记录 {file} 的文字编码（{detail}）。请用导出工具重新导出，或在记事本中另存为 UTF-8 后再添加。",
        "en": "Cannot decode the chat log {file} ({detail}). Export it again, or save it as UTF-8 in a text editor and add it again.",
    },
    "chats.undecodable_lines": {
        "zh": "注意：第 {lines} 行有无法解码的字节（可能是复制或保存时损坏），已用 � 代替，其余内容照常读取；原件已原样保存",
        "en": "note: line(s) {lines} hold bytes that cannot be decoded (damaged when copied or saved); they are shown "
              "as � and the rest was read as usual; the original is kept unchanged",
    },
    "chats.pasted_blank": {
        "zh": "粘贴的内容（标准输入）只有空白或空行，没有一个字，未添加任何证据。请在聊天窗口中全选并复制聊天记录，"
              "再运行 kameng add - 粘贴（完成后按 Ctrl-D）；或直接添加导出的聊天记录文件：kameng add 聊天记录.txt",
        "en": "The pasted text (standard input) holds only blanks or empty lines, not one word; nothing was added. Select and copy "
              "the chat in the chat window, then run kameng add - and paste it (Ctrl-D when done); or add the exported chat "
              "file: kameng add chat.txt",
    },
    "chats.pasted_not_text": {
        "zh": "粘贴的内容（标准输入）不是文字，而是二进制数据（图片、压缩包等），未添加任何证据。请粘贴从聊天窗口复制的文字；"
              "文件请直接按文件添加：kameng add 文件名",
        "en": "The pasted input (standard input) is binary data (an image, an archive, …), not text; nothing was added. Paste "
              "text copied from the chat window; add files by name instead: kameng add FILE",
    },
    "chats.blank_file": {
        "zh": "{file} 里只有空白、空行或 BOM，没有一个字，不能作为证据，未添加。请确认选对了文件，或重新导出聊天记录后再添加。",
        "en": "{file} holds only blanks, empty lines or a BOM, not one word, so it cannot be evidence; nothing was added. Check "
              "that it is the right file, or export the chat again and add that.",
    },
    "chats.no_messages_forced": {
        "zh": "按你指定的格式（--format {source}）读不到任何消息：这份文件可能不是这种格式。去掉 --format 让 kameng 自己识别，或换成正确的格式名（kameng doctor 列出全部格式）。",
        "en": "No message could be read with the format you chose (--format {source}): the file may not be in that format. Drop --format to let kameng detect it, or name the right format (kameng doctor lists them).",
    },
    "chats.no_messages": {
        "zh": "认出了聊天记录格式（{source}），但一条消息也没有读到。文件可能被截断或只复制了标题；请重新导出完整记录。",
        "en": "The chat format ({source}) was recognised but no message could be read. The file may be cut off; export the full log again.",
    },
    "chats.csv_empty": {
        "zh": "{file} 是空的 CSV 文件（连表头都没有）。请重新导出。",
        "en": "{file} is an empty CSV file (no header row). Export it again.",
    },
    "chats.csv_columns": {
        "zh": "{file} 像是 {source} 导出的 CSV，但缺少列：{missing}。可能被 Excel 改过；请用导出工具重新导出，不要在 Excel 中另存。",
        "en": "{file} looks like a {source} CSV but lacks the columns {missing}. It may have been edited in Excel; export it again.",
    },
    "chats.row_no_time": {"zh": "这一行的时间无法识别，已跳过", "en": "the time on this row cannot be read; row skipped"},
    "chats.memotrace_ai_txt": {
        "zh": "{file} 是留痕/MemoTrace v2 的「AI 对话 TXT」导出，不能作为证据：它没有每条消息的时间，并把订单号、卡号等 15/18 位数字和手机号替换成了占位符。"
              "请在留痕中改用「TXT」「CSV」或「HTML」格式重新导出这段聊天，再添加。",
        "en": "{file} is a MemoTrace v2 'AI TXT' export and cannot serve as evidence: it has no per-message times and replaces order and card "
              "numbers (15/18-digit runs) and phone numbers with placeholders. Export the chat again as TXT, CSV or HTML and add that.",
    },
    "chats.ask.which_is_me": {
        "zh": "这份聊天记录里哪个名字是你自己？（可在 case.toml 的 my_names 中写上，以后就不再询问）",
        "en": "Which name in this chat is you? (Put it in my_names in case.toml and you will not be asked again.)",
    },
    "chats.ask.none": {"zh": "都不是我", "en": "none of them"},
    "chats.system": {"zh": "系统", "en": "system"},
    "chats.transfer_paid": {"zh": "聊天中向 {who} 转账 ¥{amount}", "en": "Transfer of ¥{amount} to {who} in the chat"},
    "chats.transfer_refunded": {"zh": "{who} 在聊天中转回 ¥{amount}", "en": "{who} transferred ¥{amount} back in the chat"},
    "chats.read": {"zh": "读到 {count} 条消息，识别出 {signals} 个承诺/推诿/承认/诉求等信号", "en": "{count} messages read, {signals} signals (promises, deflections, admissions, demands)"},
    "chats.roles_guessed": {
        "zh": "无法确定哪方是你，暂按「{me}」是你处理（可信度低）。请在 case.toml 的 my_names 中写上你的昵称后运行 kameng rebuild。",
        "en": "Could not tell which side is you; assumed '{me}' (low confidence). Put your nickname in my_names in case.toml, then run kameng rebuild.",
    },
    "chats.roles_asked": {
        "zh": "已按你的选择把「{me}」当作你（重建时沿用）。也可以把它写进 case.toml 的 my_names，以后的聊天记录就不用再问。",
        "en": "Took '{me}' as you, as you chose (a rebuild keeps it). Add it to my_names in case.toml and later chat logs will not ask.",
    },
    "chats.year_assumed": {
        "zh": "这份记录的时间没有年份（chatlog 按查询范围省略），已按{source}补为 {year} 年，相关时间均已标注。",
        "en": "The times in this log have no year (chatlog omits it); {year} was assumed from {source}, and every such time is flagged.",
    },
    "chats.mht_colours_all_me": {
        "zh": "这份 mht 的颜色把每个发言人都标成了你（QQ 有时会把每段第一条消息的颜色标错），已不按颜色、改按名字判断哪方是你。",
        "en": "The colours in this mht mark every speaker as you (QQ may colour the first message of a section wrongly); names, not colours, decide which side is you.",
    },
    "chats.mht_colours_disagree": {
        "zh": "这份 mht 的颜色与 case.toml 的 my_names 不一致（QQ 有时会把每段第一条消息的颜色标错），已按 my_names 判断哪方是你。",
        "en": "The colours in this mht disagree with my_names in case.toml (QQ may colour the first message of a section wrongly); my_names decides which side is you.",
    },
    "chats.mht_colours_tied": {
        "zh": "这份 mht 里有发言人的消息颜色一半像你、一半像对方，无法按颜色判断，已改按名字判断哪方是你。",
        "en": "In this mht a speaker's messages are coloured half as you and half as the other side; names, not colours, decide which side is you.",
    },
    "chats.copy_date_assumed": {
        "zh": "这份复制的聊天记录只有时间，没有日期或年份，已按{source}补为 {year} 年的日期，相关时间均已标注。",
        "en": "This copied chat has times without a date or year; the date was assumed from {source} ({year}), and every such time is flagged.",
    },
    "chats.anchor.order": {"zh": "订单付款时间", "en": "the order's payment time"},
    "chats.anchor.file": {"zh": "文件修改时间", "en": "the file's modification time"},
    "chats.anchor.today": {"zh": "今天的日期", "en": "today's date"},
    # --- completeness notes (codes: docs/chats.md) ---
    "chats.note.chat-span": {"zh": "记录范围：{first} 至 {last}，共 {count} 条", "en": "covers {first} to {last}, {count} messages"},
    "chats.note.chat-starts-after-payment": {
        "zh": "聊天记录从 {first} 开始，晚于付款时间 {paid_at}（{hours} 小时后）：付款前的沟通（如商家的到账承诺）可能不在这份记录里",
        "en": "the log starts at {first}, {hours} h after the payment at {paid_at}: what was said before paying (e.g. delivery promises) may be missing",
    },
    "chats.note.chat-starts-after-payment-minutes": {
        "zh": "聊天记录从 {first} 开始，付款（{paid_at}）{minutes} 分钟后：付款前的沟通（如商家的到账承诺）可能不在这份记录里",
        "en": "the log starts at {first}, {minutes} min after the payment at {paid_at}: what was said before paying (e.g. delivery promises) may be missing",
    },
    "chats.note.chat-starts-mid": {
        "zh": "第一条消息（{locator}「{text}」）像是在回应前文：记录可能不是从对话开头导出的",
        "en": "the first message ({locator}, '{text}') answers something not in the log: it may start mid-conversation",
    },
    "chats.note.chat-out-of-order": {
        "zh": "有 {count} 条消息的时间早于它上面的一条（第一处：{locator}，{time} 排在 {previous} 之后）：记录可能被编辑、合并或重新排序过，建议重新导出原始记录",
        "en": "{count} message(s) are timed before the one above them (first at {locator}: {time} after {previous}): the log may have been edited, merged or re-sorted; export the original again",
    },
    "chats.note.chat-gap": {
        "zh": "{start} 至 {end} 之间 {hours} 小时没有任何消息（本记录的消息间隔中位数约 {median_minutes} 分钟）",
        "en": "no messages for {hours} h between {start} and {end} (the log's median gap is about {median_minutes} min)",
    },
    "chats.note.chat-recalled": {"zh": "{at} 有一条消息被撤回（撤回方：{by}，{locator}）", "en": "a message was recalled at {at} (by {by}, {locator})"},
    "chats.note.chat-gap-days": {
        "zh": "{start} 至 {end} 之间约 {days} 天没有任何消息（本记录的消息间隔中位数约 {median_minutes} 分钟）",
        "en": "no messages for about {days} days between {start} and {end} (the log's median gap is about {median_minutes} min)",
    },
    "chats.by.me": {"zh": "你", "en": "you"},
    "chats.by.counterparty": {"zh": "对方", "en": "the other side"},
    "chats.by.system": {"zh": "系统", "en": "the system"},
    "chats.by.unknown": {"zh": "不明", "en": "unknown"},
    "chats.note.chat-too-short": {
        "zh": "只有 {count} 条消息，约为一两屏截图的量：可能被质疑选择性呈现证据，建议导出完整聊天记录",
        "en": "only {count} messages, about a screenshot's worth: it may be challenged as selective; export the whole chat",
    },
    "chats.note.chat-one-sided": {"zh": "记录里只有一方（{side}）的消息", "en": "the log has messages from one side only ({side})"},
    "chats.note.chat-no-times": {
        "zh": "这份复制的记录没有任何时间（{count} 条），只能证明先后顺序，不能证明何时发生",
        "en": "this copied log has no times at all ({count} messages): it shows order, not when things happened",
    },
    "chats.note.chat-missing-reference": {
        "zh": "{locator} 提到「{phrase}」，但记录中在此之前没有对方的消息：前面的对话可能缺失",
        "en": "{locator} refers to '{phrase}' but the log has no earlier message from the other side: earlier messages may be missing",
    },
    "chats.note.chat-resaved": {
        "zh": "文件编码或换行与导出工具的原始格式不同（{reasons}）：文件曾被打开并另存",
        "en": "encoding or line endings differ from the exporter's own ({reasons}): the file was opened and saved again",
    },
    "chats.note.chat-undecodable": {
        "zh": "第 {lines} 行有 {encoding} 无法解码的字节（共 {count} 行），已用 � 代替：这些行的原文请以证据原件为准",
        "en": "line(s) {lines} hold bytes that are not {encoding} text ({count} line(s)); shown as �: "
              "for those lines the original file is the reference",
    },
    "chats.note.chat-truncated": {"zh": "文件结尾不完整（{reason}）：导出或复制可能被中断", "en": "the file does not end cleanly ({reason}): the export or copy may have been cut off"},
    "chats.note.chat-count-mismatch": {
        "zh": "导出文件声明 {declared} 条消息，实际读到 {parsed} 条",
        "en": "the export declares {declared} messages but {parsed} were read",
    },
    "chats.note.chat-exporter-loss": {
        "zh": "导出工具 {exporter} 会遗漏这些类型的消息：{lost}。如需证明转账、通话等，请另用 CSV/HTML 格式导出",
        "en": "the exporter {exporter} leaves out these message types: {lost}. Export CSV/HTML as well to show transfers or calls",
    },
    "chats.note.chat-time-mismatch": {
        "zh": "{count} 行的 StrTime 与 CreateTime 不一致：文件被改过，或导出时电脑不在北京时间",
        "en": "{count} rows have a StrTime that does not match CreateTime: edited, or exported on a machine not on Beijing time",
    },
    "chats.note.chat-partial-page": {
        "zh": "这是 PyWxDump 的分页文件（第 {start}–{end} 条），同一聊天的其他分页可能没有提交",
        "en": "this is one PyWxDump page (messages {start}-{end}); other pages of the same chat may be missing",
    },
    "chats.note.chat-year-assumed": {
        "zh": "时间没有年份，已按{source}推定为 {year} 年",
        "en": "times have no year; {year} was assumed from {source}",
    },
    # --- signals ---
    "signals.vocab_invalid": {
        "zh": "词表文件 {file} 无法读取（{detail}）。请检查 TOML 格式（表名如 [deflections.upstream]，phrases = [\"...\"]）。",
        "en": "The vocabulary file {file} cannot be read ({detail}). Check its TOML (tables like [deflections.upstream], phrases = [\"...\"]).",
    },
    "signals.summary.promise_due": {"zh": "承诺「{phrase}」，期限 {due}", "en": "promise '{phrase}', due {due}"},
    "signals.summary.promise_vague": {"zh": "含糊承诺「{phrase}」（无明确期限）", "en": "vague promise '{phrase}' (no deadline)"},
    "signals.summary.promise_passed": {"zh": "承诺「{phrase}」，但所说的时间（{due}）在说这句话时已过，不计期限",
                                       "en": "promise '{phrase}', but the time it names ({due}) had passed when it was said: no deadline"},
    "signals.summary.deflection": {"zh": "推诿（{category}）：「{phrase}」", "en": "deflection ({category}): '{phrase}'"},
    "signals.summary.admission": {"zh": "对方承认：「{phrase}」", "en": "admission: '{phrase}'"},
    "signals.summary.refused": {"zh": "对方拒绝：「{phrase}」", "en": "refused: '{phrase}'"},
    "signals.summary.demand": {"zh": "诉求：{claim}（「{phrase}」）", "en": "demand: {claim} ('{phrase}')"},
    "signals.summary.threat": {"zh": "，表示将投诉（{channels}）", "en": ", threatens to complain ({channels})"},
    "signals.summary.promise_broken": {"zh": "承诺「{phrase}」到期（{due}）仍未到账/退款", "en": "promise '{phrase}' passed its due time ({due}) with no delivery or refund"},
    "signals.summary.silence_no_reply": {"zh": "对方 {hours} 小时未回复（自 {since}）", "en": "no reply for {hours} h (since {since})"},
    "signals.summary.delivered": {"zh": "我方确认已收到：「{phrase}」", "en": "the user confirms receipt: \"{phrase}\""},
    "signals.summary.refunded": {"zh": "我方确认已收到退款：「{phrase}」", "en": "the user confirms the refund: \"{phrase}\""},
    "signals.summary.silence_days": {"zh": "自 {since} 起跨 {days} 天的消息均未获回复（{hours} 小时）", "en": "messages on {days} days since {since} went unanswered ({hours} h)"},
    "signals.category.system-delay": {"zh": "系统延迟", "en": "system delay"},
    "signals.category.upstream": {"zh": "上游/第三方", "en": "upstream / third party"},
    "signals.category.blames-user": {"zh": "归咎于买家", "en": "blames the user"},
    "signals.category.escalated": {"zh": "内部转交", "en": "escalated internally"},
    "signals.category.asks-to-wait": {"zh": "要求等待", "en": "asks to wait"},
    "signals.category.asks-for-proof": {"zh": "要求补充证明", "en": "asks for more proof"},
    "signals.claim.refund": {"zh": "退款", "en": "refund"},
    "signals.claim.redeliver": {"zh": "补发", "en": "redeliver"},
    "signals.claim.compensation": {"zh": "赔偿", "en": "compensation"},
    "signals.claim.none": {"zh": "投诉", "en": "complaint"},
}
